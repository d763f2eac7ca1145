"""Step 3 of "Nộp hồ sơ" (``dossier.form``): the procedure's form, generated from its ``form_fields`` and
pre-filled from the ID card. GUI thread; answers go into the visit's draft as they are typed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.visit import Visit
from screens.dossier.common import STEPS, choice_label, draft_of, field_label, procedure_name
from screens.dossier.model import card_values, check_answers, identity_value, prefill
from screens.keyboard import OnScreenKeyboard
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, title

SAMPLE_ID_CARD = ("001085012345|012345678|Nguyễn Văn An|15031985|Nam|"
                  "Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội|22062022")
INPUT_HINTS = {"date": Qt.InputMethodHint.ImhDate, "phone": Qt.InputMethodHint.ImhDialableCharactersOnly,
               "id_number": Qt.InputMethodHint.ImhDigitsOnly}


def sample_identity() -> Any:
    from core.formats import parse_cccd

    return parse_cccd(SAMPLE_ID_CARD)


KEEP_FORMS = 8  # procedures whose form rows are kept for reuse (a few widgets each)

class FieldRow(QFrame):
    """One question: its label, the input (text box, long text, or big choice buttons), and its error."""

    changed = Signal(str, str)  # key, text
    keyboard_requested = Signal(object, str)  # input widget, field type

    def __init__(self, f: Any, language: str) -> None:
        super().__init__()
        self.field = f
        self.setObjectName("FieldRow")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.setSpacing(6)
        self.caption = label(name="Strong")
        self.source = label(name="Subtitle")
        self.error = label(name="ErrorText")
        self.error.hide()
        self.source.hide()
        layout.addWidget(self.caption)
        self.buttons: dict[str, QPushButton] = {}
        self.editor: QLineEdit | QPlainTextEdit | None = None
        if f.type == "choice" and f.choices:
            self.group = QButtonGroup(self)
            self.group.setExclusive(True)
            grid = QGridLayout()
            grid.setSpacing(12)
            for i, c in enumerate(f.choices):
                b = big_button(role="secondary")
                b.setCheckable(True)
                b.clicked.connect(lambda _=False, v=c.value: self.changed.emit(f.key, v))
                self.group.addButton(b)
                self.buttons[c.value] = b
                grid.addWidget(b, i // 3, i % 3)
            layout.addLayout(grid)
        elif f.type == "textarea":
            self.editor = QPlainTextEdit()
            self.editor.setFixedHeight(170)
            self.editor.textChanged.connect(lambda: self.changed.emit(f.key, self.editor.toPlainText()))
            layout.addWidget(self.editor)
        else:
            self.editor = QLineEdit()
            if f.type in INPUT_HINTS:
                self.editor.setInputMethodHints(INPUT_HINTS[f.type])
            self.editor.textChanged.connect(lambda text: self.changed.emit(f.key, text))
            layout.addWidget(self.editor)
        if self.editor is not None:
            # a touch on a long-text box lands on its viewport, not on the box itself
            self._touch_targets = {self.editor, getattr(self.editor, "viewport", lambda: self.editor)()}
            for target in self._touch_targets:
                target.installEventFilter(self)
            self.editor.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.source)
        layout.addWidget(self.error)
        self.retranslate(language)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched in self._touch_targets and event.type() == QEvent.Type.MouseButtonRelease:
            self.keyboard_requested.emit(self.editor, self.field.type)
        return False

    def value(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()
        checked = self.group.checkedButton() if self.buttons else None
        return next((v for v, b in self.buttons.items() if b is checked), "")

    def set_value(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
        elif isinstance(self.editor, QLineEdit):
            if self.editor.text() != text:
                self.editor.setText(text)
        elif self.buttons:
            self.group.setExclusive(False)
            for v, b in self.buttons.items():
                b.setChecked(v == text)
            self.group.setExclusive(True)

    def retranslate(self, language: str) -> None:
        f = self.field
        self.caption.setText(field_label(f, language) + (" *" if f.required else ""))
        for v, b in self.buttons.items():
            b.setText(choice_label(f, v, language))


class FormScreen(Screen):
    screen_id = "dossier.form"

    completed = Signal()

    def build(self) -> None:
        self.language = "vi"
        self.catalogue: Callable[[], Any] = lambda: None  # set by the controller
        self.procedure: Any = None
        self.rows: dict[str, FieldRow] = {}
        # the rows of the last few procedures, kept hidden and reused: a kiosk serves the same forms all day
        self._forms: OrderedDict[str, tuple[QWidget, dict[str, FieldRow]]] = OrderedDict()
        self._errors: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 20)
        outer.setSpacing(14)
        self.heading = title()
        self.service = label(name="Subtitle")
        self.hint = label()
        outer.addWidget(self.heading)
        outer.addWidget(self.service)
        outer.addWidget(self.hint)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setObjectName("Page")
        self.fields_layout = QVBoxLayout(self.inner)
        self.fields_layout.setContentsMargins(0, 0, 24, 0)
        self.fields_layout.addStretch(1)
        self.scroll.setWidget(self.inner)
        outer.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        self.summary = label(name="ErrorText")
        self.summary.hide()
        self.next_button = big_button()
        self.next_button.setMinimumWidth(420)
        row.addWidget(self.summary, 1)
        row.addWidget(self.next_button)
        outer.addLayout(row)
        self.keyboard = OnScreenKeyboard(enter_key=True)
        self.keyboard.hide()
        self.keyboard.submitted.connect(self.hide_keyboard)
        outer.addWidget(self.keyboard)
        self.next_button.clicked.connect(self._next)

    def open_keyboard(self, editor: Any, field_type: str) -> None:
        """Tapping a text box brings the on-screen keyboard up under the form, typing into that box."""
        digits = field_type in ("phone", "id_number", "date")
        self.keyboard.set_target(editor, "digits" if digits else "letters", telex=not digits,
                                 auto_capitalize=field_type in ("text", "address"),
                                 modes=("digits",) if digits else None)
        self.keyboard.show()
        for w in (self.next_button, self.hint, self.service):  # room for the box being typed in
            w.hide()
        row = next((r for r in self.rows.values() if r.editor is editor), None)
        if row is not None:  # after the layout has made room for the keyboard
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(row, 0, 0))

    def hide_keyboard(self) -> None:
        self.keyboard.set_target(None)
        self.keyboard.hide()
        for w in (self.next_button, self.hint, self.service):
            w.show()

    # -- state in ------------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        draft = draft_of(visit)
        if params.get("code"):
            draft.code = str(params["code"])
        identity = visit.identity
        if identity is None and params.get("sample"):
            identity = visit.identity = sample_identity()
        procedure = self.catalogue().get(draft.code) if self.catalogue() is not None and draft.code else None
        if procedure is not self.procedure:
            self._build_rows(procedure)
        if procedure is not None:
            if identity is not None and draft.prefilled_for != identity.id_number:
                draft.answers = prefill(procedure.form_fields, identity, draft.answers, draft.prefilled)
                draft.prefilled = card_values(procedure.form_fields, identity)
                draft.prefilled_for = identity.id_number
            for key, row in self.rows.items():
                row.set_value(draft.answers.get(key, ""))
                from_card = identity is not None and bool(identity_value(identity, row.field.prefill))
                row.source.setVisible(from_card)
        self._show_errors({})
        self.hide_keyboard()
        self.scroll.verticalScrollBar().setValue(0)
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.hide_keyboard()
        self._show_errors({})
        self._build_rows(None)
        for _box, rows in self._forms.values():  # the next resident must not find these answers in a kept form
            for row in rows.values():
                row.set_value("")

    def _build_rows(self, procedure: Any) -> None:
        """Show the rows of ``procedure``'s form: the kept ones if it was shown lately, else new ones."""
        if self.procedure is not None and self.procedure.code in self._forms:
            self._forms[self.procedure.code][0].hide()
        self.procedure = procedure
        self.rows = {}
        if procedure is None:
            return
        kept = self._forms.get(procedure.code)
        if kept is None:
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            rows: dict[str, FieldRow] = {}
            for f in procedure.form_fields:
                row = FieldRow(f, self.language)
                row.changed.connect(self._changed)
                row.keyboard_requested.connect(self.open_keyboard)
                rows[f.key] = row
                box_layout.addWidget(row)
            self.fields_layout.insertWidget(0, box)
            kept = self._forms[procedure.code] = (box, rows)
            while len(self._forms) > KEEP_FORMS:
                _code, (old, _rows) = self._forms.popitem(last=False)
                old.setParent(None)
                old.deleteLater()
        self._forms.move_to_end(procedure.code)
        kept[0].show()
        self.rows = kept[1]

    def _changed(self, key: str, text: str) -> None:
        if self.visit is None:
            return
        draft_of(self.visit).answers[key] = text
        if key in self._errors:
            errors = dict(self._errors)
            errors.pop(key)
            self._show_errors(errors)

    def _next(self) -> None:
        if self.procedure is None or self.visit is None:
            return
        self.hide_keyboard()
        answers = draft_of(self.visit).answers
        for key, row in self.rows.items():
            answers[key] = row.value()
        errors = check_answers(self.procedure.form_fields, answers)
        self._show_errors(errors)
        if errors:
            first = self.rows[next(iter(errors))]
            self.scroll.ensureWidgetVisible(first)
            return
        self.completed.emit()

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._errors = dict(errors)
        for key, row in self.rows.items():
            code = self._errors.get(key)
            row.error.setText(self.error_text(code) if code else "")
            row.error.setVisible(bool(code))
        self.summary.setText(self.tr("Please check the answers marked in red.") if self._errors else "")
        self.summary.setVisible(bool(self._errors))

    def error_text(self, code: str) -> str:
        return {
            "form.required": self.tr("Please fill this in."),
            "form.date": self.tr("Write the date as day/month/year, e.g. 15/03/1985."),
            "form.id_number": self.tr("The ID number has 12 digits (or 9 on an old card)."),
            "form.phone": self.tr("A phone number has 10 digits and starts with 0."),
            "form.choice": self.tr("Please choose one of the options."),
            "form.email": self.tr("This does not look like an email address."),
        }.get(code, self.tr("Please check this answer."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Fill in the form"))
        self.service.setText(procedure_name(self.procedure, self.language))
        self.hint.setText(self.tr("We filled in what your ID card says. Check it, and complete the rest. "
                                  "Fields marked * are required."))
        for row in self.rows.values():
            row.retranslate(self.language)
            row.source.setText(self.tr("From your ID card"))
        self.next_button.setText(self.tr("Continue  ▶"))
        self._show_errors(self._errors)

    def step_info(self) -> tuple[int, int]:
        return 3, STEPS

    def title(self) -> str:
        return self.tr("Fill in the form")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"code": "1.004222", "sample": True}
