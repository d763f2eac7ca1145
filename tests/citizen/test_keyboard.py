"""The on-screen keyboard types Vietnamese (Telex) and digits into the field it is pointed at."""

from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from screens.keyboard import OnScreenKeyboard
from screens.shell import theme
from tests.citizen.conftest import click, press_keys


def make(qtbot, target):
    kb = OnScreenKeyboard()
    theme.apply(kb)  # the one theme, as the kiosk's window has it: key sizes live there (the test passed alone only
    # when an earlier test in the same process had styled the application)
    qtbot.addWidget(kb)
    qtbot.addWidget(target)
    kb.show()
    return kb


def test_telex_typing_into_a_line_edit(qtbot) -> None:
    edit = QLineEdit()
    kb = make(qtbot, edit)
    kb.set_target(edit, "letters", telex=True, auto_capitalize=True)
    press_keys(qtbot, kb, "nguyeenx vawn an")
    assert edit.text() == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", edit.text())
    click(qtbot, kb.keys["backspace"])
    click(qtbot, kb.keys["backspace"])
    assert edit.text() == "Nguyễn Văn "
    click(qtbot, kb.keys["clear"])
    assert edit.text() == ""


def test_typing_in_the_middle_composes_the_word_before_the_cursor(qtbot) -> None:
    edit = QLineEdit("tieng Viet")
    kb = make(qtbot, edit)
    kb.set_target(edit, "letters")
    edit.setCursorPosition(5)
    press_keys(qtbot, kb, "s")
    assert edit.text() == "tiéng Viet"  # "tieng"+s: the tone lands on e (no circumflex typed)
    edit.setText("tieng Viet")
    edit.setCursorPosition(4)
    press_keys(qtbot, kb, "e")
    assert edit.text() == "tiêng Viet"


def test_plain_text_edit_and_shift(qtbot) -> None:
    text = QPlainTextEdit()
    kb = make(qtbot, text)
    kb.set_target(text, "letters", telex=True)
    press_keys(qtbot, kb, "Maats xe ddaapj")
    assert text.toPlainText() == "Mất xe đập"
    assert kb.keys["shift"].isChecked() is False


def test_digits_pad_respects_max_length(qtbot) -> None:
    edit = QLineEdit()
    edit.setMaxLength(12)
    kb = make(qtbot, edit)
    kb.set_target(edit, "digits", telex=False, modes=("digits",))
    assert kb.digits_page.isVisible() and not kb.letters_page.isVisible()
    assert not kb.keys["abc"].isVisible()
    press_keys(qtbot, kb, "0010850123456")
    assert edit.text() == "001085012345"
    click(qtbot, kb.keys["digits_backspace"])
    assert edit.text() == "00108501234"


def test_mode_switch_and_key_sizes(qtbot) -> None:
    edit = QLineEdit()
    kb = make(qtbot, edit)
    kb.set_target(edit)
    kb.resize(1000, 420)
    click(qtbot, kb.keys["mode"])
    assert kb.mode == "digits"
    press_keys(qtbot, kb, "12")
    click(qtbot, kb.keys["abc"])
    press_keys(qtbot, kb, "a")
    assert edit.text() == "12a"
    for name in ("q", "space", "backspace", "1"):
        kb.set_mode("digits" if name == "1" else "letters")
        assert kb.keys[name].height() >= 90 and kb.keys[name].width() >= 80, name


def test_done_key_and_no_target(qtbot) -> None:
    edit = QLineEdit()
    kb = OnScreenKeyboard(enter_key=True)
    qtbot.addWidget(kb)
    qtbot.addWidget(edit)
    kb.show()
    kb.set_target(None)
    press_keys(qtbot, kb, "ab")  # nowhere to type: nothing happens, nothing breaks
    kb.set_target(edit, "digits", telex=False)
    press_keys(qtbot, kb, "12")
    with qtbot.waitSignal(kb.submitted, timeout=1000):
        click(qtbot, kb.keys["digits_enter"])
    kb.set_mode("letters")
    with qtbot.waitSignal(kb.submitted, timeout=1000):
        click(qtbot, kb.keys["enter"])
    assert edit.text() == "12" and kb.keys["enter"].text() == "Done ✓"
