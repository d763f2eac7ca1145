"""A keypad laid out for the code on a receipt (issue 17): this station's part already filled in, ten big
digit keys, the dashes placed by themselves, and the search starts when the code is complete. GUI thread.

The state is the pure :mod:`screens.tracking.code_format`; this widget only shows it. Letters appear only
when the resident changes the station part (a receipt from another station, or a hub reference "HS-…").
"""

from __future__ import annotations

import string

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from screens.tracking import code_format
from screens.widgets.basics import big_button, label, px

DIGIT_ROWS = ("12345", "67890")
LETTER_COLUMNS = 9


class CodePad(QWidget):
    changed = Signal(str)  # what the code box shows now
    completed = Signal(str)  # a whole code was typed: the reference to look up

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CodePad")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.station_code = ""
        self.draft = code_format.start("")
        self.keys: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(10))
        station_row = QHBoxLayout()
        self.station = label(name="Subtitle")
        self.keys["change"] = self._key("change", role="secondary")
        station_row.addWidget(self.station, 1)
        station_row.addWidget(self.keys["change"])
        layout.addLayout(station_row)
        self.letters = QWidget()
        letters = QGridLayout(self.letters)
        letters.setContentsMargins(0, 0, 0, 0)
        letters.setSpacing(px(8))
        for i, ch in enumerate(string.ascii_uppercase):
            letters.addWidget(self._key(ch, ch), i // LETTER_COLUMNS, i % LETTER_COLUMNS)
        n = len(string.ascii_uppercase)
        letters.addWidget(self._key("next", role="ok"), n // LETTER_COLUMNS, n % LETTER_COLUMNS, 1,
                          LETTER_COLUMNS - n % LETTER_COLUMNS)
        layout.addWidget(self.letters)
        digits = QGridLayout()
        digits.setSpacing(px(8))
        for r, row in enumerate(DIGIT_ROWS):
            for c, ch in enumerate(row):
                digits.addWidget(self._key(ch, ch), r, c)
        digits.addWidget(self._key("backspace", "⌫", role="secondary"), 0, len(DIGIT_ROWS[0]))
        digits.addWidget(self._key("clear", role="secondary"), 1, len(DIGIT_ROWS[0]))
        layout.addLayout(digits)
        self.retranslate()
        self._render()

    def _key(self, name: str, text: str = "", role: str = "secondary") -> QPushButton:
        button = big_button(text, role=role)
        button.setObjectName("PadKey")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False, k=name: self.press(k))
        self.keys[name] = button
        return button

    # -- state ---------------------------------------------------------------------------------------------
    def set_station(self, station_code: str) -> None:
        """This station's code: the part every receipt printed here starts with."""
        self.station_code = station_code
        self.restart()

    def restart(self) -> None:
        self.draft = code_format.start(self.station_code)
        self._render()

    def press(self, key: str) -> None:
        before = self.draft
        self.draft = code_format.press(self.draft, key)
        self._render()
        if self.draft.full and not before.full:
            self.completed.emit(code_format.to_search(self.draft))

    def search_text(self) -> str:
        """The reference the code typed so far stands for ('' while it cannot be one)."""
        return code_format.to_search(self.draft)

    def shown_text(self) -> str:
        return code_format.text(self.draft)

    def _render(self) -> None:
        editing = self.draft.editing_prefix
        self.letters.setVisible(editing)
        self.keys["change"].setVisible(not editing)
        self.station.setText(self.tr("Type the letters and digits before the first dash, then “Next”.") if editing
                             else self.tr("Station code %1 is filled in: type the digits.").replace(
                                 "%1", self.draft.prefix))
        self.changed.emit(self.shown_text())

    def retranslate(self) -> None:
        self.keys["change"].setText(self.tr("Another code"))
        self.keys["next"].setText(self.tr("Next  ▶"))
        self.keys["clear"].setText(self.tr("Clear"))
        self._render()
