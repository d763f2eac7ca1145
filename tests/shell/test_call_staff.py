"""'Gọi cán bộ hỗ trợ' without a hub, and the offer made by itself to a resident who seems stuck."""

from __future__ import annotations

from PySide6.QtCore import Qt


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_button_is_in_the_header_of_every_screen_in_both_languages(make_app, qtbot) -> None:
    app = make_app()
    header = app.window.header
    for step in ("home", "tracking", "procedures"):
        app.flow.go(step) if step != "home" else app.flow.home("button")
        assert header.call_staff.isVisible()
    assert header.call_staff.text() == "Gọi cán bộ hỗ trợ"
    click(qtbot, header.language)
    assert header.call_staff.text() == "Call a staff member"


def test_without_a_hub_the_staff_phone_is_shown_at_once(make_app, qtbot) -> None:
    app = make_app()
    click(qtbot, app.home_screen.tiles["tracking"])
    click(qtbot, app.window.header.call_staff)
    overlay = app.window.call_staff_overlay
    assert overlay.isVisible() and overlay.state == "offline"
    assert app.config.station.staff_phone in overlay.phone.text() and overlay.print_button.isVisible()
    app.flow.home("idle")  # the next resident does not see it
    assert not overlay.isVisible()


def test_a_resident_stuck_on_one_screen_is_offered_help_and_may_decline(make_app, qtbot) -> None:
    app = make_app()
    app.call_staff._stuck.setInterval(300)
    overlay = app.window.call_staff_overlay
    app.flow.home("button")
    qtbot.wait(500)
    assert not overlay.isVisible()  # never on the home screen
    click(qtbot, app.home_screen.tiles["tracking"])
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    assert overlay.state == "offer" and overlay.heading.text() == "Ông/Bà cần được giúp đỡ?"
    click(qtbot, overlay.close_button)  # "Không, cảm ơn": nothing is sent
    assert not overlay.isVisible() and app.call_staff.alert_id is None
    qtbot.waitUntil(overlay.isVisible, timeout=3000)  # asked again after another while on the same screen
    click(qtbot, overlay.call_button)
    assert overlay.state == "offline"  # this station has no hub: the phone number instead


def test_repeated_errors_in_one_visit_offer_help(make_app, qtbot) -> None:
    app = make_app()
    overlay = app.window.call_staff_overlay
    click(qtbot, app.home_screen.tiles["tracking"])
    app.flow.fail("save_failed")
    assert not overlay.isVisible()
    click(qtbot, app.home_screen.tiles["tracking"]) if app.flow.step == "home" else app.flow.go("tracking")
    app.flow.fail("save_failed")
    assert overlay.isVisible() and overlay.state == "offer"
