"""A technician enrols a fresh kiosk by scanning the hub's enrolment QR; its queue then syncs there."""

from __future__ import annotations

from PySide6.QtCore import Qt


def open_enrolment(app, qtbot) -> None:
    app.flow.go("technician.pin")
    for digit in "1234":
        qtbot.mouseClick(app.pin_screen.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.pin_screen.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.tech_screen.enrol_button, Qt.MouseButton.LeftButton)
    assert app.navigator.current is app.technician.enrol


def test_scanning_the_hub_enrolment_qr_enrols_and_sync_reaches_that_hub(make_app, qtbot, local_hub) -> None:
    status, body = local_hub.request("POST", "/admin/enrolment-codes", {})
    assert status == 201
    app = make_app(services=True, hub={"url": "", "local_hub": False, "sync_interval_seconds": 5})
    open_enrolment(app, qtbot)
    screen = app.technician.enrol
    qtbot.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)
    app.ctx.services.scanner.inject(body["qr_payload"])
    qtbot.waitUntil(lambda: "Sync starts now" in screen.result.text() or "Đồng bộ" in screen.result.text(),
                    timeout=20000)
    assert screen.code.text() == body["code"]

    done = []
    app.ctx.services.storage.enqueue("report", {"category": "noise", "place": "hầm xe"}, None, (), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    local_ref = done[0].local_ref
    qtbot.waitUntil(lambda: local_hub.request("GET", "/admin/fleet")[1]["kiosks"] != [], timeout=20000)

    def arrived() -> bool:
        views = []
        app.ctx.services.storage.lookup(local_ref, views.append)
        qtbot.waitUntil(lambda: bool(views), timeout=5000)
        return views[0].status == "sent"

    qtbot.waitUntil(arrived, timeout=30000)


def test_a_used_code_is_refused_with_a_plain_reason(make_app, qtbot, local_hub) -> None:
    _, body = local_hub.request("POST", "/admin/enrolment-codes", {})
    local_hub.enroll(code=body["code"], station_code="XX99")  # another station used it first
    app = make_app(services=True, hub={"url": local_hub.url, "local_hub": False})
    open_enrolment(app, qtbot)
    screen = app.technician.enrol
    assert screen.url.text() == local_hub.url
    screen.code.setText(body["code"])
    qtbot.mouseClick(screen.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "từ chối" in screen.result.text() or "refused" in screen.result.text(), timeout=20000)


def test_a_station_code_in_use_is_refused_with_its_own_reason(make_app, qtbot, local_hub) -> None:
    """Issue 13: station codes are unique; the technician is told which setting to change."""
    local_hub.enroll(station_code="HB07")  # the kiosk already serving this station
    _, body = local_hub.request("POST", "/admin/enrolment-codes", {})
    app = make_app(services=True, hub={"url": local_hub.url, "local_hub": False}, station={"code": "HB07"})
    open_enrolment(app, qtbot)
    screen = app.technician.enrol
    screen.code.setText(body["code"])
    qtbot.mouseClick(screen.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "[station] code" in screen.result.text(), timeout=20000)
    assert "station" in screen.result.text().lower() or "trạm" in screen.result.text()
