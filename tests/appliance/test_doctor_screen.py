"""The technician "Station check" screen: doctor results with their fixes, and the device states the app sees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.shell.test_technician import unlock


def test_station_check_lists_problems_with_fixes(make_app, qtbot) -> None:
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9", "connect_timeout_seconds": 0.5})
    # the simulated printer reports "connecting" first: on a loaded machine the check could run before "ready"
    qtbot.waitUntil(lambda: app.technician._device_states.get("printer") == "ready", timeout=60000)
    unlock(app, qtbot)
    app.set_language("en")
    qtbot.mouseClick(app.tech_screen.doctor_button, Qt.MouseButton.LeftButton)
    screen = app.technician.doctor
    assert app.navigator.current is screen
    qtbot.waitUntil(lambda: "Problems to fix" in screen.summary.text(), timeout=60000)
    text = screen.report.toPlainText()
    assert "✗ Technician PIN: still the demo PIN 1234" in text and "kiosk config hash-pin" in text
    assert "✗ Hub: unreachable" in text
    assert "✔ Disk:" in text and "✔ Procedure catalogue:" in text
    assert "Receipt printer: Ready" in text  # the state the printer worker reported, not a second open of the port
    assert "USB" in text
    qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    assert screen.summary.text() == "Checking…"
    qtbot.waitUntil(lambda: "Problems to fix" in screen.summary.text(), timeout=60000)
