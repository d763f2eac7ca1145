"""The hidden technician gesture: five taps on the station name at a natural rhythm open the PIN pad."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

TAP_SPACING_MS = 250


def tap_five_times_like_a_person(label) -> None:
    """Five taps 250 ms apart, as Qt delivers them: within the double-click interval the second
    press of each quick pair arrives as a MouseButtonDblClick, never as a second press."""
    left = Qt.MouseButton.LeftButton
    QTest.mouseClick(label, left)
    QTest.mouseDClick(label, left, delay=TAP_SPACING_MS)
    QTest.mouseClick(label, left, delay=TAP_SPACING_MS)
    QTest.mouseDClick(label, left, delay=TAP_SPACING_MS)
    QTest.mouseClick(label, left, delay=TAP_SPACING_MS)


def test_five_taps_at_250_ms_open_the_pin_pad(make_app, qtbot) -> None:
    app = make_app()
    assert app.navigator.current.screen_id == "home"
    tap_five_times_like_a_person(app.window.header.station)
    assert app.navigator.current is app.pin_screen


def test_four_taps_do_not_open_the_pin_pad(make_app, qtbot) -> None:
    app = make_app()
    left = Qt.MouseButton.LeftButton
    station = app.window.header.station
    QTest.mouseClick(station, left)
    QTest.mouseDClick(station, left, delay=TAP_SPACING_MS)
    QTest.mouseClick(station, left, delay=TAP_SPACING_MS)
    QTest.mouseDClick(station, left, delay=TAP_SPACING_MS)
    assert app.navigator.current.screen_id == "home"
