""""identity.manual": type the details with the on-screen keyboard (Telex for names, digits for numbers).
GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from screens.identity import model
from screens.identity.base import IdentityScreen
from screens.keyboard import OnScreenKeyboard
from screens.widgets.basics import big_button, label, restyle, title
from screens.widgets.blocks import FocusWatcher, page_layout, plain_label, scrolling


class IdentityManualScreen(IdentityScreen):
    screen_id = "identity.manual"

    def build(self) -> None:
        outer = page_layout(self, (40, 16, 40, 12), 10)
        self.heading = title()
        self.error = plain_label(name="ErrorText")
        self.error.hide()
        self.edits: dict[str, QLineEdit] = {}
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.names: dict[str, Any] = {}
        self._watcher = FocusWatcher(self._focus)
        for row, key in enumerate(model.FIELDS):
            self.names[key] = label(name="Body")
            form.addWidget(self.names[key], row, 0)
            if key == "gender":
                self.gender_box = QHBoxLayout()
                self.gender_buttons = {}
                for value in ("male", "female"):
                    button = big_button(role="secondary")
                    button.setCheckable(True)
                    button.clicked.connect(lambda _=False, v=value: self._set_gender(v))
                    self.gender_buttons[value] = button
                    self.gender_box.addWidget(button)
                form.addLayout(self.gender_box, row, 1)
                continue
            edit = QLineEdit()
            edit.setMaxLength({"full_name": model.MAX_NAME, "id_number": 12, "date_of_birth": 10}.get(
                key, model.MAX_ADDRESS))
            edit.installEventFilter(self._watcher)
            self.edits[key] = edit
            form.addWidget(edit, row, 1)
        form.setColumnStretch(1, 1)
        self.edits["date_of_birth"].textChanged.connect(self._format_dob)
        self.done = big_button(role="ok")
        self.done.clicked.connect(self.save)
        self.keyboard = OnScreenKeyboard()
        # The fields scroll (on a short panel, in large text) beside the keyboard; the error and "Done" stay in view.
        self.form_area = scrolling(form)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.heading)
        left.addWidget(self.form_area, 1)
        left.addWidget(self.error)
        left.addWidget(self.done)
        self.left = QWidget()
        self.left.setLayout(left)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(24)
        self.split.addWidget(self.left, 4)
        self.split.addWidget(self.keyboard, 5, Qt.AlignmentFlag.AlignBottom)
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        outer.addLayout(self.split, 1)
        self.active = "full_name"
        self._focus(self.edits["full_name"])

    def _focus(self, edit: QObject) -> None:
        key = next((k for k, e in self.edits.items() if e is edit), None)
        if key is None:
            return
        self.active = key
        if key in ("id_number", "date_of_birth"):
            self.keyboard.set_target(edit, "digits", telex=False, modes=("digits",))
        else:
            self.keyboard.set_target(edit, "letters", telex=True, auto_capitalize=key == "full_name")
        edit.setCursorPosition(len(edit.text()))
        edit.setFocus()
        self.form_area.ensureWidgetVisible(edit)

    def _format_dob(self, text: str) -> None:
        formatted = model.format_dob(text)
        if formatted != text:
            edit = self.edits["date_of_birth"]
            edit.setText(formatted)
            edit.setCursorPosition(len(formatted))

    def _set_gender(self, value: str) -> None:
        self.draft["gender"] = value
        for v, button in self.gender_buttons.items():
            button.setChecked(v == value)
            button.setProperty("role", "ok" if v == value else "secondary")
            restyle(button)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        draft = self.draft
        for key, edit in self.edits.items():
            edit.setText(draft.get(key) or "")
        self._set_gender(draft.get("gender", ""))
        self.error.hide()
        field = params.get("field", "full_name")
        self._focus(self.edits.get(field, self.edits["full_name"]))

    def reset(self) -> None:
        super().reset()
        for edit in self.edits.values():
            edit.clear()
        self._set_gender("")
        self.error.clear()
        self.error.hide()

    def save(self) -> None:
        if self.visit is None:
            return
        draft = self.draft
        for key, edit in self.edits.items():
            value = model.clean_text(edit.text())
            if value != (draft.get(key) or ""):
                draft["edited"] = sorted({*draft.get("edited", []), key})
            draft[key] = value
        errors = model.validate(draft)
        if errors:
            self.error.setText("\n".join(self.error_text(c) for c in errors.values()))
            self.error.show()
            first = next(iter(errors))
            if first in self.edits:
                self._focus(self.edits[first])
            return
        self.error.hide()
        self.navigate.emit("identity.confirm", {})

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Type your details"))
        for key, name in self.field_names().items():
            self.names[key].setText(name)
        self.gender_buttons["male"].setText(self.tr("Male"))
        self.gender_buttons["female"].setText(self.tr("Female"))
        self.edits["date_of_birth"].setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.edits["id_number"].setPlaceholderText(self.tr("12 digits"))
        self.done.setText(self.tr("✓  Done"))

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"draft": model.SAMPLE_DRAFT, "field": "full_name", "step": [5, 6]}
