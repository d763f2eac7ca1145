"""Readings → measurement (sessions) and the journey's order, repeats and results."""

from __future__ import annotations

from core.health import journey as j
from core.health.model import Measure, Measurement
from core.health.reading import DeviceInfo
from core.health.sessions import (
    BloodPressureSession,
    BodySession,
    Finished,
    OximetrySession,
    Progress,
    Rejected,
    TemperatureSession,
)
from devices.health.protocols import make_protocol
from devices.health.protocols.cms50 import encode_new
from devices.health.protocols.mlx90614 import encode_frame
from devices.health.protocols.tanita import encode_scale, encode_tanita
from devices.health.protocols.visomat import encode_dump

REC = {"time": "2026-11-21T09:00", "flag": 0, "systolic": 140, "diastolic": 90, "pulse": 80}


def test_oximetry_needs_continuous_valid_samples_and_says_why_not():
    p, s = make_protocol("cms50_new"), OximetrySession(valid_s=2.0)
    u = s.feed(p.feed(encode_new(0, None, None, finger_out=True)), now=0.0)
    assert isinstance(u, Progress) and u.hint == "finger_out"
    assert s.feed(p.feed(encode_new(30, 96, 70) * 5), now=0.5).values == {"spo2": 96, "pulse": 70}
    s.feed(p.feed(encode_new(0, None, None, searching=True)), now=1.0)  # finger moved: starts again
    s.feed(p.feed(encode_new(30, 97, 71)), now=1.5)
    assert isinstance(s.feed(p.feed(encode_new(30, 97, 71)), now=3.0), Progress)
    u = s.feed(p.feed(encode_new(30, 97, 71)), now=3.6)
    assert isinstance(u, Finished) and u.measurement.values == {"spo2": 97, "pulse": 71}


def test_oximetry_capture_gives_99_and_60(sample_data):
    from devices.health.capture import load_capture

    readings = make_protocol("cms50_new").feed(load_capture(sample_data / "devices" / "cms50e_live_capture.hex",
                                                            "cms50_new"))
    s = OximetrySession(valid_s=1.0)
    updates = [s.feed(readings[i : i + 6], now=i / 60) for i in range(0, len(readings), 6)]
    done = [u for u in updates if isinstance(u, Finished)]
    assert done and done[0].measurement.values == {"spo2": 99, "pulse": 60}


def test_blood_pressure_ignores_what_was_stored_before():
    p, s = make_protocol("visomat"), BloodPressureSession()
    assert isinstance(s.feed(p.feed(encode_dump({1: [REC]})), 0), Progress)
    assert isinstance(s.feed(p.feed(encode_dump({1: [REC]})), 1), Progress)
    new = dict(REC, time="2026-11-21T09:05", systolic=132, diastolic=85)
    u = s.feed(p.feed(encode_dump({1: [REC, new]})), 2)
    assert isinstance(u, Finished) and u.measurement.values == {"systolic": 132, "diastolic": 85, "pulse": 80}


def test_two_identical_records_in_the_same_minute_are_two_readings():
    p, s = make_protocol("visomat"), BloodPressureSession()
    s.feed(p.feed(encode_dump({1: [REC]})), 0)
    u = s.feed(p.feed(encode_dump({1: [REC, REC]})), 1)
    assert isinstance(u, Finished) and u.measurement.values["systolic"] == 140


def test_implausible_bp_is_rejected():
    p, s = make_protocol("visomat"), BloodPressureSession()
    s.feed(p.feed(encode_dump({1: []})), 0)
    u = s.feed(p.feed(encode_dump({1: [dict(REC, systolic=300)]})), 1)
    assert isinstance(u, Rejected) and "implausible.systolic" in u.errors


def test_body_from_tanita_and_generic_scale():
    u = BodySession().feed(make_protocol("tanita").feed(encode_tanita(62.5, 165.0)), 0)
    assert u.measurement.values == {"weight_kg": 62.5, "height_cm": 165.0, "bmi": 23.0}
    s, p = BodySession(), make_protocol("generic_scale")
    assert s.feed(p.feed(encode_scale(50.0, stable=False)), 0).values == {"weight_kg": 50.0}
    u = s.feed(p.feed(encode_scale(58.3)), 1)
    assert u.measurement.values == {"weight_kg": 58.3, "height_cm": None, "bmi": None}


def test_temperature_settles():
    p, s = make_protocol("mlx90614"), TemperatureSession(samples=3)
    assert s.feed(p.feed(encode_frame(25.0, 25.0)), 0).hint == "waiting"
    assert isinstance(s.feed(p.feed(encode_frame(35.0, 25) + encode_frame(36.5, 25)), 1), Progress)
    u = s.feed(p.feed(encode_frame(36.6, 25) + encode_frame(36.55, 25)), 2)
    assert isinstance(u, Finished) and u.measurement.values == {"celsius": 36.6}


def _m(measure, **values):
    dev = DeviceInfo("sim-x", validated=False)
    return Measurement(measure, values, device=dev)


def test_journey_all_measures_with_two_bp_readings_and_a_retry():
    jr = j.Journey(list(Measure), bp_scheme="esh")
    assert jr.current is Measure.BLOOD_PRESSURE and jr.step == (1, 5)
    assert jr.record(_m(Measure.BLOOD_PRESSURE, systolic=142, diastolic=91, pulse=70)) == j.AGAIN
    assert jr.reading_number == 2
    assert jr.reject(("implausible.systolic",)) == j.AGAIN  # a bad reading is measured again
    assert jr.record(_m(Measure.BLOOD_PRESSURE, systolic=138, diastolic=89, pulse=72)) == j.NEXT
    assert jr.current is Measure.SPO2 and jr.step == (2, 5)
    assert jr.record(_m(Measure.SPO2, spo2=88, pulse=90)) == j.NEXT
    assert jr.skip("device_missing") == j.NEXT
    assert jr.record(_m(Measure.TEMPERATURE, celsius=36.7)) == j.DONE
    assert jr.step == (5, 5)
    res = {r.measure: r for r in jr.results()}
    bp = res[Measure.BLOOD_PRESSURE]
    assert bp.measurement.values["systolic"] == 140 and bp.measurement.count == 2
    assert bp.categories["blood_pressure"].code == "bp.esh.grade1"
    assert "device.unvalidated" in bp.notes
    assert res[Measure.BODY].measurement is None and res[Measure.BODY].problem == "device_missing"
    assert [r.measure for r in jr.crises()] == [Measure.SPO2]
    payload = j.to_payload(jr.results(), "esh")
    assert payload["measurements"][0]["categories"] == {"blood_pressure": "bp.esh.grade1", "pulse": "pulse.normal"}
    assert "name" not in str(payload)


def test_journey_gives_up_after_three_implausible_readings():
    jr = j.Journey([Measure.TEMPERATURE])
    assert jr.reject() == j.AGAIN and jr.reject() == j.AGAIN and jr.reject() == j.DONE
    assert jr.results()[0].problem == "measurement_error"


def test_the_bp_scheme_comes_from_config():
    jr = j.Journey([Measure.BLOOD_PRESSURE], bp_scheme="aha")
    jr.record(_m(Measure.BLOOD_PRESSURE, systolic=132, diastolic=78, pulse=70))
    jr.record(_m(Measure.BLOOD_PRESSURE, systolic=130, diastolic=76, pulse=70))
    (result,) = jr.results()
    assert result.categories["blood_pressure"].code == "bp.aha.stage1"  # ESH would say high-normal
    assert j.to_payload(jr.results(), "aha")["bp_scheme"] == "aha"
