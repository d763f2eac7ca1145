"""Tra cứu hồ sơ (screen id ``tracking``): scan the receipt's code or type its reference; see the status.

GUI thread; renders a :class:`screens.tracking.model.TrackingView` and emits intents.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout

from core.money import format_vnd
from core.visit import Visit
from screens.shell.screen import Screen
from screens.tracking.model import HistoryEntry, TrackingView
from screens.tracking.reference_entry import ReferenceEntry
from screens.widgets.basics import big_button, card, label, px, restyle, scrolling, title

if TYPE_CHECKING:
    from screens.tracking.controller import TrackingController


def local_time(value: Any) -> str:
    """dd/mm/yyyy HH:MM in the station's time zone, from an aware datetime or an ISO string ('' if none)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return ""
    if not isinstance(value, datetime):
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%d/%m/%Y %H:%M")


class TrackingScreen(Screen):
    screen_id = "tracking"
    controller: TrackingController | None

    lookup_requested = Signal(str)  # what the resident typed
    scan_requested = Signal(object)
    scan_stopped = Signal()
    pay_requested = Signal(dict)

    def build(self) -> None:
        self.view: TrackingView | None = None
        self.error_code = ""
        self.busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(16))
        self.heading = title()
        self.hint = label(name="Subtitle")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        self.entry = ReferenceEntry(pad_shown=True)
        self.field = self.entry.field
        self.entry.submitted.connect(self._search)
        self.entry.scan_requested.connect(self._scanning)
        self.entry.scan_stopped.connect(self._scan_ended)
        outer.addWidget(self.entry)
        self.result_card, result = card()
        self.message = label(name="Headline")
        self.detail = label()
        self.history = label(name="Subtitle")
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.fee = label()
        self.pay_button = big_button(role="ok")
        self.pay_button.hide()
        for w in (self.message, self.detail, self.history, self.fee):
            result.addWidget(w)
        result.addWidget(self.pay_button, 0, Qt.AlignmentFlag.AlignLeft)
        result.addStretch(1)
        self.result_card.hide()
        # the answer scrolls under the code box when it is longer than the room left (small panel, large text)
        answer = QVBoxLayout()
        answer.addWidget(self.result_card, 1)
        self.answer_area = scrolling(answer)
        outer.addWidget(self.answer_area, 1)
        self.pay_button.clicked.connect(self._pay)

    # -- intents -------------------------------------------------------------------------------------------
    def _search(self, text: str) -> None:
        if not self.busy:
            self.lookup_requested.emit(text)

    def _scanning(self, widget: object) -> None:
        self.result_card.hide()
        self.scan_requested.emit(widget)

    def _scan_ended(self) -> None:
        self.result_card.setVisible(bool(self.view or self.error_code or self.busy))
        self.scan_stopped.emit()

    def _pay(self) -> None:
        v = self.view
        if v is not None and v.fee_amount and not v.fee_paid:
            self.pay_requested.emit({"reference": v.hub_ref or v.local_ref or v.reference, "amount": v.fee_amount})

    def stop_scan(self) -> None:
        self.entry.stop_scan()

    # -- state in ------------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("reference"):
            self.field.setText(str(params["reference"]))
            self.lookup_requested.emit(str(params["reference"]))
        elif params.get("sample_view"):
            self.field.setText(params["sample_view"].reference)
            self.show_view(params["sample_view"])

    def leave(self) -> None:
        self.stop_scan()

    def reset(self) -> None:
        super().reset()
        self.entry.clear()
        self.view, self.error_code, self.busy = None, "", False
        self.result_card.hide()
        self.retranslate()

    def set_busy(self, busy: bool, reference: str = "") -> None:
        self.busy = busy
        if busy:
            self.stop_scan()
            self.entry.pad.hide()  # room for the answer; touching the box brings the pad back
            if reference:
                self.field.setText(reference)
            self.view, self.error_code = None, ""
            self.result_card.show()
        self.retranslate()

    def show_view(self, view: TrackingView) -> None:
        self.busy, self.view, self.error_code = False, view, ""
        self.stop_scan()
        self.entry.pad.hide()
        self.result_card.show()
        self.retranslate()

    def show_error(self, code: str) -> None:
        """``tracking.reference`` (not a reference we know the shape of) or ``unavailable``."""
        self.busy, self.view, self.error_code = False, None, code
        self.stop_scan()
        self.entry.pad.hide()
        self.result_card.show()
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------
    def status_name(self, status: str) -> str:
        """Our wording for the hub's status codes; a code we do not know shows the hub's own label."""
        return {"received": self.tr("Received"), "processing": self.tr("Being processed"),
                "needs_info": self.tr("More information needed: please contact the ward office"),
                "completed": self.tr("Completed: the result is ready"),
                "rejected": self.tr("Not accepted: please contact the ward office")}.get(
            status, (self.view.status_label_vi if self.view is not None else "") or status)

    def _history_text(self, history: tuple[HistoryEntry, ...]) -> str:
        lines = [f"{local_time(h.at)}  ·  {self.status_name(h.status)}" + (f"  ·  {h.note}" if h.note else "")
                 for h in history[-6:]]
        return "\n".join(lines)

    def _officer_note(self, v: TrackingView) -> str:
        """The officer's note on the latest status, first in the detail ("" when the latest move has none)."""
        latest = v.history[-1] if v.history else None
        if latest is None or not latest.note or latest.status != v.status:
            return ""
        return self.tr("Note from the ward officer: %1").replace("%1", latest.note) + "\n"

    def render(self) -> tuple[str, str, bool]:
        """(message, detail, good) for the current state."""
        v = self.view
        if self.busy:
            return self.tr("Looking up…"), "", True
        if self.error_code == "tracking.reference":
            return (self.tr("This is not a reference number we know."),
                    self.tr("A reference looks like BN01-261121-0007 or HS-2026-000123. Please check it, or "
                            "scan the code on your receipt."), False)
        if self.error_code:
            return self.tr("Tracking is not available on this station now."), self.tr("Please ask the staff."), False
        if v is None:
            return "", "", True
        refs = v.local_ref or v.hub_ref or v.reference  # the one code on the resident's receipt
        note = self._officer_note(v)
        if v.state == "hub":
            return self.status_name(v.status), note + self.tr("Dossier %1").replace("%1", refs), True
        if v.state == "cached":
            return (self.status_name(v.status),
                    note + self.tr("This station cannot reach the ward office now. This is the last known status, "
                                   "as of %1.").replace("%1", local_time(v.known_at)), True)
        if v.state == "queued_here":
            return (self.tr("Saved at this station, not sent yet"),
                    self.tr("It will be sent to the ward office as soon as the station is online. Reference %1.")
                    .replace("%1", refs), True)
        if v.state == "sent_offline":
            return (self.tr("Sent to the ward office"),
                    self.tr("Sent on %1. The current status cannot be checked now because the station is "
                            "offline. Please try again later.").replace("%1", local_time(v.known_at)), True)
        if v.state == "unknown":
            return (self.tr("We found no dossier with this reference."),
                    self.tr("Please check the number on your receipt, or ask the staff."), False)
        return (self.tr("The status cannot be checked now."),
                self.tr("This station is offline and has no record of this reference. Please try again later "
                        "or ask the staff."), False)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Track a dossier"))
        self.hint.setText(self.tr("Scan the code on your receipt, or type the code printed on it with the keys "
                                  "below."))
        self.entry.retranslate(self.tr("Search"))
        message, detail, good = self.render()
        self.message.setText(message)
        self.message.setProperty("tone", "ok" if good else "error")
        restyle(self.message)
        self.detail.setText(detail)
        v = self.view
        self.history.setText(self._history_text(v.history) if v is not None else "")
        self.history.setVisible(bool(v and v.history))
        fee_text = ""
        if v is not None and v.fee_amount:
            fee_text = (self.tr("Fee %1: paid") if v.fee_paid else self.tr("Fee %1: not paid yet")).replace(
                "%1", format_vnd(v.fee_amount))
        self.fee.setText(fee_text)
        self.fee.setVisible(bool(fee_text))
        self.pay_button.setText(self.tr("Pay the fee now"))
        self.pay_button.setVisible(bool(v and v.fee_amount and not v.fee_paid and v.state in ("hub", "cached")))

    def title(self) -> str:
        return self.tr("Track a dossier")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        from datetime import UTC

        history = (HistoryEntry("received", "2026-11-21T03:20:00+00:00"),
                   HistoryEntry("processing", "2026-11-21T07:05:00+00:00", "Cán bộ đang thẩm định"))
        view = TrackingView("HS-2026-000123", "hub", "processing", "Đang xử lý", history,
                            datetime(2026, 11, 21, 8, 0, tzinfo=UTC), "BN01-261121-0007", "HS-2026-000123",
                            10000, False)
        return {"sample_view": view}
