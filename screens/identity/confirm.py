""""identity.confirm": "Are these your details?" — each field with an Edit button; "yes" stores the identity
in the visit and returns to the journey that asked for it. GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout

from screens.identity import model
from screens.identity.base import IdentityScreen
from screens.widgets.basics import big_button, label, title
from screens.widgets.blocks import page_layout, plain_label, scrolling


class FieldValue(QLabel):
    """A field's value (plain text, wrapped) that asks for the height its width needs: box layouts give a wrapped
    label the height of its size hint, which is too little for a long address in large text."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Field")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class IdentityConfirmScreen(IdentityScreen):
    screen_id = "identity.confirm"

    def build(self) -> None:
        outer = page_layout(self, (48, 12, 48, 8), 8)
        self.heading = title()
        self.hint = label(name="Subtitle")
        # One row per field: its name above its value (wrapped text gets the height it needs, which a grid does
        # not give reliably), "Edit" beside them.
        rows = QVBoxLayout()
        rows.setSpacing(12)
        self.names: dict[str, Any] = {}
        self.values: dict[str, Any] = {}
        self.edit_buttons: dict[str, Any] = {}
        for key in model.FIELDS:
            self.names[key] = label(name="Subtitle")
            self.values[key] = FieldValue()
            self.edit_buttons[key] = big_button(role="secondary")
            self.edit_buttons[key].clicked.connect(lambda _=False, k=key: self.navigate.emit(
                "identity.manual", {"field": k}))
            words = QVBoxLayout()
            words.setSpacing(0)
            words.addWidget(self.names[key])
            words.addWidget(self.values[key])
            row = QHBoxLayout()
            row.setSpacing(24)
            row.addLayout(words, 1)
            row.addWidget(self.edit_buttons[key], 0, Qt.AlignmentFlag.AlignVCenter)
            rows.addLayout(row)
        self.warnings = plain_label(name="ErrorText")
        self.confirm = big_button()  # can be disabled: "ok" buttons do not look disabled in the theme
        self.confirm.clicked.connect(self.confirm_identity)
        side = QVBoxLayout()
        side.addWidget(self.warnings)
        side.addStretch(1)
        side.addWidget(self.confirm)
        # Landscape: the fields on the left, warnings and "yes" on the right; portrait: one column.
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(32)
        # The fields scroll when the panel is short or the text large; "yes" beside or under them stays in view.
        self.fields_area = scrolling(rows)
        self.split.addWidget(self.fields_area, 3)
        self.split.addLayout(side, 2)
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        outer.addLayout(self.split, 1)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self._render()

    def reset(self) -> None:
        super().reset()
        for widget in self.values.values():
            widget.clear()
        self.warnings.clear()

    def _render(self) -> None:
        draft = self.draft
        for key in model.FIELDS:
            value = draft.get(key, "")
            self.values[key].setText(self.gender_text(value) if key == "gender" else (value or "—"))
        errors = model.validate(draft)
        codes = list(errors.values()) or model.warnings(draft)
        self.warnings.setText("\n".join("⚠ " + self.error_text(c) for c in codes))
        self.warnings.setVisible(bool(codes))
        self.confirm.setEnabled(not errors)

    def confirm_identity(self) -> None:
        if self.visit is None or model.validate(self.draft):
            return
        self.visit.identity = model.to_card(self.draft)
        journey = self.journey
        if journey.get("return_to"):
            self.navigate.emit(journey["return_to"], dict(journey.get("return_params") or {}))
        else:
            self.home_requested.emit()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Are these your details?"))
        self.hint.setText(self.tr("Check each line. Touch “Edit” to correct it."))
        for key, name in self.field_names().items():
            self.names[key].setText(name)
            self.edit_buttons[key].setText(self.tr("Edit"))
        self.confirm.setText(self.tr("✓  Yes, this is correct"))
        if self.visit is not None:
            self._render()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"draft": model.SAMPLE_DRAFT, "step": [5, 6]}
