"""Issue 17: the keyboard types Vietnamese directly — a row of marks (â ê ô, ă ơ ư, đ) and tones under the letters'
reach, with no Telex needed — on the report's description screen, at every panel size (tests/shell/test_layout_fit.py
checks that the keyboard fits)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from screens.keyboard import OnScreenKeyboard
from screens.report.description import ReportDescriptionScreen


def _tap(qtbot, keyboard: OnScreenKeyboard, *names: str) -> None:
    for name in names:
        qtbot.mouseClick(keyboard.keys[name], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("telex", [False, True])
def test_duong_and_mat_dien_by_taps_on_the_diacritics_row(qtbot, telex: bool) -> None:
    """Each accented letter comes from a mark or tone key after its vowel, with Telex off or on (on, its letter
    keys z/s/f/… would mark too; the row gives the same text)."""
    edit = QPlainTextEdit()
    keyboard = OnScreenKeyboard()
    for widget in (edit, keyboard):
        qtbot.addWidget(widget)
    keyboard.set_target(edit, "letters", telex=telex)
    keyboard.show()
    _tap(qtbot, keyboard, "shift", "d", "mark_stroke", "u", "o", "mark_horn", "n", "g", "tone_grave")
    assert edit.toPlainText() == "Đường"
    _tap(qtbot, keyboard, "space", "m", "a", "t", "mark_hat", "tone_acute", "space",
         "d", "mark_stroke", "i", "e", "mark_hat", "n", "tone_dot")
    assert edit.toPlainText() == "Đường mất điện"


def test_the_report_description_types_vietnamese_and_shows_telex_state(qtbot) -> None:
    screen = ReportDescriptionScreen()
    qtbot.addWidget(screen)
    screen.resize(1920, 900)
    screen.show()
    keyboard = screen.keyboard
    for name in ("mark_hat", "mark_horn", "mark_stroke", "tone_acute", "tone_grave", "tone_hook", "tone_tilde",
                 "tone_dot"):
        assert keyboard.keys[name].isVisible(), name
    assert keyboard.keys["telex"].isVisible() and keyboard.keys["telex"].text()  # the Telex switch says its state
    screen.text.clear()
    _tap(qtbot, keyboard, "m", "a", "t", "mark_hat", "tone_acute", "space", "d", "mark_stroke", "i", "e", "mark_hat",
         "n", "tone_dot")
    assert screen.text.toPlainText() == "mất điện"
    # the tone goes on the right vowel whatever the order: tone first, then the hat
    screen.text.clear()
    _tap(qtbot, keyboard, "m", "a", "t", "tone_acute", "mark_hat")
    assert screen.text.toPlainText() == "mất"
