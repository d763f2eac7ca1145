"""The VNeID guidance page: three short answers (what level 2 is, where to activate it, how to look up the
result), the legal source, and buttons to the catalogue entries. GUI thread; the catalogue is in memory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from screens.shell.screen import Screen, sentences
from screens.vneid.model import ACTIVATE, LOOK_UP, available, sources
from screens.widgets.basics import big_button, label, title
from screens.widgets.blocks import Orientable, ScrollPanel, plain_label


class VneidScreen(Orientable, Screen):
    screen_id = "vneid"

    def __init__(self, catalogue: Callable[[], Any]) -> None:
        self._catalogue = catalogue
        super().__init__()

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 20, 48, 12)  # tight: large text on a 768-pixel panel needs every row
        outer.setSpacing(10)
        self.heading, self.hint = title(), label(name="Subtitle")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        self.panel = ScrollPanel()
        outer.addWidget(self.panel, 1)
        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.setSpacing(16)
        self.activate_button, self.look_up_button = big_button(role="ok"), big_button(role="secondary")
        self.activate_button.clicked.connect(lambda: self._open(ACTIVATE))
        self.look_up_button.clicked.connect(lambda: self._open(LOOK_UP))
        buttons.addWidget(self.activate_button, 1)
        buttons.addWidget(self.look_up_button, 1)
        outer.addLayout(buttons)
        # side by side on a landscape panel; one above the other upright, where two long labels do not fit a row
        self.orient(buttons, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        self.paragraphs: list[tuple[str, str]] = []

    def _open(self, code: str) -> None:
        self.navigate.emit("procedures.detail", {"code": code})

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self._fill()
        self.panel.to_top()

    def _fill(self) -> None:
        self.panel.clear()
        self.paragraphs = [
            (self.tr("What is a level-2 account?"),
             self.tr("A level-2 electronic ID account lets you use every feature of the VNeID app: your electronic "
                     "ID card, the papers linked to it and online public services.")),
            (self.tr("Where do I activate it?"),
             self.tr("At the ward (commune) police, or where ID cards are issued. Bring your chip ID card and the "
                     "phone number or e-mail address you want to use. This station cannot activate it for you.")),
            (self.tr("How do I look up the result?"),
             self.tr("The result comes by text message, by e-mail or in the VNeID app. When it is approved, open "
                     "VNeID and follow the steps to activate the account.")),
        ]
        for heading, text in self.paragraphs:
            self.panel.add(label(heading, "SectionHeading"))
            self.panel.add(plain_label(text))
        cited = sources(self._catalogue())
        if cited:
            self.panel.add(label(self.tr("Sources"), "SectionHeading"))
            self.panel.add(plain_label("; ".join(cited)))
        self.panel.body.addStretch(1)
        have = available(self._catalogue())
        self.activate_button.setVisible(have[ACTIVATE])
        self.look_up_button.setVisible(have[LOOK_UP])

    def reset(self) -> None:
        super().reset()
        self.panel.clear()

    def spoken_text(self) -> str:
        """The title, the instruction and the three answers: the guidance is the point of this page."""
        return sentences([self.heading.text(), self.hint.text(),
                          *(f"{h} {t}" for h, t in self.paragraphs)])

    def retranslate(self) -> None:
        self.heading.setText(self.tr("VNeID electronic ID"))
        self.hint.setText(self.tr("What a level-2 account is, where to activate it and how to check the result."))
        self.activate_button.setText(self.tr("Papers and steps to activate"))
        self.look_up_button.setText(self.tr("Checking the result"))
        if self.visit is not None:
            self._fill()

    def title(self) -> str:
        return self.tr("VNeID")
