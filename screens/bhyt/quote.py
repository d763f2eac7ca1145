"""The period and the contribution (screen id ``bhyt.quote``): 3, 6 or 12 months; each person's amount by the
legal rule (core.bhyt), the total, the rule's legal source and the base salary with its effective date; consent;
submit. GUI thread; renders the quote the controller computes and emits intents.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from core.bhyt import Quote
from core.money import format_vnd
from core.visit import Visit
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, restyle, scroll_area, title
from screens.widgets.blocks import Orientable, clear_layout
from screens.widgets.consent_gate import ConsentGate


def percent(factor: Any) -> str:
    return f"{float(factor) * 100:g} %"


class BhytQuoteScreen(Orientable, Screen):
    screen_id = "bhyt.quote"
    period_chosen = Signal(int)
    consent_changed = Signal(bool)
    submit_requested = Signal()

    def build(self) -> None:
        self.quote: Quote | None = None
        self.names: list[str] = []
        self.months = 12
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 12, 48, 8)
        outer.setSpacing(8)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.period_row = QHBoxLayout()
        self.period_row.setSpacing(16)
        self.period_buttons: dict[int, Any] = {}
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        self.table = QGridLayout()
        self.table.setHorizontalSpacing(24)
        self.table.setVerticalSpacing(6)
        inner.addWidget(self.hint)  # scrolls with the amounts: a short panel keeps the periods and the button
        inner.addLayout(self.table)
        self.total = label(name="ScreenTitle")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.sources = label(name="Body")
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(self.total)
        inner.addWidget(self.sources)
        self.consent_text = label(name="Body")
        inner.addWidget(self.consent_text)
        inner.addStretch(1)
        self.gate = ConsentGate(self.submit_requested.emit, self.consent_changed.emit)
        self.agree, self.busy, self.submit_button = self.gate.agree, self.gate.busy, self.gate.submit_button
        outer.addWidget(self.heading)
        outer.addLayout(self.period_row)
        outer.addWidget(scroll_area(body), 1)
        inner.addWidget(self.busy)
        bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # consent beside the button it unlocks
        bottom.setSpacing(24)
        self.orient(bottom, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        bottom.addWidget(self.agree, 0)  # the touch area is the box and its text
        bottom.addWidget(self.submit_button, 1)
        outer.addLayout(bottom)

    def set_periods(self, months: tuple[int, ...]) -> None:
        if tuple(self.period_buttons) == tuple(months):
            return
        clear_layout(self.period_row)
        self.period_buttons = {}
        for m in months:
            button = big_button(role="secondary")
            button.clicked.connect(lambda _=False, n=m: self.period_chosen.emit(n))
            self.period_buttons[m] = button
            self.period_row.addWidget(button)
            button.show()  # added to a page on screen: shown now, not on the next event-loop turn
        self._period_texts()

    def show_quote(self, quote: Quote, names: list[str]) -> None:
        self.quote, self.names, self.months = quote, list(names), quote.months
        self._render()

    def _render(self) -> None:
        clear_layout(self.table)
        q = self.quote
        if q is None:
            return
        heads = (self.tr("Person"), self.tr("Share"), self.tr("A month"), self.tr("For %1 months"))
        for col, text in enumerate(heads):
            self._cell(label(text.replace("%1", str(q.months)), "Subtitle"), 0, col)
        for row, (member, name) in enumerate(zip(q.members, self.names, strict=False), start=1):
            share = (self.tr("4.5 % of the base salary") if member.position == 1
                     else self.tr("%1 of the first person's").replace("%1", percent(member.factor)))
            cells = (f"{member.position}. {name}", share, format_vnd(member.monthly_vnd),
                     format_vnd(member.period_vnd))
            for col, text in enumerate(cells):
                cell = label(text, "Body")
                cell.setTextFormat(Qt.TextFormat.PlainText)
                self._cell(cell, row, col)
        self.table.setColumnStretch(0, 1)
        self.total.setText(self.tr("Total for %1 months: %2").replace("%1", str(q.months))
                           .replace("%2", format_vnd(q.total_vnd)))
        salary = q.base_salary
        self.sources.setText(
            self.tr("Base salary %1 a month from %2 (%3).").replace("%1", format_vnd(salary.amount_vnd))
            .replace("%2", salary.effective_from.strftime("%d/%m/%Y")).replace("%3", salary.source)
            + "\n" + self.tr("Rule: %1.").replace("%1", q.source))
        self._period_texts()

    def _cell(self, widget: QWidget, row: int, col: int) -> None:
        self.table.addWidget(widget, row, col)
        widget.show()

    def _period_texts(self) -> None:
        for m, button in self.period_buttons.items():
            button.setText(self.tr("%1 months").replace("%1", str(m)))
            button.setProperty("role", "ok" if m == self.months else "secondary")
            restyle(button)

    def set_busy(self, busy: bool) -> None:
        self.gate.set_busy(busy)

    # -- screen life ---------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.gate.clear()  # consent is given here, every time: never pre-ticked
        if params.get("sample"):  # screenshots
            from core.bhyt import quote
            from screens.bhyt.model import rule

            self.set_periods(rule().periods_months)
            names = ["Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Minh Châu"]
            self.show_quote(quote(3, 12, dt.date.today(), rule()), names)

    def reset(self) -> None:
        super().reset()
        self.quote, self.names = None, []
        clear_layout(self.table)
        self.total.clear()
        self.gate.clear()

    def title(self) -> str:
        return self.tr("Period and contribution")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Period and contribution"))
        self.hint.setText(self.tr("Please choose how many months to pay for. The amounts follow the law."))
        self.consent_text.setText(self.tr("Under Decree 13/2023/ND-CP we ask for your consent: the names, ID "
                                          "numbers and birth dates of these people go to the ward office and the "
                                          "social insurance office, only to handle this application."))
        self.agree.setText(self.tr("I have read this and I agree"))
        self.busy.setText(self.tr("Saving your application…"))
        self.submit_button.setText(self.tr("Submit the application"))
        self._render()
        self._period_texts()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": True}
