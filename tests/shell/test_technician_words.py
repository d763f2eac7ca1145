"""The technician screens in Vietnamese say device states in words (issue 17 items 8-9): walked with the real
services (simulated devices report their states), every state a device can be in, and the station check run;
no raw English state word ("ready", "fault", "paper_out", ...) is left on any technician screen."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QListWidget, QPlainTextEdit

from devices.base import DeviceState
from screens.technician.doctor_words import check_detail, check_fix
from screens.technician.words import detail_text, device_state
from tests.shell.test_technician import unlock

ENGLISH_STATES = re.compile(
    r"\b(absent|connecting|ready|busy|fault|error|offline|online|not[ _]configured|paper[ _](out|low)|measuring|"
    r"opening|simulated|idle|queued|sending|rejected|running|valid|missing|unreachable|reachable|not used|"
    r"released|checking|demo codes)\b", re.IGNORECASE)
TECHNICIAN_SCREENS = ("technician", "technician.devices", "technician.doctor", "technician.submissions",
                      "technician.diagnostics", "technician.enrol")


def visible_texts(screen) -> list[str]:
    texts = [w.text() for w in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton)
             if w.isVisibleTo(screen)]
    for combo in screen.findChildren(QComboBox):
        if combo.isVisibleTo(screen):
            texts += [combo.itemText(i) for i in range(combo.count())]
    for rows in screen.findChildren(QListWidget):
        texts += [rows.item(i).text() for i in range(rows.count())]
    for report in screen.findChildren(QPlainTextEdit):
        if screen.screen_id == "technician.diagnostics":
            continue  # the log file itself: kept in English for support, as on the command line
        # in the doctor's "→ fix" lines, commands (`…`), configuration keys ([…]) and values ("…") stay as typed
        texts += [re.sub(r"`[^`]*`|\[[^\]]*\]|\"[^\"]*\"", "", line) for line in report.toPlainText().splitlines()]
    return texts


def test_every_device_state_and_known_detail_has_words_in_vietnamese(make_app) -> None:
    make_app()  # the Vietnamese translations are installed
    for state in DeviceState:
        assert not ENGLISH_STATES.search(device_state(state.value)), state
    for detail in ("not_configured", "offline", "paper_out", "paper_low", "timeout", "error", "opening", "measuring",
                   "camera disabled in config", "checking simulated: demo codes",
                   "simulated: demo codes (released until a scan starts)", "camera 0; retry in 2 s"):
        assert not ENGLISH_STATES.search(detail_text(detail)), detail
    assert detail_text("/dev/ttyUSB0") == "Chi tiết: /dev/ttyUSB0"  # an unknown detail is kept, marked
    assert check_detail("online, paper out") == "đang bật, hết giấy" and check_detail("ready") == "Sẵn sàng"


def test_the_technician_screens_in_vietnamese_show_no_raw_english_state(make_app, qtbot) -> None:
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    unlock(app, qtbot)
    bus = app.ctx.bus
    # the real simulated devices report theirs; then every state a device can be in, with a worker's detail
    qtbot.waitUntil(lambda: "printer" in bus.device_states, timeout=10000)
    for name, state, detail in (("printer", "fault", "paper_out"), ("camera", "ready", "simulated: demo codes"),
                                ("oximeter", "connecting", "opening"), ("scale", "absent", "not configured"),
                                ("thermometer", "busy", "measuring"), ("blood_pressure", "ready", "")):
        bus.device_state_changed.emit(name, state, detail)
    doctor = app.technician.doctor
    found: dict[str, list[str]] = {}
    for screen_id in TECHNICIAN_SCREENS:
        app.flow.go(screen_id)
        screen = app.navigator.screen(screen_id)
        if screen is doctor:
            qtbot.waitUntil(lambda: bool(doctor.report.toPlainText()), timeout=30000)
        qtbot.wait(50)
        bad = [t for t in visible_texts(screen) if ENGLISH_STATES.search(t)]
        if bad:
            found[screen_id] = bad
    assert found == {}
    status_texts = visible_texts(app.tech_screen)
    assert "Máy in biên nhận" in status_texts and any(t.startswith("Lỗi: cần người xử lý") for t in status_texts)
    assert any("Sẵn sàng" in line for line in doctor.report.toPlainText().splitlines())
    fixes = [c["fix"] for c in doctor._report["checks"] if c.get("fix") and not c.get("ok")]
    assert fixes and [f for f in fixes if check_fix(f) == f] == []  # every fix the station check gave is in words


def test_a_health_device_test_says_the_values_or_why_there_are_none_in_words(make_app) -> None:
    """The technician's "test the device" line, for each way a measurement ends (typed outcomes, issue 12)."""
    from core.health.model import Measure, Measurement
    from core.health.sessions import Finished, Rejected
    from kiosk.services.health import MeasureFailed
    from screens.technician.words import measured_text

    make_app().set_language("en")
    bp = Measurement(Measure.BLOOD_PRESSURE, {"systolic": 121, "diastolic": 79, "pulse": 70})
    assert measured_text(Finished(bp)) == "✓ systolic 121, diastolic 79, pulse 70"
    assert measured_text(MeasureFailed("device_missing")) == "✗ device not available"
    assert measured_text(MeasureFailed("timeout")) == "✗ no result in time"
    odd = Measurement(Measure.SPO2, {"spo2": 30, "pulse": 400})
    rejected = measured_text(Rejected(odd, ("implausible.spo2",)))
    assert rejected.startswith("✗ ") and "✓" not in rejected and "30" not in rejected
