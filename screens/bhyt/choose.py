"""Bảo hiểm y tế hộ gia đình, first step (screen id ``bhyt``): register the household or renew its cards.

GUI thread; renders and emits intents. The controller checks that the chosen procedure is in the station's
catalogue; when it is not, this screen says so (``show_missing``) instead of starting a dossier nobody can take.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from core.visit import Visit
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, scroll_area, title
from screens.widgets.blocks import Orientable


class BhytChooseScreen(Orientable, Screen):
    screen_id = "bhyt"
    action_chosen = Signal(str)  # "register" | "renew"

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 16, 48, 12)
        outer.setSpacing(12)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.setSpacing(24)
        self.register_button, self.renew_button = big_button(), big_button(role="secondary")
        self.buttons.addWidget(self.register_button)
        self.buttons.addWidget(self.renew_button)
        self.orient(self.buttons, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        self.missing = label(name="ErrorText")
        self.missing.hide()
        panel, inner = card()
        self.rule = label(name="Body")
        self.steps = label(name="Body")
        inner.addWidget(self.rule)
        inner.addWidget(self.steps)
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        outer.addLayout(self.buttons)
        outer.addWidget(self.missing)
        body = QWidget()  # scroll_area names its content "Page": the card keeps its own look inside
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 8, 0)
        box.addWidget(panel)
        box.addStretch(1)
        outer.addWidget(scroll_area(body), 1)
        self.register_button.clicked.connect(lambda: self.action_chosen.emit("register"))
        self.renew_button.clicked.connect(lambda: self.action_chosen.emit("renew"))

    def show_missing(self) -> None:
        """The procedure is not in this station's catalogue (yet): say so, and who can help."""
        self.missing.setText(self.tr("This station cannot take this application yet: the procedure is not in its "
                                     "list of procedures. Please ask the staff, or apply at the ward office."))
        self.missing.show()

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.missing.hide()

    def reset(self) -> None:
        super().reset()
        self.missing.hide()

    def title(self) -> str:
        return self.tr("Family health insurance")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Family health insurance"))
        self.hint.setText(self.tr("Please choose: register your household for the first time, or renew the "
                                  "health insurance cards your household already has."))
        self.register_button.setText(self.tr("Register"))
        self.renew_button.setText(self.tr("Renew"))
        self.rule.setText(self.tr("The first person pays 4.5 % of the base salary a month; the second, third and "
                                  "fourth pay 70 %, 60 % and 50 % of that; the fifth and each further person 40 %."))
        self.steps.setText(self.tr("You will need your ID card and, for each person, their ID card or their "
                                   "personal identification number."))
