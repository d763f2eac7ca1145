"""PrinterWorker: owns the receipt printer driver and prints one job at a time. Runs in the "printer" QThread.

Jobs arrive through the queued ``submit`` slot, so they are printed in order, one at a time, by this
thread's event loop. A job is retried once only if *nothing* reached the printer (offline at open);
once any byte was handed to the connection it is never re-sent automatically — only an explicit
reprint does that (no double receipts). While idle the worker polls the printer (reconnect, paper
sensor) with a timeout and reports the state.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot

from core.threads import Worker
from devices.base import DeviceError, DeviceState
from devices.printer.driver import PAPER_NEAR_END, PAPER_OUT, PrinterDriver, PrintError
from devices.printer.render_pool import RenderPool

log = logging.getLogger(__name__)

_FAILURE_STATE = {"paper_out": DeviceState.FAULT, "offline": DeviceState.ABSENT, "timeout": DeviceState.FAULT,
                  "error": DeviceState.FAULT}
SENT_JOBS_KEPT = 10_000  # far more than the receipts the service keeps for a reprint (KEEP_JOBS)


class PrinterWorker(Worker):
    printed = Signal(str)  # job_id
    print_failed = Signal(str, str)  # job_id, reason code: paper_out | offline | timeout | error
    state_changed = Signal(str, str)  # DeviceState value, technician detail ("paper_out", "offline", ...)
    job_output = Signal(str, object)  # simulated printer only: job_id, the exact bytes that job produced

    def __init__(self, settings: Any, poll_seconds: float = 15.0) -> None:
        super().__init__()
        self._settings = settings
        self._poll_ms = int(poll_seconds * 1000)
        self._driver: PrinterDriver | None = None
        self._renderer: RenderPool | None = None
        self._timer: QTimer | None = None
        self._state: tuple[str, str] | None = None
        self._sent: dict[str, None] = {}  # jobs that handed bytes to the printer at least once, oldest first

    # --- lifecycle (worker thread) ------------------------------------------------------------

    def on_start(self) -> None:
        if self._settings.kind == "none":
            self._set_state(DeviceState.ABSENT, "not_configured")
            return
        # receipts are drawn in a helper process: drawing here would hold the GIL the GUI thread needs
        self._renderer = RenderPool()
        self._renderer.start()
        self._driver = PrinterDriver(self._settings, render=self._renderer.render)
        self._set_state(DeviceState.CONNECTING, self._driver.describe())
        self._timer = QTimer(self)
        self._timer.setInterval(self._poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.poll()

    def on_stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._driver is not None:
            self._driver.close()
        if self._renderer is not None:
            self._renderer.close()

    # --- slots (worker thread) ----------------------------------------------------------------

    @Slot()
    def poll(self) -> None:
        """Reconnect if needed and read the paper sensor; report the state. Never raises."""
        driver = self._driver
        if driver is None:
            return
        try:
            driver.open()
        except DeviceError:
            self._set_state(DeviceState.ABSENT, "offline")
            return
        try:
            paper = driver.paper_status()
        except Exception:
            log.warning("paper status failed", exc_info=True)
            paper = "unknown"
        if paper == PAPER_OUT:
            self._set_state(DeviceState.FAULT, "paper_out")
        else:
            self._set_state(DeviceState.READY, "paper_low" if paper == PAPER_NEAR_END else "")

    @Slot(str, object, bool)
    def submit(self, job_id: str, receipt: Any, reprint: bool = False) -> None:
        """Print ``receipt`` as job ``job_id``. Emits printed or print_failed exactly once."""
        if self._driver is None:
            self.print_failed.emit(job_id, "offline")
            return
        if job_id in self._sent and not reprint:
            log.error("job %s already reached the printer; only an explicit reprint sends it again", job_id)
            self.print_failed.emit(job_id, "error")
            return
        self._set_state(DeviceState.BUSY, job_id)
        reason = ""
        try:
            self._print(job_id, receipt)
        except PrintError as exc:
            log.warning("job %s failed: %s (%d bytes sent)", job_id, exc.reason, exc.bytes_sent)
            reason = exc.reason
        except Exception:  # a bug in layout or rendering must not kill the thread or hang the caller
            log.exception("job %s failed unexpectedly", job_id)
            reason = "error"
        if self._driver.simulated:  # before the result, so "last output" is current when on_done runs
            self.job_output.emit(job_id, self._driver.last_output)
        if reason:
            self._set_state(_FAILURE_STATE[reason], reason)
            self.print_failed.emit(job_id, reason)
        else:
            log.info("job %s printed", job_id)
            self._set_state(DeviceState.READY, "")
            self.printed.emit(job_id)

    @Slot(str)
    def set_simulated_mode(self, mode: str) -> None:
        if self._driver is None or not self._driver.simulated:
            log.warning("simulated mode ignored: the printer is not simulated")
            return
        self._driver.set_simulated_mode(mode)
        log.info("simulated printer mode: %s", mode)
        self.poll()

    # --- internals ----------------------------------------------------------------------------

    def _print(self, job_id: str, receipt: Any) -> None:
        assert self._driver is not None
        for attempt in (1, 2):
            try:
                self._driver.print_receipt(receipt)
            except PrintError as exc:
                if exc.bytes_sent:
                    self._mark_sent(job_id)  # part of it may be on paper: never again without a person
                    raise
                if exc.reason != "offline" or attempt == 2:
                    raise
                # nothing reached the printer: one reconnect and one more try cannot double a receipt
                log.info("job %s: printer offline before any byte, reconnecting once", job_id)
                self._driver.close()
            else:
                self._mark_sent(job_id)
                return

    def _mark_sent(self, job_id: str) -> None:
        self._sent[job_id] = None
        if len(self._sent) > SENT_JOBS_KEPT:  # a kiosk prints for years: remember the recent jobs, not all of them
            del self._sent[next(iter(self._sent))]

    def _set_state(self, state: DeviceState, detail: str) -> None:
        if self._state == (state.value, detail):
            return
        self._state = (state.value, detail)
        log.info("printer state %s %s", state.value, detail)
        self.state_changed.emit(state.value, detail)
