"""On-screen keyboard: big keys, Vietnamese Telex typing, a digits pad. Runs on the GUI thread.

Our own widget (Qt Virtual Keyboard is GPLv3-only: FORMATS §6). It types into a target ``QLineEdit`` or
``QPlainTextEdit`` given with :meth:`OnScreenKeyboard.set_target`; composition is done by the pure
:mod:`core.telex` engine on the word before the cursor, so the target always holds NFC text.

API::

    kb = OnScreenKeyboard()
    kb.set_target(line_edit, mode="letters", telex=True, auto_capitalize=True)  # or mode="digits"
    kb.keys["a"].click()          # every key is a QPushButton in kb.keys: "a".."z", "0".."9", ",", ".", "-",
                                  # "/", "space", "backspace", "clear", "shift", "mode", "enter", "telex",
                                  # "mark_hat" (â ê ô), "mark_horn" (ă ơ ư), "mark_stroke" (đ),
                                  # "tone_acute" … "tone_dot"
    kb.press("s")                 # the same as touching the key
    kb.submitted / kb.key_pressed(str) / kb.text_edited signals
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core import telex

LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Vietnamese typed directly (issue 17): these letters and the five tone keys sit above the letters, so nobody
# needs to know Telex; Telex stays available and its state is shown on its own key.
# one key per mark (not per letter) so the row fits a portrait panel with keys of 90 px
MARK_KEYS = {"mark_hat": ("hat", "â ê ô"), "mark_horn": ("horn", "ă ơ ư"), "mark_stroke": ("stroke", "đ")}
TONE_KEYS = {"tone_acute": telex.ACUTE, "tone_grave": telex.GRAVE, "tone_hook": telex.HOOK,
             "tone_tilde": telex.TILDE, "tone_dot": telex.DOT}
PUNCTUATION = (",", ".", "-", "/")
KEY_PX = 92  # ≥ 90 px: a fingertip of an older hand (DESIGN §6)
_WORD = re.compile(r"\S*$")

class OnScreenKeyboard(QWidget):
    key_pressed = Signal(str)  # the key's name, after it was applied
    text_edited = Signal()  # the target's text changed because of a key
    submitted = Signal()  # the ✓ key

    def __init__(self, parent: QWidget | None = None, enter_key: bool = False, diacritics: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.target: QLineEdit | QPlainTextEdit | None = None
        self.telex = True
        self.modern_tones = True
        self.auto_capitalize = False
        self.mode = "letters"
        self._allowed = ("letters", "digits")
        self._shift = False
        self.keys: dict[str, QPushButton] = {}
        self.stack = QStackedWidget()
        self.letters_page = self._build_letters(enter_key, diacritics)
        self.digits_page = self._build_digits(enter_key)
        self.stack.addWidget(self.letters_page)
        self.stack.addWidget(self.digits_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()
        self.set_mode("letters")
        self._forget_cached_sizes()

    def _forget_cached_sizes(self) -> None:
        """Rows measured before the keys took this widget's style would keep the app's bigger button height."""
        for key in self.keys.values():
            key.ensurePolished()
        for layout in self.findChildren(QLayout):
            layout.invalidate()

    # ---- building ----------------------------------------------------------------------------
    def _key(self, name: str, text: str | None = None, special: str | None = None) -> QPushButton:
        # Born inside the keyboard, so its style sheet sizes the key from the start (a key created without a
        # parent is first measured with the app's bigger button style, and its row keeps that height).
        button = QPushButton(text if text is not None else name, self)
        button.setObjectName("OskKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the target keeps its cursor
        button.setAutoRepeat(name == "backspace")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if special:
            button.setProperty("special", special)
        button.clicked.connect(lambda _=False, n=name: self.press(n))
        self.keys[name] = button
        return button

    def _build_letters(self, enter_key: bool, diacritics: bool = True) -> QWidget:
        page = QWidget()
        rows = QVBoxLayout(page)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        viet = QHBoxLayout()
        viet.setSpacing(6)
        for name, (_mark, text) in MARK_KEYS.items():
            viet.addWidget(self._key(name, text, "true"), 4 if len(text) > 1 else 2)  # "â ê ô" in large text
        for name, mark in TONE_KEYS.items():  # the mark on a dotted circle: "◌́" is sắc
            viet.addWidget(self._key(name, "\u25cc" + mark, "true"), 2)
        telex_key = self._key("telex", "", "true")
        telex_key.setCheckable(True)
        viet.addWidget(telex_key, 5)
        if diacritics:  # a screen short of height (a 1080-high landscape panel) may leave it out: Telex stays
            rows.addLayout(viet)
        else:
            for i in range(viet.count()):
                viet.itemAt(i).widget().hide()
        for i, letters in enumerate(LETTER_ROWS):
            row = QHBoxLayout()
            row.setSpacing(6)
            if i == 2:
                shift = self._key("shift", "⇧", "true")
                shift.setCheckable(True)
                row.addWidget(shift, 3)
            for ch in letters:
                row.addWidget(self._key(ch), 2)
            if i == 1:
                row.addWidget(self._key("backspace", "⌫", "true"), 3)
            if i == 2:
                for ch in (",", "."):
                    row.addWidget(self._key(ch), 2)
            rows.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self._key("mode", "123", "true"), 3)
        bottom.addWidget(self._key("-"), 2)
        # "Xóa hết" / "Clear all" and "Xong ✓" need five parts of the row in large text on an upright panel;
        # the space bar gives them up and stays the widest key
        bottom.addWidget(self._key("space", "", None), 7 if enter_key else 8)
        bottom.addWidget(self._key("/"), 2)
        bottom.addWidget(self._key("clear", "", "true"), 5)
        if enter_key:
            bottom.addWidget(self._key("enter", "", "enter"), 5)
        rows.addLayout(bottom)
        return page

    def _build_digits(self, enter_key: bool) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for n in range(1, 10):
            grid.addWidget(self._key(str(n)), (n - 1) // 3, (n - 1) % 3)
        self.keys["abc"] = self._key("abc", "ABC", "true")
        grid.addWidget(self.keys["abc"], 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        backspace = QPushButton("⌫", self)
        self._clone_special(backspace, "digits_backspace")
        grid.addWidget(backspace, 3, 2)
        clear = QPushButton(self)
        self._clone_special(clear, "digits_clear")
        grid.addWidget(clear, 0, 3)
        if enter_key:
            ok = QPushButton(self)
            self._clone_special(ok, "digits_enter", "enter")
            grid.addWidget(ok, 1, 3, 3, 1)
        for c in range(4):
            grid.setColumnStretch(c, 1)
        return page

    def _clone_special(self, button: QPushButton, name: str, special: str = "true") -> None:
        button.setObjectName("OskKey")
        button.setProperty("special", special)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setAutoRepeat(name == "digits_backspace")
        key = name.removeprefix("digits_")
        button.clicked.connect(lambda _=False, n=key: self.press(n))
        self.keys[name] = button

    # ---- public API -------------------------------------------------------------------------------
    def set_target(self, target: QLineEdit | QPlainTextEdit | None, mode: str | None = None, *,
                   telex: bool = True, auto_capitalize: bool = False, modes: tuple[str, ...] | None = None) -> None:
        """Type into ``target`` from now on. ``modes`` limits the layouts offered (e.g. ("digits",))."""
        self.target = target
        self.telex = telex
        self.keys["telex"].setChecked(telex)
        self.auto_capitalize = auto_capitalize
        self._allowed = modes or ("letters", "digits")
        self.set_mode(mode or self._allowed[0])

    def set_mode(self, mode: str) -> None:
        if mode not in ("letters", "digits"):
            raise ValueError(f"unknown keyboard mode {mode!r}")
        self.mode = mode
        shown = self.letters_page if mode == "letters" else self.digits_page
        for page in (self.letters_page, self.digits_page):  # the pad is as tall as the page shown, no taller
            ignored = QSizePolicy.Policy.Ignored
            page.setSizePolicy(QSizePolicy.Policy.Preferred if page is shown else ignored,
                               QSizePolicy.Policy.Preferred if page is shown else ignored)
        self.stack.setCurrentWidget(shown)
        self.stack.setFixedHeight(shown.sizeHint().height())
        switch = len(self._allowed) > 1
        self.keys["mode"].setVisible(switch)
        self.keys["abc"].setVisible(switch)

    def press(self, name: str) -> None:
        """Apply one key to the target, exactly as touching it does."""
        if name == "mode":
            self.set_mode("digits")
        elif name == "abc":
            self.set_mode("letters")
        elif name == "shift":
            self._shift = self.keys["shift"].isChecked()
        elif name == "telex":
            self.telex = self.keys["telex"].isChecked()
            self.retranslate()
        elif name == "enter":
            self.submitted.emit()
        elif self.target is not None:
            before, after = self._split_at_cursor()
            if name == "backspace":
                word = _WORD.search(before).group(0)
                new_word = telex.backspace(word, modern=self.modern_tones) if self.telex else word[:-1]
                before = before[: len(before) - len(word)] + new_word if word else before[:-1]
            elif name == "clear":
                before, after = "", ""
            elif name in TONE_KEYS:
                word = _WORD.search(before).group(0)
                before = before[: len(before) - len(word)] + telex.set_tone(word, TONE_KEYS[name],
                                                                             modern=self.modern_tones)
            elif name in MARK_KEYS:
                word = _WORD.search(before).group(0)
                before = before[: len(before) - len(word)] + telex.add_mark(word, MARK_KEYS[name][0],
                                                                             modern=self.modern_tones)
            else:
                before = self._typed(before, " " if name == "space" else name)
            self._write(before, after)
            self.text_edited.emit()
        self.key_pressed.emit(name)

    # ---- internals --------------------------------------------------------------------------------
    def _typed(self, before: str, char: str) -> str:
        if char == " ":
            return before + " " if before and not before.endswith(" ") else before
        word = _WORD.search(before).group(0)
        head = before[: len(before) - len(word)]
        if char.isalpha() and (self._shift or (self.auto_capitalize and not word)):
            char = char.upper()
        if self._shift:
            self._shift = False
            self.keys["shift"].setChecked(False)
        if self.telex and self.mode == "letters":
            return head + telex.process_key(word, char, modern=self.modern_tones)
        return before + char

    def _split_at_cursor(self) -> tuple[str, str]:
        target = self.target
        if isinstance(target, QLineEdit):
            text, pos = target.text(), target.cursorPosition()
        else:
            text, pos = target.toPlainText(), target.textCursor().position()
        return text[:pos], text[pos:]

    def _write(self, before: str, after: str) -> None:
        before = unicodedata.normalize("NFC", before)
        target = self.target
        if isinstance(target, QLineEdit):
            limit = target.maxLength()
            if len(before) + len(after) > limit:
                return  # full: the key does nothing rather than cutting the text
            target.setText(before + after)
            # A field may reformat itself on change (the date box adds "/"): then stay at the end.
            target.setCursorPosition(len(before) if target.text() == before + after else len(target.text()))
        else:
            target.setPlainText(before + after)
            cursor = target.textCursor()
            cursor.setPosition(len(before), QTextCursor.MoveMode.MoveAnchor)
            target.setTextCursor(cursor)
            target.ensureCursorVisible()

    def retranslate(self) -> None:
        self.keys["space"].setText(self.tr("space"))
        self.keys["clear"].setText(self.tr("Clear all"))
        state = self.tr("Telex: on") if self.telex else self.tr("Telex: off")
        self.keys["telex"].setText(state.replace(": ", ":\n", 1))  # two short lines fit a key of the diacritics row
        self.keys["digits_clear"].setText(self.tr("Clear all"))
        if "enter" in self.keys:
            self.keys["enter"].setText(self.tr("Done ✓"))
        if "digits_enter" in self.keys:
            self.keys["digits_enter"].setText(self.tr("Done ✓"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
