"""Operator list of submissions that need a person: rejected by the hub, or waiting a long time.

Shows reasons (never personal data) and offers "send again" after the cause is fixed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout

from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scaled
from screens.widgets.basics import big_button, label, title
from screens.widgets.fit_row import FitRow


class TechnicianSubmissionsScreen(Screen):
    screen_id = "technician.submissions"
    refresh_requested = Signal(str)  # status filter
    requeue_requested = Signal(str)  # submission uuid
    reprint_requested = Signal(str)  # submission uuid whose receipt did not print

    def build(self) -> None:
        self._status = "rejected"
        layout = QVBoxLayout(self)
        page_margins(layout, 40, 24)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.rows = QListWidget()
        self.rows.setMinimumHeight(scaled(120))  # a few rows still show; the rest scroll (large text, 1366×768)
        self.feedback = label(name="OkText")
        filters = FitRow(spacing=scaled(12))  # which list: above it, side by side when their words fit
        self.rejected_button = big_button(role="secondary")
        self.waiting_button = big_button(role="secondary")
        self.requeue_button = big_button()
        self.receipts_button = big_button(role="secondary")
        for button in (self.rejected_button, self.waiting_button, self.receipts_button):
            filters.add(button)
        for w in (self.heading, self.hint):
            layout.addWidget(w)
        layout.addLayout(filters)
        layout.addWidget(self.rows, 1)
        bar = QHBoxLayout()  # what to do with the selected row, under the list, and what came of it
        bar.addWidget(self.feedback, 1)
        bar.addWidget(self.requeue_button, 1)
        layout.addLayout(bar)
        self.rejected_button.clicked.connect(lambda: self._refresh("rejected"))
        self.waiting_button.clicked.connect(lambda: self._refresh("retry"))
        self.receipts_button.clicked.connect(lambda: self._refresh("receipt_failed"))
        self.requeue_button.clicked.connect(self._act)
    def enter(self, visit: Any, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self._refresh(self._status)

    def _refresh(self, status: str) -> None:
        self._status = status
        self.refresh_requested.emit(status)

    def _act(self) -> None:
        """Send again (rejected / waiting lists) or print again (receipts that did not print)."""
        item = self.rows.currentItem()
        if item is None or not item.data(256):
            return
        if self._status == "receipt_failed":
            self.reprint_requested.emit(item.data(256))
        else:
            self.requeue_requested.emit(item.data(256))

    @property
    def status_filter(self) -> str:
        return self._status

    def show_rows(self, rows: list[Any]) -> None:
        self.retranslate()  # the action button's name follows the list shown
        self.rows.clear()
        attempts = self.tr("attempts")
        for row in rows:
            when = row.created_at.strftime("%d/%m %H:%M") if getattr(row, "created_at", None) else ""
            reason = row.last_error or "—"
            status = f" HTTP {row.last_http_status}" if row.last_http_status else ""
            item = QListWidgetItem(f"{row.local_ref}  {row.kind}  {when}  {attempts}: {row.attempts}"
                                   f"\n{reason}{status}")
            item.setData(256, row.uuid)
            self.rows.addItem(item)
        if not rows:
            self.rows.addItem(QListWidgetItem(self.tr("Nothing here.")))

    def show_feedback(self, text: str) -> None:
        self.feedback.setText(text)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Submissions that need attention"))
        self.hint.setText(self.tr("Rejected submissions stay here until an operator sends them again or exports them "
                                  "(kiosk queue export)."))
        self.rejected_button.setText(self.tr("Rejected"))
        self.waiting_button.setText(self.tr("Waiting to retry"))
        self.receipts_button.setText(self.tr("Receipts not printed"))
        self.requeue_button.setText(self.tr("Print selected again") if self._status == "receipt_failed"
                                    else self.tr("Send selected again"))

    def reset(self) -> None:
        super().reset()
        self.rows.clear()
        self.feedback.setText("")
