"""Report step 2 "where": the kind of place as choices, then block and floor typed on a keyboard without tones.
GUI thread; renders and emits."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from screens.keyboard import OnScreenKeyboard
from screens.report import model
from screens.report.base import (
    _SplitScreen,
    area_label,
)
from screens.widgets.basics import restyle
from screens.widgets.blocks import FocusWatcher


class ReportLocationScreen(_SplitScreen):
    screen_id = "report.location"
    step_key = "location"

    def build(self) -> None:
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        fields = QHBoxLayout()
        self.edits: dict[str, QLineEdit] = {}
        self._focus_filter = FocusWatcher(self._focus)
        for key in ("block", "floor", "apartment"):
            edit = QLineEdit()
            edit.setMaxLength(20)
            edit.installEventFilter(self._focus_filter)
            self.edits[key] = edit
            fields.addWidget(edit)
        box.addLayout(fields)
        self.keyboard = OnScreenKeyboard(diacritics=False)  # block, floor, flat: no tones, and a short screen
        box.addWidget(self.keyboard)
        box.addStretch(1)
        body = self.split_page(right)
        self.grid, self.buttons = self.grid_of(list(model.AREAS), area_label, self.choose, 2)
        body.addLayout(self.grid)
        body.addStretch(1)
        self._focus(self.edits["block"])

    def _focus(self, edit: QObject) -> None:
        if isinstance(edit, QLineEdit):
            self.keyboard.set_target(edit, "letters", telex=False)

    def choose(self, key: str) -> None:
        self.draft["area"] = key
        self._render()

    def _render(self) -> None:
        area = self.draft.get("area", "")
        for key, button in self.buttons.items():
            button.setProperty("role", "ok" if key == area else "secondary")
            restyle(button)
            restyle(button.title)
        self.next.setEnabled(area in model.AREAS)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        for key, edit in self.edits.items():
            edit.setText(self.draft.get(key, ""))
        self._render()

    def go_on(self) -> None:
        for key, edit in self.edits.items():
            self.draft[key] = model.clean(edit.text(), 20)
        self.navigate.emit("report.description", {})

    def reset(self) -> None:
        super().reset()
        for edit in self.edits.values():
            edit.clear()
        self._render()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Where is it happening?"))
        for key, button in self.buttons.items():
            button.title.setText(area_label(key))
        self.edits["block"].setPlaceholderText(self.tr("Block (if known)"))
        self.edits["floor"].setPlaceholderText(self.tr("Floor"))
        self.edits["apartment"].setPlaceholderText(self.tr("Apartment"))
        self.next.setText(self.tr("Continue  ▶"))
