"""The submit pipeline every resident journey ends with: save durably → show the done screen → print.

Runs on the GUI thread; it only calls service facades (their work runs in worker threads). Order
(DESIGN §3.6): the submission is committed first; only then does the receipt print, and a print
failure is recorded on the row (``receipt_status``) so an operator can reprint — nothing is lost.
A save failure sends the resident to the failsafe step with ``save_failed`` (nothing was saved).

Other areas use it like this::

    from kiosk.services.submit import SubmitRequest
    ctx.services.submit.submit(SubmitRequest(kind="report", payload={...}, personal={...},
                                           service_name="Phản ánh an ninh trật tự", receipt_items=(...)))

The done screen ("receipt.done") then shows the reference, the tracking QR, the honest status and
whether the receipt printed. See docs/resident-services.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

# A label/value line of a receipt, e.g. ("Lệ phí", "20.000 đ") or ("Huyết áp", "128/82", "mmHg", "Bình thường"):
# screens name their lines with it and never import the printer package.
from devices.printer.receipt import ReceiptItem as ReceiptLine

if TYPE_CHECKING:
    from devices.printer.receipt import Receipt
    from kiosk.services.context import AppContext
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)
DONE_STEP = "receipt.done"
# the operator's reprint (in Vietnamese: the ward's staff read it): queue kind -> service name, receipt kind
REPRINT_SERVICE_NAMES = {"report": "Phản ánh an ninh, trật tự", "health": "Kiểm tra sức khỏe",
                         "payment_intent": "Thanh toán lệ phí"}
REPRINT_KINDS = {"dossier": "dossier", "report": "report", "health": "health", "payment_intent": "payment"}
# The slip says "Đã tiếp nhận" with the hub's reference only when the hub accepted it this soon after the save;
# otherwise it prints "Đã lưu tại trạm" at once (the resident does not wait longer for paper).
ACCEPT_WAIT_MS = 4000
ACCEPT_POLL_MS = 250


@dataclass(frozen=True)
class SubmitRequest:
    kind: str  # dossier | report | health (the queue kind and the receipt kind)
    payload: dict[str, Any]  # non-personal
    personal: dict[str, Any] | None = None  # encrypted at rest
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)  # (name, content type, bytes)
    service_name: str = ""  # printed and shown ("Đăng ký thường trú")
    resident_name: str = ""  # printed masked
    receipt_items: tuple[ReceiptLine, ...] = ()
    receipt_notes: tuple[str, ...] = ()
    fee: int | None = None  # đồng, when the done screen should offer "pay the fee now"
    done_params: dict[str, Any] = field(default_factory=dict)  # extra params for the done screen


@dataclass(frozen=True)
class PrintResult:
    uuid: str
    local_ref: str
    ok: bool
    reason: str  # "" | paper_out | offline | timeout | error | unavailable


# The hub's public status page shows these kinds (central/office/public.py); a health slip keeps the plain code.
STATUS_PAGE_KINDS = ("dossier", "report")


def tracking_qr(local_ref: str, hub_ref: str | None = None) -> str:
    from core.formats import build_tracking_payload

    try:
        return build_tracking_payload(local_ref, hub_ref)
    except ValueError:
        log.error("reference %s is not printable as a tracking code", local_ref)
        return ""


def public_base(hub_url: str) -> str:
    """The hub URL, unless it is this machine (a phone cannot open 127.0.0.1): then no status link."""
    from urllib.parse import urlsplit

    from offline_queue.tls import is_loopback

    try:
        host = urlsplit(hub_url).hostname or ""
    except ValueError:
        return ""
    return hub_url if host and not is_loopback(host) else ""


def receipt_qr(hub_settings: Any, kind: str, uuid: str, local_ref: str, hub_ref: str = "") -> str:
    """What a receipt's QR holds: the hub's public status link (a phone opens the status page; a kiosk's scanner
    reads the references from it) when the station knows an address a phone can reach (``hub.public_url``, else
    the hub URL unless it is this machine), else the plain ``TCDS|1|…`` code."""
    from core.formats.tracking import TrackingError, build_status_url, is_hub_ref

    hub = hub_ref if is_hub_ref(hub_ref) else None
    base = getattr(hub_settings, "public_url", "") or public_base(getattr(hub_settings, "url", ""))
    if base and kind in STATUS_PAGE_KINDS:
        try:
            return build_status_url(base, uuid, local_ref, hub)
        except TrackingError as exc:
            log.error("no status link for %s (%s): the receipt carries the plain code", uuid, exc.code)
    return tracking_qr(local_ref, hub)


class SubmitPipeline(QObject):
    """One per app (``ctx.services.submit``, built by the app). Signals tell the done screen how printing went."""

    saved = Signal(str, str)  # uuid, local_ref
    print_finished = Signal(object)  # PrintResult

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.busy = False
        self.last_print: PrintResult | None = None
        self.last_receipt: Any = None  # what was last sent to the printer (this visit only)
        self.language = ctx.config.station.language  # the resident's language: receipts are printed in it
        self._jobs: list[str] = []  # print jobs of this visit (the printer keeps them for a reprint)
        self._requests: dict[str, tuple[SubmitRequest, str]] = {}  # uuid -> (request, local_ref), this visit
        ctx.bus.language_changed.connect(self._language)
        ctx.flow.visit_reset.connect(self._visit_over)

    def _visit_over(self, _reason: str = "") -> None:
        """Receipts hold a (masked) name: the printer forgets this visit's jobs when the resident leaves."""
        printer = self.ctx.services.printer
        if printer is not None:
            for job in self._jobs:
                printer.forget(job)
        self._jobs.clear()
        self._requests.clear()
        self.last_print = self.last_receipt = None

    def _language(self, language: str) -> None:
        self.language = language

    def submit(self, request: SubmitRequest, on_saved: Callable[[EnqueueOutcome], None] | None = None) -> bool:
        """Start saving; False (and nothing happens) if a submission is already being saved."""
        storage = self.ctx.services.storage
        if self.busy:
            return False
        if storage is None:
            log.error("no storage service: %s cannot be saved", request.kind)
            self.ctx.flow.fail("save_failed")
            return True
        self.busy = True
        storage.enqueue(request.kind, request.payload, request.personal, request.attachments,
                        on_done=lambda outcome: self._saved(request, outcome, on_saved))
        return True

    # -- steps ---------------------------------------------------------------------------------------------
    def _saved(self, request: SubmitRequest, outcome: EnqueueOutcome,
               on_saved: Callable[[EnqueueOutcome], None] | None) -> None:
        self.busy = False
        if on_saved is not None:
            on_saved(outcome)
        if not outcome.ok or outcome.uuid is None or outcome.local_ref is None:
            log.error("saving a %s failed: %s", request.kind, outcome.error_code)
            self.ctx.flow.fail("save_failed")
            return
        uuid, local_ref = outcome.uuid, outcome.local_ref
        self.saved.emit(uuid, local_ref)
        params = {"kind": request.kind, "reference": local_ref, "uuid": uuid, "service": request.service_name,
                  "qr": receipt_qr(self.ctx.config.hub, request.kind, uuid, local_ref),
                  "printed": None, "fee": request.fee, **request.done_params}
        self.ctx.flow.go(DONE_STEP, params)
        self._await_hub(request, uuid, local_ref)

    def _await_hub(self, request: SubmitRequest, uuid: str, local_ref: str) -> None:
        """Print once the row is `sent` (with the hub's reference) or ACCEPT_WAIT_MS have passed, whichever is
        first. Read from the queue database (DESIGN §3.7), asked a few times a second; never blocks the GUI."""
        storage, sync = self.ctx.services.storage, self.ctx.services.sync
        if sync is None or storage is None:
            self._print(request, uuid, local_ref)  # no hub on this station: nothing to wait for
            return
        from PySide6.QtCore import QElapsedTimer, QTimer

        clock = QElapsedTimer()
        clock.start()
        done = [False]

        def finish(hub_ref: str = "") -> None:
            if not done[0]:
                done[0] = True
                self._print(request, uuid, local_ref, hub_ref)

        def answer(view: Any) -> None:
            if done[0]:
                return
            if view is not None and getattr(view, "status", "") == "sent" and getattr(view, "server_ref", ""):
                finish(view.server_ref)
            elif clock.elapsed() >= ACCEPT_WAIT_MS:
                finish()
            else:
                QTimer.singleShot(ACCEPT_POLL_MS, ask)

        def ask() -> None:
            storage.lookup(local_ref, answer)

        QTimer.singleShot(0, ask)

    def _print(self, request: SubmitRequest, uuid: str, local_ref: str, hub_ref: str = "") -> None:
        printer = self.ctx.services.printer
        if printer is None:
            self._printed(uuid, local_ref, False, "unavailable")
            return
        try:
            receipt = self.receipt_for(request, local_ref, hub_ref, uuid)
        except ValueError:
            log.exception("receipt for %s could not be built", uuid)
            self._printed(uuid, local_ref, False, "error")
            return
        self._jobs.append(uuid)
        self._requests[uuid] = (request, local_ref)
        self.last_receipt = receipt
        printer.print_receipt(receipt, lambda o: self._printed(uuid, local_ref, bool(o.ok), o.reason_code or ""),
                              job_id=uuid)

    def reprint(self, uuid: str) -> bool:
        """Print the receipt of this visit's submission ``uuid`` again (the resident asked, e.g. after staff
        added paper). False if there is nothing to reprint; the outcome comes as ``print_finished``."""
        printer = self.ctx.services.printer
        if printer is None or uuid not in self._requests:
            return False
        local_ref = self._requests[uuid][1]
        return bool(printer.reprint(uuid, lambda o: self._printed(uuid, local_ref, bool(o.ok), o.reason_code or "")))

    def receipt_for(self, request: SubmitRequest, local_ref: str, hub_ref: str = "", uuid: str = "") -> Any:
        """The slip: "accepted" with the hub's reference when the hub took it in time, else "queued"."""
        return self.slip(request.kind, request.service_name, request.receipt_items, request.receipt_notes,
                         local_reference=local_ref, hub_reference=hub_ref, resident_name=request.resident_name,
                         qr_payload=receipt_qr(self.ctx.config.hub, request.kind, uuid, local_ref, hub_ref),
                         status="accepted" if hub_ref else "queued")

    def slip(self, kind: str, service_name: str, items: Iterable[ReceiptLine] = (), notes: Iterable[str] = (), *,
             local_reference: str = "", hub_reference: str = "", resident_name: str = "", qr_payload: str = "",
             status: str = "", language: str | None = None) -> Receipt:
        """Every receipt the kiosk prints is made here: this station's name and address, now, the resident's
        language. Submissions get theirs from :meth:`submit`; the payment and health slips ask for one."""
        from devices.printer.receipt import Receipt

        station = self.ctx.config.station
        language = language or self.language
        language = language if language in ("vi", "en") else "vi"
        return Receipt(kind=kind, station_name=station.name, station_address=station.address,
                       created_at=datetime.now(), service_name=service_name, local_reference=local_reference,
                       hub_reference=hub_reference, resident_name=resident_name, items=tuple(items),
                       qr_payload=qr_payload, status=status, notes=tuple(notes), language=language)

    def reprint_copy(self, source: dict[str, Any]) -> Receipt:
        """The operator's "print again" of a queued submission (``StorageApi.receipt_source``), marked as a copy.

        It carries the references, the tracking QR and what the non-personal payload says; never the name."""
        payload = source.get("payload") or {}
        service = REPRINT_SERVICE_NAMES.get(source["kind"], "")
        code = payload.get("procedure_code")
        catalogue = self.ctx.services.catalogue
        if code and catalogue is not None and (procedure := catalogue.get(code)) is not None:
            service = procedure.name_vi
        created = source.get("created_at")
        items = [ReceiptLine("Bản in lại", datetime.now().strftime("%H:%M %d/%m/%Y"))]
        if isinstance(created, datetime):
            items.append(ReceiptLine("Ngày nộp", created.astimezone().strftime("%H:%M %d/%m/%Y")))
        hub_ref = source.get("server_ref") or ""
        return self.slip(REPRINT_KINDS.get(source["kind"], "dossier"), service, items,
                         local_reference=source["local_ref"], hub_reference=hub_ref,
                         qr_payload=receipt_qr(self.ctx.config.hub, source["kind"], str(source.get("uuid") or ""),
                                               source["local_ref"], hub_ref),
                         status="accepted" if source.get("status") == "sent" else "queued", language="vi")

    def _printed(self, uuid: str, local_ref: str, ok: bool, reason: str) -> None:
        storage = self.ctx.services.storage
        if storage is not None:  # the operator's reprint list reads this
            storage.mark_receipt(uuid, ok)
        log.info("receipt of %s %s", uuid, "printed" if ok else f"not printed ({reason})")
        self.last_print = PrintResult(uuid, local_ref, ok, reason)
        self.print_finished.emit(self.last_print)

