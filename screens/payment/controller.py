"""The payment controller: creates the payment at the hub, builds its VietQR from the hub's payee, prints the
slip and polls until paid; offline, a code from the last known payee or "pay at the counter". GUI thread.
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from core.formats import Kind, TrackingError
from screens.payment.model import Payee, PayeePolicy, check_payee, payee_from, purpose_for, safe_payment_qr
from screens.scan.routing import begin_scan, end_scan
from screens.tracking.model import parse_typed_reference

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)
POLL_MS = 3000  # how often the hub is asked whether the transfer arrived
WAIT_SECONDS = 300  # the longest a resident is kept waiting in front of the code
OFFLINE_ERRORS = ("offline", "not_configured", "auth")


def seconds_until(iso: str | None, now: datetime) -> float | None:
    try:
        moment = datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None
    if moment is None or moment.tzinfo is None:
        return None
    return (moment - now).total_seconds()


class PaymentController(QObject):
    def __init__(self, ctx: AppContext, screen: Any) -> None:
        super().__init__(screen)
        self.ctx, self.screen = ctx, screen
        screen.entry.set_station(ctx.config.station.code)  # the code pad fills in this station's part
        self.reference = ""
        self.amount = 0
        self.payment_id = ""
        self.jobs: list[str] = []  # slips printed in this visit
        self._token = 0
        self._deadline = 0.0
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._ask_status)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._countdown)
        screen.lookup_requested.connect(self.lookup)
        screen.scan_requested.connect(self._scan)
        screen.scan_stopped.connect(self._end_scan)
        screen.new_code_requested.connect(lambda: self.create(self.reference, self.amount, fresh=True))
        screen.cancelled.connect(self.stop)
        screen.check_requested.connect(self.check_now)
        screen.pay_later_requested.connect(self.pay_later)
        screen.opened.connect(self._opened)

    def _opened(self, params: dict[str, Any]) -> None:
        if self.ctx.services.station_cache is not None:
            self.ctx.services.station_cache.start()  # loads the last known payee in its thread, for "pay later"
        if params.get("sample_state"):
            return
        if params.get("reference") and params.get("amount"):
            self.create(str(params["reference"]), int(params["amount"]))
        else:
            self.screen.show_state("ask", {})

    # -- reference -> fee ----------------------------------------------------------------------------------
    def lookup(self, text: str) -> None:
        try:
            ref = parse_typed_reference(text).reference
        except TrackingError:
            self.screen.show_state("ask", {"error": "tracking.reference"})
            return
        hub = self.ctx.services.hub
        if hub is None:
            self.screen.show_state("counter", {"reference": ref})
            return
        token = self._new_token()
        self.screen.show_state("busy", {"reference": ref})
        hub.track(ref, lambda result: token == self._token and self._tracked(ref, result))

    def _tracked(self, ref: str, result: Any) -> None:
        if result.ok:
            fee = result.data.fee if isinstance(result.data.fee, dict) else None
            amount = fee.get("amount") if fee else None
            if not isinstance(amount, int) or amount <= 0:
                self.screen.show_state("no_fee", {"reference": ref})
            elif fee.get("paid"):
                self.screen.show_state("already_paid", {"reference": ref, "amount": amount})
            else:
                self.create(result.data.reference or ref, amount)
            return
        if result.error_code == "not_found":
            storage = self.ctx.services.storage
            if storage is None:
                self.screen.show_state("unknown", {"reference": ref})
                return
            token = self._token
            storage.lookup(ref, lambda view: token == self._token and self.screen.show_state(
                "not_yet" if view is not None else "unknown", {"reference": ref}))
            return
        self.screen.show_state("counter", {"reference": ref})

    # -- payment -------------------------------------------------------------------------------------------
    def _key(self, ref: str, amount: int, fresh: bool) -> str:
        """One payment per dossier and visit: coming back to this screen shows the same code."""
        keys = self.ctx.flow.visit.data.setdefault("payment_keys", {})
        if fresh or (ref, amount) not in keys:
            keys[(ref, amount)] = str(uuid.uuid4())
        return keys[(ref, amount)]

    def create(self, ref: str, amount: int, fresh: bool = False) -> None:
        self.stop()
        self.reference, self.amount = ref, int(amount)
        hub = self.ctx.services.hub
        token = self._new_token()
        self.screen.show_state("busy", {"reference": ref, "amount": amount})
        if hub is None:
            self._offline(ref, amount)
            return
        hub.create_payment(ref, amount, purpose_for(ref), lambda r: token == self._token and self._created(r),
                           idempotency_key=self._key(ref, amount, fresh))

    def _created(self, result: Any) -> None:
        ref, amount = self.reference, self.amount
        if not result.ok:
            log.info("payment for a dossier not created: %s", result.error_code)
            if result.error_code in OFFLINE_ERRORS:
                self._offline(ref, amount)
            else:
                self.screen.show_state("counter", {"reference": ref, "amount": amount})
            return
        payment = result.data
        payee, why = self._pinned(payee_from(payment.payee), "hub")
        qr = safe_payment_qr(payee, payment.amount, ref)
        if payee is None or not qr:
            if why in ("", "missing"):
                log.error("hub answered a payment without a usable payee")
            self._refused(ref, amount, why)
            return
        if self.ctx.services.station_cache is not None:
            self.ctx.services.station_cache.remember_payee(payee)
        self.payment_id = payment.id
        if payment.status == "paid":
            self.screen.show_state("paid", {"reference": ref, "amount": payment.amount})
            return
        info = self._info(ref, payment.amount, payee, qr)
        self.screen.show_state("qr", info)
        left = seconds_until(payment.expires_at, datetime.now(UTC))
        wait = WAIT_SECONDS if left is None else max(0.0, min(WAIT_SECONDS, left))
        self._deadline = time.monotonic() + wait
        self._countdown()
        self._tick.start()
        self._poll.start(POLL_MS)
        self._print(info, later=False)

    def _offline(self, ref: str, amount: int) -> None:
        token = self._token
        cache = self.ctx.services.station_cache
        if cache is None:
            self._pay_later(ref, amount, None)
            return
        cache.fetch_payee(lambda payee: token == self._token and self._pay_later(ref, amount, payee))

    def _pinned(self, payee: Payee | None, source: str) -> tuple[Payee | None, str]:
        """(`payee` as this kiosk's configuration allows it, "") or (None, why); a refusal is logged for the
        technician and reported to the hub (the heartbeat's "payee" device state)."""
        allowed, why = check_payee(payee, PayeePolicy.of(self.ctx.config))
        if why and why != "missing":
            log.error("payee from the %s refused (%s): no payment QR shown", source, why)
            self.ctx.bus.device_state_changed.emit("payee", why, source)
        elif allowed is not None and self.ctx.bus.device_states.get("payee", "ok") != "ok":
            log.info("payee from the %s accepted again", source)  # the hub's payee was fixed: the report clears
            self.ctx.bus.device_state_changed.emit("payee", "ok", source)
        return allowed, why

    def _refused(self, ref: str, amount: int, why: str) -> None:
        """No code: the resident pays at the counter or later; a refused payee gets its own explanation."""
        state = "counter" if why in ("", "missing") else "payee_refused"
        self.screen.show_state(state, {"reference": ref, "amount": amount})

    def _pay_later(self, ref: str, amount: int, payee: Payee | None) -> None:
        payee, why = self._pinned(payee, "cache")
        qr = safe_payment_qr(payee, amount, ref)
        if payee is None or not qr:
            self._refused(ref, amount, why)
            return
        info = self._info(ref, amount, payee, qr)
        self.screen.show_state("later", info)
        self._print(info, later=True)

    @staticmethod
    def _info(ref: str, amount: int, payee: Payee, qr: str) -> dict[str, Any]:
        return {"reference": ref, "amount": amount, "bank": payee.bank_name, "account": payee.account,
                "payee_name": payee.name, "qr": qr}

    # -- waiting -------------------------------------------------------------------------------------------
    def _ask_status(self) -> None:
        hub = self.ctx.services.hub
        if hub is None or not self.payment_id:
            return
        token, payment_id = self._token, self.payment_id
        hub.payment_status(payment_id, lambda r: token == self._token and self._status(r))

    def check_now(self) -> None:
        """The resident says the transfer is done: ask at once and say the answer, even "not yet"."""
        hub = self.ctx.services.hub
        if hub is None or not self.payment_id:
            self.screen.set_check_result(False)
            return
        token, payment_id = self._token, self.payment_id
        hub.payment_status(payment_id, lambda r: token == self._token and self._checked(r))

    def _checked(self, result: Any) -> None:
        self._status(result)
        if self.screen.state == "qr":  # neither paid nor expired (or the hub did not answer)
            self.screen.set_check_result(False)

    def pay_later(self) -> None:
        """Stop waiting; the screen explains that the receipt code pays the fee later."""
        log.info("payment %s: resident chose to pay later", self.payment_id)
        self.stop()
        self._new_token()  # a late "paid" for this code must not overwrite the explanation
        self.screen.show_state("deferred", {"reference": self.reference, "amount": self.amount})

    def _status(self, result: Any) -> None:
        if not result.ok:
            return  # a failed check is not an answer; the next one may get through
        if result.data.status == "paid":
            self.stop()
            self.screen.show_state("paid", {"reference": self.reference, "amount": result.data.amount})
        elif result.data.status == "expired":
            self.stop()
            self.screen.show_state("expired", {"reference": self.reference, "amount": self.amount})

    def _countdown(self) -> None:
        left = round(self._deadline - time.monotonic())
        if left <= 0:
            self.stop()
            self.screen.show_state("waited_out", {"reference": self.reference, "amount": self.amount})
            return
        self.screen.set_countdown(left)

    def stop(self) -> None:
        self._poll.stop()
        self._tick.stop()

    def _new_token(self) -> int:
        self._token += 1
        return self._token

    # -- printing ------------------------------------------------------------------------------------------
    def _print(self, info: dict[str, Any], later: bool) -> None:
        printer = self.ctx.services.printer
        if printer is None:
            self.screen.set_printed(False)
            return
        from core.formats.tracking import is_hub_ref
        from core.money import format_vnd
        from kiosk.services.submit import ReceiptLine
        submit = self.ctx.services.submit
        language = submit.language if submit is not None else self.ctx.config.station.language
        vi = language != "en"
        ref = info["reference"]
        items = (ReceiptLine("Số tiền" if vi else "Amount", format_vnd(info["amount"])),
                 ReceiptLine("Ngân hàng" if vi else "Bank", info["bank"]),
                 ReceiptLine("Chủ tài khoản" if vi else "Account holder", info["payee_name"]),
                 ReceiptLine("Số tài khoản" if vi else "Account number", info["account"]),
                 ReceiptLine("Nội dung" if vi else "Transfer message", purpose_for(ref)))
        notes = ()
        if later:
            notes = ("Trạm đang mất kết nối. Ông/Bà có thể quét mã này để nộp lệ phí sau." if vi else
                     "This station was offline. You can scan this code to pay the fee later.",)
        if submit is None:
            self.screen.set_printed(False)
            return
        receipt = submit.slip("payment", "Lệ phí hồ sơ" if vi else "Dossier fee", items, notes,
                              local_reference="" if is_hub_ref(ref) else ref,
                              hub_reference=ref if is_hub_ref(ref) else "", qr_payload=info["qr"])
        token = self._token
        self.jobs.append(printer.print_receipt(
            receipt, lambda o: token == self._token and self.screen.set_printed(bool(o.ok))))

    def visit_over(self, _reason: str = "") -> None:
        """Stop waiting, ignore late answers, and let the printer drop the slips it kept for a reprint."""
        self.stop()
        self._new_token()
        printer = self.ctx.services.printer
        if printer is not None:
            for job in self.jobs:
                printer.forget(job)
        self.jobs.clear()

    # -- camera --------------------------------------------------------------------------------------------
    def _scan(self, widget: Any) -> None:
        begin_scan(self.ctx, widget, {Kind.RECEIPT}, self._scanned)

    def _scanned(self, result: Any) -> None:
        self._end_scan()
        self.screen.field.setText(result.value.reference)
        self.lookup(result.value.reference)

    def _end_scan(self) -> None:
        end_scan(self.ctx)
