"""Steps 5 and 6 of "Nộp hồ sơ": review everything (``dossier.review``), then explicit consent and submit
(``dossier.consent``). GUI thread; render state, emit intents.

Consent follows Decree 13/2023/ND-CP: nothing is pre-ticked, silence is not consent, and the text says
what is collected, why, who receives it and for how long this station keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.money import format_vnd
from core.visit import Visit
from screens.dossier.common import STEPS, choice_label, draft_of, field_label, procedure_name
from screens.dossier.form import sample_identity
from screens.dossier.model import fee_for, kiosk_channel, normalise
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, px, title
from screens.widgets.consent_gate import ConsentGate
from screens.widgets.fit_row import FitRow

SAMPLE_ANSWERS = {"phone": "0912345678", "request_content": "Đăng ký thường trú tại nhà của con trai.",
                  "new_address": "Số 5 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh", "relationship_to_head": "Cha"}


def _sample_draft(visit: Visit, params: dict[str, Any]) -> None:
    """Screenshots/self-test: a believable filled-in draft (synthetic ID card, invented answers)."""
    draft = draft_of(visit)
    draft.code = str(params.get("code") or "1.004222")
    if visit.identity is None:
        visit.identity = sample_identity()
    draft.answers.update(SAMPLE_ANSWERS)
    draft.answers.setdefault("household_head_name", "Nguyễn Văn Bình")


class _DossierPage(Screen):
    def build(self) -> None:
        self.language = "vi"
        self.catalogue: Callable[[], Any] = lambda: None  # set by the controller

    def procedure(self) -> Any:
        if self.visit is None or self.catalogue() is None:
            return None
        code = draft_of(self.visit).code
        return self.catalogue().get(code) if code else None

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("sample"):
            _sample_draft(visit, params)
            procedure = self.procedure()
            if procedure is not None:
                from screens.dossier.model import prefill

                draft = draft_of(visit)
                draft.answers = prefill(procedure.form_fields, visit.identity, draft.answers)


class ReviewScreen(_DossierPage):
    screen_id = "dossier.review"

    edit_requested = Signal()
    completed = Signal()

    def build(self) -> None:
        super().build()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(14))
        self.heading = title()
        self.hint = label(name="Subtitle")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("Page")
        self.inner_layout = QVBoxLayout(inner)
        self.inner_layout.setContentsMargins(0, 0, 24, 0)
        self.summary_card, summary = card()
        self.service = label(name="Strong")
        self.channel = label()
        self.fee = label()
        self.photos = label()
        for w in (self.service, self.channel, self.fee, self.photos):
            summary.addWidget(w)
        self.inner_layout.addWidget(self.summary_card)
        self.answers_card, answers = card()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(1, 1)
        answers.addLayout(self.grid)
        self.inner_layout.addWidget(self.answers_card)
        self.inner_layout.addStretch(1)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll, 1)
        row = FitRow(spacing=px(24))  # side by side, or one under the other when their words need the width
        self.edit_button = big_button(role="secondary")
        self.next_button = big_button()
        row.add(self.edit_button)
        row.add(self.next_button)
        outer.addLayout(row)
        self.edit_button.clicked.connect(self.edit_requested)
        self.next_button.clicked.connect(self.completed)
        self._pairs: list[tuple[QLabel, QLabel]] = []  # (question, answer) label rows, reused from visit to visit

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.retranslate()
        self.scroll.verticalScrollBar().setValue(0)

    def reset(self) -> None:
        super().reset()
        self._clear()
        self.retranslate()

    @property
    def _cells(self) -> list[QLabel]:
        """The question and answer labels on show."""
        return [w for pair in self._pairs for w in pair if not w.isHidden()]

    def _clear(self) -> None:
        """Empty (the next resident must not see these answers) and hide every row; the labels stay for reuse."""
        for name, shown in self._pairs:
            for w in (name, shown):
                w.clear()
                w.hide()

    def _pair(self, i: int) -> tuple[QLabel, QLabel]:
        while len(self._pairs) <= i:
            row = len(self._pairs)
            name = label("", name="Subtitle")
            shown = label("")
            shown.setTextFormat(Qt.TextFormat.PlainText)
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(shown, row, 1)
            self._pairs.append((name, shown))
        return self._pairs[i]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check your dossier"))
        self.hint.setText(self.tr("Read it through. To change something, touch “Change answers”."))
        self.edit_button.setText(self.tr("✎  Change answers"))
        self.next_button.setText(self.tr("Everything is right  ▶"))
        procedure = self.procedure()
        self._clear()
        if procedure is None or self.visit is None:
            for w in (self.service, self.channel, self.fee, self.photos):
                w.setText("")
            return
        draft = draft_of(self.visit)
        self.service.setText(procedure_name(procedure, self.language))
        channel = kiosk_channel(procedure)
        self.channel.setText(self.tr("Submitted online through this station") if channel == "online"
                             else self.tr("Submitted to the ward office through this station"))
        fee = fee_for(procedure)
        self.fee.setText(self.tr("Fee: %1").replace("%1", format_vnd(fee)) if fee else self.tr("Fee: none"))
        n = len(draft.photos)
        self.photos.setText(self.tr("Photos of papers: %1").replace("%1", str(n)) if n
                            else self.tr("No photos of papers"))
        for i, f in enumerate(procedure.form_fields):
            value = normalise(f.type, draft.answers.get(f.key, ""))
            if f.type == "choice":
                value = choice_label(f, value, self.language)
            name, shown = self._pair(i)
            name.setText(field_label(f, self.language))
            shown.setText(value or "—")
            name.show()
            shown.show()

    def step_info(self) -> tuple[int, int]:
        return 5, STEPS

    def title(self) -> str:
        return self.tr("Check your dossier")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"code": "1.004222", "sample": True}


class ConsentScreen(_DossierPage):
    screen_id = "dossier.consent"

    submit_requested = Signal()

    def build(self) -> None:
        super().build()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(18))
        self.heading = title()
        outer.addWidget(self.heading)
        self.text_card, text_layout = card()
        self.text = label()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        text_layout.addWidget(self.text)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.text_card)
        outer.addWidget(scroll, 1)
        self.gate = ConsentGate(self.submit_requested.emit, self._consent_given, lambda: self.visit is not None)
        self.agree, self.busy, self.submit_button = self.gate.agree, self.gate.busy, self.gate.submit_button
        outer.addWidget(self.agree, 0, Qt.AlignmentFlag.AlignLeft)  # the touch area is the box and its text
        outer.addWidget(self.busy)
        outer.addWidget(self.submit_button)

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.gate.clear()  # consent is given here, every time: never pre-ticked
        draft_of(visit).consent = False
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.gate.clear()

    def _consent_given(self, on: bool) -> None:
        if self.visit is not None:
            draft_of(self.visit).consent = on

    def set_busy(self, busy: bool) -> None:
        self.gate.set_busy(busy)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your consent"))
        procedure = self.procedure()
        service = procedure_name(procedure, self.language) or self.tr("this procedure")
        self.text.setText(self.tr(
            "Under Decree 13/2023/ND-CP on personal data protection, we ask for your consent.\n\n"
            "What: your name, date of birth, gender, ID number, address, phone and the answers and photos in "
            "this dossier.\n"
            "Why: only to handle your dossier for “%1”.\n"
            "Who receives it: the ward office (the ward police) that handles this procedure.\n"
            "How long: this station keeps it encrypted only until it has been sent, and at most %2 days.\n"
            "Your rights: you may ask the ward office to see, correct or delete your data, or withdraw this "
            "consent. If you do not agree, nothing is saved: you can submit at the counter instead."
        ).replace("%1", service).replace("%2", str(self.retention_days)))
        self.agree.setText(self.tr("I have read this and I agree"))
        self.busy.setText(self.tr("Saving your dossier…"))
        self.submit_button.setText(self.tr("Submit the dossier"))

    retention_days = 30

    def step_info(self) -> tuple[int, int]:
        return 6, STEPS

    def title(self) -> str:
        return self.tr("Your consent")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"code": "1.004222", "sample": True}
