"""The identity sub-journey: scan the ID card's QR, check each field, or type it in. GUI thread.

Entered with params {"return_to": step, "purpose": "dossier"|"report"|"health", "return_params": {...},
"step": [n, m]} on any of the three screens. On confirmation the identity is stored as ``visit.identity`` (an
IdCard) and the journey goes to ``return_to`` with ``return_params``. Nothing is kept outside the visit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.formats import Kind, ScanResult
from screens.identity import model
from screens.keyboard import OnScreenKeyboard
from screens.procedures.widgets import FocusWatcher, Orientable, plain_label
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, restyle, title

SAMPLE_DRAFT = {**model.empty_draft(), "full_name": "Nguyễn Văn An", "id_number": "001085012345",
                "date_of_birth": "15/03/1986", "gender": "male", "layout": "cccd_chip_2021",
                "address": "Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội", "issue_date": "2022-06-22"}


class _IdentityScreen(Orientable, Screen):
    """Shared: remembers the sub-journey's params in the visit and shows its "step n of m"."""

    def __init__(self) -> None:
        super().__init__()

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        journey = {k: params[k] for k in ("return_to", "return_params", "purpose", "step") if k in params}
        if journey:
            visit.data[model.JOURNEY_KEY] = journey
        if "draft" in params:  # a caller (or the screenshots) hands over a prepared draft
            visit.data[model.DRAFT_KEY] = {**model.empty_draft(), **params["draft"]}

    @property
    def journey(self) -> dict[str, Any]:
        return self.visit.data.get(model.JOURNEY_KEY, {}) if self.visit is not None else {}

    @property
    def draft(self) -> dict[str, Any]:
        if self.visit is None:
            return model.empty_draft()
        return self.visit.data.setdefault(model.DRAFT_KEY, model.empty_draft())

    def step_info(self) -> tuple[int, int] | None:
        step = self.journey.get("step")
        return (int(step[0]), int(step[1])) if step else None

    def field_names(self) -> dict[str, str]:
        return {"full_name": self.tr("Full name"), "id_number": self.tr("ID number"),
                "date_of_birth": self.tr("Date of birth"), "gender": self.tr("Gender"),
                "address": self.tr("Address")}

    def error_text(self, code: str) -> str:
        return {
            "name.empty": self.tr("Please type your full name."),
            "name.invalid": self.tr("The name must not contain digits."),
            "id.length": self.tr("The ID number has exactly 12 digits."),
            "dob.format": self.tr("Type the date of birth as day/month/year, e.g. 15/03/1985."),
            "dob.future": self.tr("The date of birth cannot be in the future."),
            "dob.too_old": self.tr("Please check the year of birth."),
            "gender.missing": self.tr("Please choose Male or Female."),
            "address.empty": self.tr("Please type your address."),
            "address.long": self.tr("The address is too long."),
            "cccd.gender_mismatch": self.tr("The ID number does not match the gender. Please check both."),
            "cccd.birth_year_mismatch": self.tr("The ID number does not match the year of birth. "
                                                "Please check both."),
            "cccd.issued_before_birth": self.tr("The card's issue date is before the date of birth."),
        }.get(code, code)

    def gender_text(self, value: str) -> str:
        return {"male": self.tr("Male"), "female": self.tr("Female")}.get(value, "—")


class IdentityScanScreen(_IdentityScreen):
    screen_id = "identity.scan"
    scan_requested = Signal(object, object)
    scan_finished = Signal()

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 16)
        outer.setSpacing(12)
        self.heading = title()
        self.privacy = label(name="Subtitle")
        self.scan = ScanWidget()
        self.scan.manual_entry_requested.connect(self.type_instead)
        self.scan.cancelled.connect(self.back_requested)
        outer.addWidget(self.heading)
        outer.addWidget(self.privacy)
        outer.addWidget(self.scan, 1)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.scan_requested.emit(self.scan, {Kind.ID_CARD})

    def leave(self) -> None:
        self.scan_finished.emit()
        super().leave()

    def type_instead(self) -> None:
        self.navigate.emit("identity.manual", {})

    def on_scan_result(self, result: ScanResult) -> None:
        if self.visit is None:
            return
        self.visit.data[model.DRAFT_KEY] = model.from_card(result.value)
        self.navigate.emit("identity.confirm", {})

    def scanner_unavailable(self) -> None:
        self.scan.set_camera_state("absent")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Scan your ID card"))
        self.privacy.setText(self.tr("Hold the QR code of your citizen ID card to the camera. Your details are "
                                     "used only for this visit and erased when you leave."))
        self.scan.set_prompt(self.tr("Show the QR code on your ID card"))

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"return_to": "report.review", "purpose": "report", "step": [5, 6]}


class IdentityConfirmScreen(_IdentityScreen):
    screen_id = "identity.confirm"

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 12, 48, 8)
        outer.setSpacing(8)
        self.heading = title()
        self.hint = label(name="Subtitle")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        self.names: dict[str, Any] = {}
        self.values: dict[str, Any] = {}
        self.edit_buttons: dict[str, Any] = {}
        for row, key in enumerate(model.FIELDS):
            self.names[key] = label(name="Subtitle")
            self.values[key] = plain_label(name="Field")
            self.edit_buttons[key] = big_button(role="secondary")
            self.edit_buttons[key].clicked.connect(lambda _=False, k=key: self.navigate.emit(
                "identity.manual", {"field": k}))
            grid.addWidget(self.names[key], row, 0)
            grid.addWidget(self.values[key], row, 1)
            grid.addWidget(self.edit_buttons[key], row, 2)
        grid.setColumnStretch(1, 1)
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
        fields = QVBoxLayout()
        fields.addLayout(grid)
        fields.addStretch(1)
        self.split.addLayout(fields, 3)
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
        return {"draft": SAMPLE_DRAFT, "step": [5, 6]}


class IdentityManualScreen(_IdentityScreen):
    screen_id = "identity.manual"

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 16, 40, 12)
        outer.setSpacing(10)
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
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)
        left.addWidget(self.done)
        self.left = QWidget()
        self.left.setLayout(left)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(24)
        self.split.addWidget(self.left, 4)
        self.split.addWidget(self.keyboard, 5, Qt.AlignmentFlag.AlignBottom)
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        outer.addWidget(self.heading)
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
        return {"draft": SAMPLE_DRAFT, "field": "full_name", "step": [5, 6]}
