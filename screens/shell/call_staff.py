""""Gọi cán bộ hỗ trợ": the button in the header of every screen, and the offer made by itself when a resident
seems stuck (one screen for a long while, or the failsafe screen twice in a visit).

The request goes to the hub as an alert with the station (the kiosk token says which) and the screen the
resident is on; the overlay then waits until a staff member acknowledges it on the hub ("Cán bộ đã nhận yêu cầu,
đang đến"). With the hub unreachable it shows the staff phone at once, offers a printed slip, and keeps trying
to raise the alert in the background while the overlay is open. GUI thread; the hub calls run in the hub worker.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from screens.shell.overlay import Overlay
from screens.widgets.basics import big_button, label, title

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)
POLL_MS = 3000  # how often the kiosk asks whether someone acknowledged
RETRY_MS = 15000  # hub unreachable: try to raise the alert again
STUCK_SECONDS = 120  # one screen this long, with the resident still there (the idle timer did not fire)
QUIET_SCREENS = ("home", "technician.pin", "technician.status")  # no offer on these


class CallStaffOverlay(Overlay):
    """States: offer (asked by itself), sending, waiting, acknowledged, offline."""

    call = Signal()
    print_slip = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget, staff_phone: str) -> None:
        super().__init__(parent)
        self.setObjectName("Overlay")
        self.staff_phone = staff_phone
        self.state = "offer"
        self.heading = title()
        self.message = label()
        self.phone = label(name="Emergency")
        self.call_button = big_button()
        self.print_button = big_button(role="secondary")
        self.close_button = big_button(role="secondary")
        for widget in (self.heading, self.message, self.phone, self.call_button, self.print_button,
                       self.close_button):
            self.body.addWidget(widget)
        self.call_button.clicked.connect(self.call)
        self.print_button.clicked.connect(self.print_slip)
        self.close_button.clicked.connect(self._close)
        self.retranslate()

    def _close(self) -> None:
        self.hide()
        self.dismissed.emit()

    def show_state(self, state: str) -> None:
        self.state = state
        self.call_button.setVisible(state == "offer")
        self.print_button.setVisible(state == "offline")
        self.phone.setVisible(state in ("acknowledged", "offline", "waiting"))
        self.retranslate()
        if not self.isVisible():
            self.open()

    def retranslate(self) -> None:
        phone = self.tr("Staff phone: %1").replace("%1", self.staff_phone)
        texts = {
            "offer": (self.tr("Do you need help?"),
                      self.tr("A ward staff member can come to the station to help you.")),
            "sending": (self.tr("Calling a staff member…"), self.tr("Please wait a moment.")),
            "waiting": (self.tr("Your request has been sent"),
                        self.tr("Please stay at the station. A staff member will answer shortly.")),
            "acknowledged": (self.tr("A staff member has received your request and is on the way"),
                             self.tr("Please stay at the station.")),
            "offline": (self.tr("The station cannot reach the ward office right now"),
                        self.tr("Please call the ward staff on the number below, or print a slip and take it to "
                                "the ward office.")),
        }
        heading, message = texts.get(self.state, texts["offer"])
        self.heading.setText(heading)
        self.message.setText(message)
        self.phone.setText(phone)
        self.call_button.setText(self.tr("Call a staff member"))
        self.print_button.setText(self.tr("Print a slip"))
        self.close_button.setText(self.tr("No, thank you") if self.state == "offer" else self.tr("Close"))


class CallStaffController(QObject):
    """Raises the alert, polls for the acknowledgement, and watches for a resident who seems stuck."""

    def __init__(self, ctx: AppContext, overlay: CallStaffOverlay, stuck_seconds: int = STUCK_SECONDS) -> None:
        super().__init__(overlay)
        self.ctx, self.overlay = ctx, overlay
        self.alert_id: str | None = None
        self.screen = ""
        self._created_at = ""
        self._problems = 0
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._tick)
        self._stuck = QTimer(self)
        self._stuck.setSingleShot(True)
        self._stuck.setInterval(stuck_seconds * 1000)
        self._stuck.timeout.connect(self._seems_stuck)
        overlay.call.connect(lambda: self.request(self.screen))
        overlay.print_slip.connect(self._print)
        overlay.dismissed.connect(self._dismissed)
        ctx.flow.step_changed.connect(self._step)
        ctx.flow.visit_reset.connect(self.reset)

    # ---- the resident asks ---------------------------------------------------------------------------
    def request(self, screen: str | None = None) -> None:
        if self.alert_id is not None and self.overlay.isVisible() and self.overlay.state != "offer":
            return  # already called: the overlay shows how it goes
        self.screen = screen if screen is not None else self.ctx.flow.step
        self.alert_id, self._created_at = str(uuid.uuid4()), datetime.now().astimezone().isoformat()
        log.info("visit %s: call for staff help %s from screen %s", self.ctx.flow.visit.id, self.alert_id,
                 self.screen)
        self.overlay.show_state("sending")
        self._raise()

    def _raise(self) -> None:
        hub = self.ctx.services.hub
        if hub is None:
            self._result_raise(None)
            return
        alert_id = self.alert_id
        hub.raise_alert(alert_id, "help", self._created_at, self.screen[:64], None,
                        lambda result: self._result_raise(result) if alert_id == self.alert_id else None)

    def _result_raise(self, result: Any) -> None:
        if result is not None and getattr(result, "ok", False):
            self._answer(result.data)
            self._poll.start(POLL_MS)
            return
        log.warning("call for help %s not delivered (%s): staff phone shown", self.alert_id,
                    getattr(result, "error_code", "no hub"))
        self.overlay.show_state("offline")
        self._poll.start(RETRY_MS)  # keep trying while the resident waits

    def _tick(self) -> None:
        hub = self.ctx.services.hub
        if self.alert_id is None or hub is None:
            self._poll.stop()
            return
        if self.overlay.state == "offline":
            self._raise()
            return
        alert_id = self.alert_id
        hub.alert_status(alert_id, lambda r: self._answer(r.data) if alert_id == self.alert_id and r.ok else None)

    def _answer(self, data: Any) -> None:
        if isinstance(data, dict) and data.get("acknowledged"):
            log.info("call for help %s acknowledged", self.alert_id)
            self._poll.stop()
            self.overlay.show_state("acknowledged")
        elif self.overlay.state in ("sending", "offline"):
            self.overlay.show_state("waiting")

    def _print(self) -> None:
        printer, submit = self.ctx.services.printer, self.ctx.services.submit
        if printer is None or submit is None:
            return
        from kiosk.services.submit import ReceiptLine

        station = self.ctx.config.station
        receipt = submit.slip("help", "", (ReceiptLine("Số điện thoại cán bộ", station.staff_phone),
                                           ReceiptLine("Màn hình", self.screen or "—")),
                              ("Vui lòng mang phiếu này đến bộ phận một cửa của phường.",
                               "Khẩn cấp: 113 Công an · 114 Cứu hỏa · 115 Cấp cứu"), language="vi")
        printer.print_receipt(receipt, lambda outcome: log.info("help slip printed: %s", bool(outcome.ok)))

    def _dismissed(self) -> None:
        self._poll.stop()
        if self.overlay.state == "offer":
            self.alert_id = None
        self._stuck.start()

    def reset(self, _reason: str = "") -> None:
        """The visit ended: forget the call (the hub keeps the alert until staff acknowledge it)."""
        self._poll.stop()
        self._stuck.stop()
        self.alert_id, self._problems = None, 0
        self.overlay.hide()

    # ---- a resident who seems stuck ----------------------------------------------------------------
    def _step(self, step: str) -> None:
        self.screen = step
        self._stuck.stop()
        if step in QUIET_SCREENS:
            return
        if step == "problem":
            self._problems += 1
            if self._problems >= 2:  # repeated errors in one visit
                self._offer()
                return
        self._stuck.start()

    def _seems_stuck(self) -> None:
        if self.ctx.flow.step not in QUIET_SCREENS:
            self._offer()

    def _offer(self) -> None:
        if self.overlay.isVisible():
            return
        log.info("visit %s: resident seems stuck on %s: help offered", self.ctx.flow.visit.id, self.screen)
        self.overlay.show_state("offer")
