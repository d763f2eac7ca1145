"""Categories, plausibility limits and crisis rules (PEERS §3.2)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.health import rules
from core.health.model import Measure, Measurement, device_notes
from core.health.reading import DeviceInfo
from core.health.rules import Level


def bp(s, d, p=70):
    return Measurement(Measure.BLOOD_PRESSURE, {"systolic": s, "diastolic": d, "pulse": p})


@pytest.mark.parametrize("s,d,code,level", [
    (115, 75, "bp.esh.optimal", Level.GOOD),
    (125, 82, "bp.esh.normal", Level.GOOD),
    (135, 80, "bp.esh.high_normal", Level.CAUTION),
    (128, 86, "bp.esh.high_normal", Level.CAUTION),
    (145, 92, "bp.esh.grade1", Level.CAUTION),
    (165, 95, "bp.esh.grade2", Level.HIGH),
    (150, 105, "bp.esh.grade2", Level.HIGH),
    (175, 112, "bp.esh.grade3", Level.HIGH),
    (150, 85, "bp.esh.isolated_systolic", Level.CAUTION),
    (170, 80, "bp.esh.isolated_systolic", Level.HIGH),
    (180, 100, "bp.esh.grade3", Level.URGENT),  # crisis: systolic ≥ 180
    (185, 85, "bp.esh.isolated_systolic", Level.URGENT),
    (150, 120, "bp.esh.grade3", Level.URGENT),  # crisis: diastolic ≥ 120
])
def test_esh_is_the_default_scheme(s, d, code, level):
    assert rules.blood_pressure(s, d) == rules.Category(code, level)


@pytest.mark.parametrize("s,d,code,level", [
    (118, 78, "bp.aha.normal", Level.GOOD),
    (125, 78, "bp.aha.elevated", Level.CAUTION),
    (132, 78, "bp.aha.stage1", Level.CAUTION),
    (125, 85, "bp.aha.stage1", Level.CAUTION),
    (141, 85, "bp.aha.stage2", Level.HIGH),
    (181, 100, "bp.aha.crisis", Level.URGENT),
    (180, 100, "bp.aha.stage2", Level.URGENT),  # our crisis rule (≥180) still makes it urgent
])
def test_aha_scheme(s, d, code, level):
    assert rules.blood_pressure(s, d, "aha") == rules.Category(code, level)


@pytest.mark.parametrize("value,code", [(18.4, "bmi.underweight"), (18.5, "bmi.normal"), (22.9, "bmi.normal"),
                                        (23.0, "bmi.overweight"), (24.9, "bmi.overweight"), (25.0, "bmi.obese1"),
                                        (30.0, "bmi.obese2")])
def test_bmi_uses_the_asian_cut_offs(value, code):
    assert rules.bmi(value).code == code


def test_bmi_from_weight_and_height():
    assert rules.bmi_value(62.5, 165.0) == 23.0


@pytest.mark.parametrize("value,code,level", [(98, "spo2.normal", Level.GOOD), (94, "spo2.low", Level.CAUTION),
                                              (90, "spo2.low", Level.CAUTION), (89, "spo2.very_low", Level.URGENT)])
def test_spo2(value, code, level):
    assert rules.spo2(value) == rules.Category(code, level)


@pytest.mark.parametrize("value,code", [(35.0, "temp.low"), (36.6, "temp.normal"), (37.6, "temp.raised"),
                                        (38.5, "temp.fever"), (40.0, "temp.high_fever")])
def test_temperature(value, code):
    assert rules.temperature(value).code == code


@pytest.mark.parametrize("s,d,ok", [(60, 40, True), (279, 200, True), (59, 40, False), (280, 100, False),
                                    (120, 39, False), (120, 201, False), (90, 95, False)])
def test_bp_plausibility_limits(s, d, ok):
    assert (rules.implausible(bp(s, d)) == []) is ok


def test_crisis_values():
    assert rules.is_crisis(bp(180, 90)) and rules.is_crisis(bp(150, 120))
    assert not rules.is_crisis(bp(179, 119))
    assert rules.is_crisis(Measurement(Measure.SPO2, {"spo2": 89, "pulse": 80}))
    assert not rules.is_crisis(Measurement(Measure.SPO2, {"spo2": 90, "pulse": 80}))


def test_average_and_third_reading():
    assert rules.average_bp([bp(131, 84, 70), bp(126, 81, 73)]).values == {"systolic": 129, "diastolic": 83,
                                                                          "pulse": 72}
    assert rules.bp_needs_another([bp(130, 80)])
    assert not rules.bp_needs_another([bp(130, 80), bp(134, 84)])
    assert rules.bp_needs_another([bp(150, 80), bp(134, 84)])  # differ by 16: a third one
    assert not rules.bp_needs_another([bp(150, 80), bp(134, 84), bp(136, 84)])


@settings(deadline=None)  # fast, but a loaded CI box can stall any one call past the default 200 ms
@given(s=st.integers(0, 400), d=st.integers(0, 300), scheme=st.sampled_from(["esh", "aha"]))
def test_every_bp_gets_a_category_and_crisis_is_always_urgent(s, d, scheme):
    cat = rules.blood_pressure(s, d, scheme)
    assert cat.code.startswith(f"bp.{scheme}.")
    assert (cat.level is Level.URGENT) == (s >= 180 or d >= 120 or (scheme == "aha" and (s > 180 or d > 120)))


def test_device_notes():
    today = dt.date(2026, 11, 21)
    good = DeviceInfo("A1", model="X", validated=True, calibration_due="2027-01-01")
    assert device_notes(good, today) == ()
    old = DeviceInfo("A1", validated=False, calibration_due="2026-11-20")
    assert device_notes(old, today) == ("device.unvalidated", "device.calibration_overdue")
    sim = DeviceInfo("sim-oximeter", validated=True, calibration_due="")
    assert device_notes(sim, today) == ("device.simulated", "device.calibration_unknown")
