"""Report step 3 "what happened": the resident's words, typed on the on-screen keyboard with its Vietnamese letters.
GUI thread; renders and emits."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QPlainTextEdit,
)

from screens.keyboard import OnScreenKeyboard
from screens.report import model
from screens.report.base import (
    _SplitScreen,
)
from screens.widgets.action_page import scaled
from screens.widgets.basics import label


class ReportDescriptionScreen(_SplitScreen):
    screen_id = "report.description"
    step_key = "description"

    def build(self) -> None:
        self.keyboard = OnScreenKeyboard()
        box = self.split_page(self.keyboard)
        self.hint = label(name="Subtitle")
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(scaled(200))
        self.text.textChanged.connect(self._render)
        self.too_short = label(name="ErrorText")
        box.addWidget(self.hint)
        box.addWidget(self.text, 1)
        box.addWidget(self.too_short)
        self.keyboard.set_target(self.text, "letters", telex=True)

    def _render(self) -> None:
        long_enough = len(model.clean(self.text.toPlainText(), model.MAX_DESCRIPTION)) >= model.MIN_DESCRIPTION
        self.next.setEnabled(long_enough)
        self.too_short.setVisible(not long_enough and bool(self.text.toPlainText().strip()))

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.text.setPlainText(self.draft.get("description", ""))
        self._render()

    def go_on(self) -> None:
        self.draft["description"] = model.clean(self.text.toPlainText(), model.MAX_DESCRIPTION)
        self.navigate.emit(self.next_step(), {})

    def reset(self) -> None:
        super().reset()
        self.text.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("What happened?"))
        self.hint.setText(self.tr("Describe it in a few words: what, when, how many people."))
        self.too_short.setText(self.tr("Please write a little more."))
        self.next.setText(self.tr("Continue  ▶"))
