"""Health screens on their own: rest countdown, live hints, result colours and words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.health.journey import Journey
from core.health.model import Measure, Measurement
from core.health.reading import DeviceInfo
from core.health.sessions import Progress
from screens.health.check import GUIDE, MEASURING, PROBLEM, HealthCheckScreen
from screens.health.consent import HealthConsentScreen
from screens.health.results import HealthResultsScreen


def _texts(widget) -> str:
    return " | ".join(lab.text() for lab in widget.findChildren(QLabel) if lab.isVisibleTo(widget))


def test_blood_pressure_waits_for_the_rest_unless_the_resident_has_rested(qtbot):
    screen = HealthCheckScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_guide(Measure.BLOOD_PRESSURE, (1, 4), reading=1, readings=2, rest_seconds=180)
    assert screen.picture.file == "bp_rest.svg" and screen.step_info() == (1, 4)
    assert not screen.start_button.isEnabled() and screen.rested_button.isVisible()
    assert "3:00" in screen.rest_label.text()
    qtbot.mouseClick(screen.rested_button, Qt.MouseButton.LeftButton)
    assert screen.start_button.isEnabled() and not screen.rested_button.isVisible()
    screen.show_guide(Measure.BLOOD_PRESSURE, (1, 4), reading=2, readings=2, rest_seconds=0)
    assert screen.picture.file == "bp_cuff.svg" and "2 of 2" in screen.sub.text()


def test_live_values_and_hints_while_measuring(qtbot):
    screen = HealthCheckScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_measuring(Measure.SPO2)
    assert screen.pages.currentIndex() == MEASURING and screen.pleth.isVisible()
    screen.show_progress(Progress({}, "finger_out", (0, 0)))
    finger_hint = screen.hint.text()
    screen.show_progress(Progress({"spo2": 97, "pulse": 71}, "measuring", (10, 40, 70)))
    assert "97" in screen.live.text() and "71" in screen.live.text() and screen.hint.text() != finger_hint
    screen.show_problem("rejected")
    assert screen.pages.currentIndex() == PROBLEM and screen.retry_button.isVisible()
    screen.reset()
    assert screen.pages.currentIndex() == GUIDE and screen.live.text() == ""


def _results(**values_by_measure):
    dev = DeviceInfo("A&D-123", model="A&D UA-651", firmware="1.2", validated=True, calibration_due="2099-01-01")
    j = Journey(list(values_by_measure))
    for name, values in values_by_measure.items():
        for _ in range(2 if name == Measure.BLOOD_PRESSURE else 1):
            j.record(Measurement(Measure(name), values, device=dev))
    return j.results()


def test_results_show_value_unit_words_and_urgent_help(qtbot):
    screen = HealthResultsScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.set_results(_results(blood_pressure={"systolic": 152, "diastolic": 95, "pulse": 80},
                                spo2={"spo2": 88, "pulse": 96}), (3, 3), staff_phone="028 1234")
    text = _texts(screen)
    assert "152/95 mmHg" in text and "88 %" in text
    assert screen.urgent.isVisible() and "115" in screen.urgent.body.text() and "028 1234" in screen.urgent.body.text()
    badges = {b.property("level") for b in screen.findChildren(QLabel, "HealthBadge")}
    assert {"caution", "urgent", "good"} <= badges  # grade 1, SpO2 < 90, pulse in range
    assert "⚠" not in text  # a validated, calibrated device has no notes
    screen.set_results(_results(body={"weight_kg": 50.0, "height_cm": 165.0, "bmi": 18.4}), (2, 2))
    assert not screen.urgent.isVisible()
    shown = [b for b in screen.findChildren(QLabel, "HealthBadge") if b.isVisibleTo(screen)]  # the old cards go
    assert {b.property("level") for b in shown} == {"caution"}


def test_consent_box_starts_unticked_and_gates_the_scan(qtbot):
    screen = HealthConsentScreen()
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.checkbox.isChecked() and not screen.scan_button.isEnabled()
    screen.checkbox.setChecked(True)
    assert screen.scan_button.isEnabled()
    screen.set_state("saved", "BN01-261121-0001")
    assert "BN01-261121-0001" in screen.status.text() and screen.print_button.isVisible()
    screen.reset()
    assert not screen.checkbox.isChecked() and not screen.print_button.isVisible()
