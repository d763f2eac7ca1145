"""Technician mode with real services: test print, printer faults, sync now offline, submissions list."""

from __future__ import annotations

from PySide6.QtCore import Qt


def unlock(app, qtbot) -> None:
    app.flow.go("technician.pin")
    for digit in "1234":
        qtbot.mouseClick(app.pin_screen.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.pin_screen.keys["OK"], Qt.MouseButton.LeftButton)
    assert app.navigator.current is app.tech_screen


def test_test_page_prints_and_paper_out_is_reported(make_app, qtbot) -> None:
    app = make_app(services=True)
    unlock(app, qtbot)
    status = app.tech_screen
    qtbot.mouseClick(status.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã in trang thử" in status.feedback.text(), timeout=30000)
    assert app.ctx.services.printer.last_output(), "the simulated printer received the page"
    qtbot.mouseClick(status.devices_button, Qt.MouseButton.LeftButton)
    devices = app.technician.devices
    assert app.navigator.current is devices
    devices.prn_mode.setCurrentIndex(devices.prn_mode.findText("Hết giấy"))  # the modes are in words
    qtbot.mouseClick(devices.prn_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "hết giấy" in devices.prn_result.text(), timeout=10000)
    qtbot.waitUntil(lambda: devices.prn_state.text() == "Lỗi: cần người xử lý: hết giấy", timeout=10000)


def test_sync_now_without_a_hub_says_why(make_app, qtbot) -> None:
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9", "connect_timeout_seconds": 0.5})
    unlock(app, qtbot)
    qtbot.mouseClick(app.tech_screen.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đồng bộ dừng" in app.tech_screen.feedback.text(), timeout=10000)
    assert "network" in app.tech_screen.feedback.text()


def test_submissions_screen_lists_rejected_and_requeues(make_app, qtbot) -> None:
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    unlock(app, qtbot)
    screen = app.technician.submissions
    qtbot.mouseClick(app.tech_screen.submissions_button, Qt.MouseButton.LeftButton)
    assert app.navigator.current is screen
    qtbot.waitUntil(lambda: screen.rows.count() == 1, timeout=10000)
    assert screen.rows.item(0).text() == "Không có hồ sơ nào."


def test_operator_reprints_a_receipt_that_failed_and_the_copy_carries_the_tracking_code(make_app, qtbot) -> None:
    from tests.printer.helpers import qr_texts

    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    saved = []
    app.ctx.services.storage.enqueue("report", {"category": "noise"}, None, (), saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    app.ctx.services.storage.mark_receipt(saved[0].uuid, False)  # paper ran out when it was submitted
    unlock(app, qtbot)
    screen = app.technician.submissions
    qtbot.mouseClick(app.tech_screen.submissions_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.receipts_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.rows.count() == 1 and saved[0].local_ref in screen.rows.item(0).text(),
                    timeout=10000)
    assert screen.requeue_button.text() == "In lại biên nhận đã chọn"
    screen.rows.setCurrentRow(0)
    qtbot.mouseClick(screen.requeue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.feedback.text() == "Đã in.", timeout=10000)
    printed = app.ctx.services.printer.last_output()
    assert f"TCDS|1|{saved[0].local_ref}" in qr_texts(printed, app.config.printer.paper_width_dots)
    qtbot.waitUntil(lambda: screen.rows.count() == 1 and screen.rows.item(0).text() == "Không có hồ sơ nào.",
                    timeout=10000)
