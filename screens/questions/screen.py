"""Hỏi đáp: ask in your own words. GUI thread; the answerer is pure and fast (< 100 ms, bench/qa.py), built once.

The language is whichever the kiosk shows; the answer text follows it on the next question."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout

from core.qa import Answerer, NoAnswer, load_faq
from core.visit import Visit
from screens.keyboard import OnScreenKeyboard
from screens.questions.model import Shown, common_questions, shown
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, panel_is_portrait, px, scrolling, title
from screens.widgets.blocks import FocusWatcher
from screens.widgets.fit_row import FitRow

log = logging.getLogger(__name__)


class QuestionsScreen(Screen):
    screen_id = "questions"
    staff_requested = Signal()

    def __init__(self, catalogue: Callable[[], Any], staff_phone: str = "") -> None:
        self._catalogue = catalogue
        self._answerer: Answerer | None = None
        self.staff_phone = staff_phone
        self.result: Shown | None = None
        self.language = "vi"
        super().__init__()

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(14))
        self.heading, self.hint = title(), label(name="Subtitle")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setMaxLength(300)
        self.field.returnPressed.connect(self.ask)
        self.ask_button = big_button()
        self.ask_button.clicked.connect(self.ask)
        row.addWidget(self.field, 1)
        row.addWidget(self.ask_button)
        outer.addLayout(row)
        panel, inner = card()
        self.answer_panel = panel
        self.answer_title = label(name="ScreenTitle")
        self.answer_text = label(name="Body")
        self.source = label(name="Subtitle")
        buttons = QHBoxLayout()
        self.open_button, self.staff_button = big_button(), big_button(role="secondary")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.staff_button)
        for w in (self.answer_title, self.answer_text, self.source):
            inner.addWidget(w)
        inner.addLayout(buttons)
        panel.hide()
        # the answer and the common questions scroll when they need more room than the panel has left
        middle = QVBoxLayout()
        middle.setSpacing(px(14))
        middle.addWidget(panel)
        self.common_label = label(name="Body")
        middle.addWidget(self.common_label)
        self.common = FitRow(spacing=px(10))  # as many questions a row as their words allow
        middle.addLayout(self.common)
        self.common_buttons: list[Any] = []
        middle.addStretch(1)
        self.middle = scrolling(middle)
        outer.addWidget(self.middle, 1)
        self.keyboard = OnScreenKeyboard(enter_key=True)
        self.keyboard.hide()  # shown when the box is touched: the common questions need the room until then
        self.keyboard.submitted.connect(self.ask)
        self._focus = FocusWatcher(lambda _box: self.open_keyboard())
        self.field.installEventFilter(self._focus)
        outer.addWidget(self.keyboard)
        self.open_button.clicked.connect(self._open_procedure)
        self.staff_button.clicked.connect(self.staff_requested)

    # -- the answerer (built on first use: a few ms) -------------------------------------------------------
    def answerer(self) -> Answerer | None:
        if self._answerer is None:
            catalogue = self._catalogue()
            if catalogue is None:
                return None
            self._answerer = Answerer.from_catalogue(catalogue)
            self._fill_common()
        return self._answerer

    def _fill_common(self) -> None:
        for button in self.common_buttons:
            button.deleteLater()
        self.common_buttons = []
        for question in common_questions(load_faq()):
            button = big_button(question, role="secondary")
            button.clicked.connect(lambda _=False, q=question: self.ask(q))
            self.common.add(button)
            self.common_buttons.append(button)

    def _show_common(self, on: bool) -> None:
        self.common_label.setVisible(on)
        for button in self.common_buttons:
            button.setVisible(on)

    def open_keyboard(self) -> None:
        """Telex on: residents type accents the way they do on their phones (or none at all)."""
        self.keyboard.set_target(self.field, "letters", telex=True)
        self._show_common(False)  # the keyboard takes their room: nothing goes under the footer
        self._typing(True)
        self.answer_panel.hide()

    def _typing(self, on: bool) -> None:
        """The keyboard in place of the answer and the common questions; on a landscape panel the title and the
        explanation give way too (the box says what to type), so the keyboard's last row stays above the Back/Home
        bar (an upright panel has the height for all of them)."""
        self.keyboard.setVisible(on)
        self.middle.setVisible(not on)
        short = on and not panel_is_portrait(self)
        self.heading.setVisible(not short)
        self.hint.setVisible(not short)

    def set_language(self, language: str) -> None:
        """The kiosk's language ("vi" | "en"): the next answer's text follows it (catalogue texts are data)."""
        self.language = language

    # -- intents -------------------------------------------------------------------------------------------
    def ask(self, question: str | None = None) -> None:
        text = (question if isinstance(question, str) else self.field.text()).strip()
        if isinstance(question, str):
            self.field.setText(question)
        if not text:
            return
        self._typing(False)
        self._show_common(True)
        answerer = self.answerer()
        if answerer is None:
            self.result = Shown("", "", None, known=False)
        else:
            result = answerer.ask(text)
            self.result = shown(result, self.language != "en")
            log.info("visit %s: question answered=%s top=%s", getattr(self.visit, "id", "-"),
                     not isinstance(result, NoAnswer), result.candidates[0].key if result.candidates else "-")
        self._render()

    def _open_procedure(self) -> None:
        if self.result is not None and self.result.procedure_code:
            self.navigate.emit("procedures.detail", {"code": self.result.procedure_code})

    # -- rendering -----------------------------------------------------------------------------------------
    def _render(self) -> None:
        r = self.result
        self.answer_panel.setVisible(r is not None)
        if r is None:
            return
        if r.known:
            self.answer_title.setText(r.title)
            self.answer_text.setText(r.text)
            self.source.setText(self.tr("Source: the procedure catalogue, procedure %1").replace(
                "%1", r.procedure_code) if r.procedure_code else self.tr("Source: the station's answers to common "
                                                                          "questions"))
        else:
            self.answer_title.setText(self.tr("Sorry, the station does not know the answer to this question."))
            self.answer_text.setText(self.tr("Please ask the ward staff: %1").replace("%1", self.staff_phone)
                                     if self.staff_phone else self.tr("Please ask the ward staff nearby."))
            self.source.setText(self.tr("Try other words, or pick one of the common questions below."))
        self.open_button.setVisible(bool(r.known and r.procedure_code))
        self.staff_button.setVisible(not r.known)

    # -- screen life ---------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.answerer()
        self._typing(False)
        self._show_common(True)

    def reset(self) -> None:
        super().reset()
        self.field.clear()
        self.result = None
        self._render()

    def title(self) -> str:
        return self.tr("Questions")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Questions and answers"))
        self.hint.setText(self.tr("Type your question, with or without accents, or touch a common question."))
        self.field.setPlaceholderText(self.tr("e.g. lam lai can cuoc mat bao lau"))
        self.ask_button.setText(self.tr("Ask"))
        self.common_label.setText(self.tr("Common questions"))
        self.open_button.setText(self.tr("Open this procedure"))
        self.staff_button.setText(self.tr("Call the staff"))
        if self.result is not None:
            self._render()
        self.field.setAlignment(Qt.AlignmentFlag.AlignLeft)
