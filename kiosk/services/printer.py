"""PrinterService: the GUI-thread facade over the PrinterWorker. Runs on the GUI thread; never does I/O.

Callers hand over a :class:`devices.printer.receipt.Receipt` of an already-saved submission and get
``on_done(PrintOutcome)`` back on the GUI thread — always exactly once, also when the worker is stuck
(a watchdog reports "timeout") or the printer is not configured. Printer states go to the bus as
``device_state_changed("printer", state, detail)``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from devices.base import DeviceState
from devices.printer.receipt import PrinterSetup, Receipt, make_test_page

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)

REASON_CODES = ("paper_out", "offline", "timeout", "error")
WATCHDOG_MARGIN_SECONDS = 5.0  # beyond the job timeout, for rendering and the status query
KEEP_JOBS = 5  # receipts kept for an explicit reprint (they hold personal data: forget() at the visit's end)


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    reason_code: str = ""  # "" when ok, else one of REASON_CODES
    job_id: str = ""


class PrinterService(QObject):
    _submit = Signal(str, object, bool)
    _set_mode = Signal(str)
    _poll = Signal()

    def __init__(self, config: Any, threads: Any, bus: Any = None, poll_seconds: float = 15.0) -> None:
        super().__init__()
        self._config = config
        self._settings = config.printer
        self._threads = threads
        self._bus = bus
        self._poll_seconds = poll_seconds
        self._worker: Any = None
        self._pending: dict[str, tuple[Callable[[PrintOutcome], None], QTimer]] = {}
        self._receipts: dict[str, Receipt] = {}  # for an explicit reprint; the last few, until forget()
        self._outputs: dict[str, bytes] = {}
        self._last_output = b""
        self.state = DeviceState.ABSENT if self._settings.kind == "none" else DeviceState.CONNECTING
        self.detail = ""

    @classmethod
    def from_context(cls, ctx: AppContext) -> PrinterService:
        """How kiosk.services.setup builds it (AppContext: config, threads, bus)."""
        return cls(ctx.config, ctx.threads, ctx.bus)

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> None:
        from devices.printer.printer_worker import PrinterWorker

        if self._worker is not None:
            return
        worker = PrinterWorker(self._settings, poll_seconds=self._poll_seconds)
        worker.printed.connect(self._on_printed)
        worker.print_failed.connect(self._on_failed)
        worker.state_changed.connect(self._on_state)
        worker.job_output.connect(self._on_output)
        worker.failed.connect(self._on_worker_failed)
        self._submit.connect(worker.submit)
        self._set_mode.connect(worker.set_simulated_mode)
        self._poll.connect(worker.poll)
        self._worker = worker
        self._threads.start(worker, "printer")

    def shutdown(self) -> None:
        """The app is closing: stop the watchdogs of jobs still in flight (nobody is left to answer).

        An active timer must not outlive the app: if the service is later freed by Python's garbage collector
        in another thread, Qt cannot stop the timer from there and the GUI thread fires it on freed memory."""
        for _on_done, watchdog in self._pending.values():
            watchdog.stop()
        self._pending.clear()

    # --- public API -----------------------------------------------------------------------------

    def print_receipt(self, receipt: Receipt, on_done: Callable[[PrintOutcome], None],
                      job_id: str | None = None) -> str:
        """Queue ``receipt``; ``on_done(PrintOutcome)`` follows on the GUI thread. Returns the job id.

        Pass the submission UUID as ``job_id`` so the printer's log lines carry it. Printing the same
        job id again is refused ("error") once bytes of it reached the printer: use :meth:`reprint`.
        """
        job_id = job_id or uuid.uuid4().hex
        self._receipts[job_id] = receipt
        while len(self._receipts) > KEEP_JOBS:
            self._receipts.pop(next(iter(self._receipts)))
        self._dispatch(job_id, receipt, on_done, reprint=False)
        return job_id

    def reprint(self, job_id: str, on_done: Callable[[PrintOutcome], None]) -> bool:
        """Explicitly print job ``job_id`` again (a person asked for it). False if the job is unknown."""
        receipt = self._receipts.get(job_id)
        if receipt is None:
            return False
        self._dispatch(job_id, receipt, on_done, reprint=True)
        return True

    def test_page(self, on_done: Callable[[PrintOutcome], None], language: str | None = None) -> str:
        station = self._config.station
        setup = PrinterSetup(width_dots=self._settings.paper_width_dots, profile=self._settings.profile,
                             connection=self._settings.kind)
        receipt = make_test_page(station.name, station.address, setup, datetime.now(),
                                 language or station.language)
        return self.print_receipt(receipt, on_done)

    def set_simulated_mode(self, mode: str) -> None:
        """Technician screen / tests: switch the simulated printer to ok | paper_out | offline | slow."""
        self._set_mode.emit(mode)

    def refresh(self) -> None:
        """Ask the worker to poll the printer now (reconnect, paper sensor)."""
        self._poll.emit()

    def forget(self, job_id: str | None = None) -> None:
        """Drop a kept receipt and its bytes (all of them without ``job_id``): the visit is over."""
        if job_id is None:
            self._receipts.clear()
            self._outputs.clear()
            self._last_output = b""
        else:
            self._receipts.pop(job_id, None)
            self._outputs.pop(job_id, None)

    def last_output(self) -> bytes:
        """The bytes of the last job sent to the simulated printer (b"" for real printers)."""
        return self._last_output

    def output_of(self, job_id: str) -> bytes:
        return self._outputs.get(job_id, b"")

    # --- internals ------------------------------------------------------------------------------

    def _dispatch(self, job_id: str, receipt: Receipt, on_done: Callable[[PrintOutcome], None],
                  reprint: bool) -> None:
        if self._worker is None or self._settings.kind == "none":
            QTimer.singleShot(0, lambda: self._call(on_done, PrintOutcome(False, "offline", job_id)))
            return
        watchdog = QTimer(self)
        watchdog.setSingleShot(True)
        watchdog.setInterval(int((self._settings.job_timeout_seconds + WATCHDOG_MARGIN_SECONDS) * 1000))
        # a bound slot, not a lambda holding ``self``: a child's connection that owns its parent makes the
        # child's deleteLater free the parent from inside the child's destructor (a double delete, a segfault)
        watchdog.timeout.connect(self._on_watchdog)
        self._pending[job_id] = (on_done, watchdog)
        watchdog.start()
        self._submit.emit(job_id, receipt, reprint)

    def _finish(self, job_id: str, outcome: PrintOutcome) -> None:
        entry = self._pending.pop(job_id, None)
        if entry is None:
            return  # already answered (a late result after the watchdog fired)
        on_done, watchdog = entry
        watchdog.stop()
        watchdog.deleteLater()
        if not outcome.ok:
            log.warning("print job %s failed: %s", job_id, outcome.reason_code)
        self._call(on_done, outcome)

    @staticmethod
    def _call(on_done: Callable[[PrintOutcome], None], outcome: PrintOutcome) -> None:
        try:
            on_done(outcome)
        except Exception:  # the caller's bug must not break the printer service
            log.exception("print on_done callback raised")

    @Slot()
    def _on_watchdog(self) -> None:
        fired = self.sender()
        for job_id, (_on_done, watchdog) in list(self._pending.items()):
            if watchdog is fired:
                self._finish(job_id, PrintOutcome(False, "timeout", job_id))

    @Slot(str)
    def _on_printed(self, job_id: str) -> None:
        self._finish(job_id, PrintOutcome(True, "", job_id))

    @Slot(str, str)
    def _on_failed(self, job_id: str, reason: str) -> None:
        self._finish(job_id, PrintOutcome(False, reason if reason in REASON_CODES else "error", job_id))

    @Slot(str, str)
    def _on_state(self, state: str, detail: str) -> None:
        self.state = DeviceState(state)
        self.detail = detail
        if self._bus is not None:
            self._bus.device_state_changed.emit("printer", state, detail)

    @Slot(str, object)
    def _on_output(self, job_id: str, data: bytes) -> None:
        self._last_output = bytes(data)
        self._outputs[job_id] = self._last_output
        while len(self._outputs) > KEEP_JOBS:
            self._outputs.pop(next(iter(self._outputs)))

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        log.error("printer worker failed to start: %s", message)
        self._on_state(DeviceState.ABSENT.value, "error")
