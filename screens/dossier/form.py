"""Step 3 of "Nộp hồ sơ" (``dossier.form``): the procedure's form, generated from its ``form_fields`` and
pre-filled from the ID card. GUI thread; answers go into the visit's draft as they are typed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from core.visit import Visit
from screens.dossier.address import StationAddress
from screens.dossier.common import STEPS, draft_of, procedure_name
from screens.dossier.field_row import FieldRow
from screens.dossier.model import card_values, check_answer, check_answers, identity_value, prefill
from screens.keyboard import OnScreenKeyboard
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, px, title

SAMPLE_ID_CARD = ("001085012345|012345678|Nguyễn Văn An|15031985|Nam|"
                  "Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội|22062022")


def sample_identity() -> Any:
    from core.formats import parse_cccd

    return parse_cccd(SAMPLE_ID_CARD)


KEEP_FORMS = 8  # procedures whose form rows are kept for reuse (a few widgets each)
SCROLL_MARGIN = 24  # px kept between a row scrolled into view and the edges of the form's view


class FormScreen(Screen):
    screen_id = "dossier.form"

    completed = Signal()

    def build(self) -> None:
        self.language = "vi"
        self.catalogue: Callable[[], Any] = lambda: None  # set by the controller
        self.place = StationAddress()  # this station's buildings, floors and flats (set at install)
        self.procedure: Any = None
        self.rows: dict[str, FieldRow] = {}
        # the rows of the last few procedures, kept hidden and reused: a kiosk serves the same forms all day
        self._forms: OrderedDict[str, tuple[QWidget, dict[str, FieldRow]]] = OrderedDict()
        self._errors: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(14))
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
        # "Còn 2 mục cần điền": every problem is marked at its question; this jumps to the first one
        self.summary = big_button(role="secondary")
        self.summary.setObjectName("ErrorSummary")
        self.summary.clicked.connect(self.show_first_problem)
        self.summary.hide()
        self.next_button = big_button()
        self.next_button.setMinimumWidth(px(420))
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
        # room for the box being typed in; with the (short) digits pad "Continue" stays at hand
        for w in (self.heading, self.hint, self.service) + (() if digits else (self.next_button, self.summary)):
            w.hide()
        self._reveal(editor)  # after the layout has made room for the keyboard

    def hide_keyboard(self) -> None:
        self.keyboard.set_target(None)
        self.keyboard.hide()
        for w in (self.heading, self.hint, self.service, self.next_button):
            w.show()
        self.summary.setVisible(bool(self._errors))

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
        waiting = next((r for r in self.rows.values() if check_answer(r.field, r.value())), None)
        if waiting is not None:  # the card filled the top: show the first question still to answer
            self._reveal(waiting)
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
                row = FieldRow(f, self.language, self.place)
                row.changed.connect(self._changed)
                row.keyboard_requested.connect(self.open_keyboard)
                row.answered.connect(self._answered)
                row.reveal.connect(self._reveal)
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
        if key in self._errors and key in self.rows:  # fixed: its mark and its count in the banner go
            code = check_answer(self.rows[key].field, text)
            if code != self._errors[key]:
                errors = dict(self._errors)
                if code:
                    errors[key] = code
                else:
                    errors.pop(key)
                self._show_errors(errors)

    def _answered(self, key: str) -> None:
        """Guide on: an answer is complete, so the keyboard goes and the next question without one shows."""
        row = self.rows.get(key)
        if row is None:
            return
        if self.keyboard.isVisible() and self.keyboard.target is row.editor:
            self.hide_keyboard()
        keys = list(self.rows)
        later = keys[keys.index(key) + 1:]
        upcoming = next((self.rows[k] for k in later if check_answer(self.rows[k].field, self.rows[k].value())),
                        None)
        if upcoming is not None:
            self._reveal(upcoming)

    def _reveal(self, widget: QWidget) -> None:
        """Scroll ``widget`` into view once the layout has made room for it (the keyboard just went, flats just
        appeared); a row taller than the view shows from its question down."""

        def scroll() -> None:
            self.layout().activate()
            self.inner.layout().activate()
            self.scroll.ensureWidgetVisible(widget, 0, SCROLL_MARGIN)
            caption = getattr(widget, "caption", None)
            if caption is not None and widget.height() + 2 * SCROLL_MARGIN > self.scroll.viewport().height():
                self.scroll.ensureWidgetVisible(caption, 0, SCROLL_MARGIN)

        QTimer.singleShot(0, scroll)

    def _next(self) -> None:
        if self.procedure is None or self.visit is None:
            return
        self.hide_keyboard()
        answers = draft_of(self.visit).answers
        for key, row in self.rows.items():
            answers[key] = row.value()
        errors = check_answers(self.procedure.form_fields, answers)
        self._show_errors(errors)  # all of them at once, each at its question
        if errors:
            self.show_first_problem()
            return
        self.completed.emit()

    def show_first_problem(self) -> None:
        """Scroll the first question with a problem into the form's view (never under the buttons below it)."""
        first = next((self.rows[k] for k in self.rows if k in self._errors), None)
        if first is not None:
            self._reveal(first)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._errors = dict(errors)
        for key, row in self.rows.items():
            code = self._errors.get(key)
            row.set_problem(self.error_text(code) if code else "")
        count = len(self._errors)
        self.summary.setText((self.tr("1 item still needs your answer  ▲") if count == 1 else
                              self.tr("%1 items still need your answer  ▲").replace("%1", str(count)))
                             if count else "")
        self.summary.setVisible(bool(count) and not self.next_button.isHidden())  # not over the letters

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
