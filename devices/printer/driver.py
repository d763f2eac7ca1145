"""The receipt printer driver (python-escpos from ``[printer]`` config, plus the simulated printer). Worker thread.

Plain Python, no Qt; runs in the printer worker's thread (or the CLI). Every transport is wrapped
so the driver knows whether any byte was handed to the connection (a job that sent bytes is never
re-sent automatically: no double receipts) and so a job past its deadline stops with "timeout".
Paper status is read only where the transport can read, in a helper thread with a timeout;
"unknown" stays unknown (python-escpos#143, #434: status queries can block or lie).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from devices.base import DeviceError, DeviceFault, DeviceNotFound
from devices.printer.encode import import_escpos, render_bytes
from devices.printer.receipt import Receipt

log = logging.getLogger(__name__)

KINDS = ("usb", "serial", "network", "file", "simulated", "none")
SIMULATED_MODES = ("ok", "paper_out", "offline", "slow")
REASONS = ("paper_out", "offline", "timeout", "error")
PAPER_OK, PAPER_NEAR_END, PAPER_OUT, PAPER_UNKNOWN = "ok", "near_end", "out", "unknown"
STATUS_PAPER = b"\x10\x04\x04"  # DLE EOT 4: paper roll sensor status (Epson)
SLOW_DELAY_SECONDS = 0.05  # per write, "slow" simulated mode
WRITE_CHUNK = 4096  # bytes per write: the deadline is checked between writes
NETWORK_SEND_BUFFER = 16384


class PrintError(DeviceError):
    """A receipt did not print. ``reason`` is one of REASONS; ``bytes_sent`` tells whether it may be retried."""

    def __init__(self, reason: str, detail: str = "", bytes_sent: int = 0) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason if reason in REASONS else "error"
        self.detail = detail
        self.bytes_sent = bytes_sent

    @property
    def retryable(self) -> bool:  # type: ignore[override]
        return self.bytes_sent == 0 and self.reason in ("offline", "timeout")


def parse_paper_status(reply: bytes) -> str:
    """Epson DLE EOT 4 reply → ok | near_end | out | unknown (bits 1 and 4 set, 0 and 7 clear, else invalid)."""
    if len(reply) < 1:
        return PAPER_UNKNOWN
    b = reply[-1]
    if b & 0x93 != 0x12:
        return PAPER_UNKNOWN
    if b & 0x60:
        return PAPER_OUT
    if b & 0x0C:
        return PAPER_NEAR_END
    return PAPER_OK


def _guarded(base: type) -> type:
    """``base`` with byte counting and a deadline on every write."""

    class Guarded(base):  # type: ignore[misc, valid-type]
        sent = 0
        deadline: float | None = None

        def _raw(self, msg: bytes) -> None:
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise TimeoutError("print job deadline passed")
            # counted before the write: a write that fails half-way may still have reached the printer
            self.sent += len(msg)
            super()._raw(msg)

    Guarded.__name__ = Guarded.__qualname__ = f"Guarded{base.__name__}"
    return Guarded


def _simulated_class() -> type:
    escpos = import_escpos()

    class SimulatedPrinter(_guarded(escpos.printer.Dummy)):  # type: ignore[misc]
        """Dummy that behaves like a real printer in the configured mode."""

        mode = "ok"

        def open(self, raise_not_found: bool = True) -> None:
            if self.mode == "offline":
                raise DeviceNotFound("simulated printer is offline")

        def _raw(self, msg: bytes) -> None:
            if self.mode == "offline":
                raise OSError("simulated printer went offline")
            super()._raw(msg)
            if self.mode == "slow":  # handed over, then the printer takes its time to accept more
                time.sleep(SLOW_DELAY_SECONDS)

        def _read(self) -> bytes:
            return b"\x72" if self.mode == "paper_out" else b"\x12"

        def query_status(self, mode: bytes) -> bytes:
            # the reply without recording the query: the Dummy output is "what this job printed"
            if self.mode == "offline":
                raise OSError("simulated printer is offline")
            return self._read()

    return SimulatedPrinter


class PrinterDriver:
    """One receipt printer. Not thread-safe: use it from one thread (the printer worker)."""

    def __init__(self, settings: Any, render: Callable[..., bytes] = render_bytes) -> None:
        """``render``: makes a receipt's bytes (:func:`render_bytes`, or a helper process's, see render_pool)."""
        self.settings = settings
        self._render = render
        self.kind = settings.kind
        self._printer: Any = None
        self._status_silent = False  # the printer did not answer a status query on this connection
        self._simulated_mode = settings.simulated_mode if settings.simulated_mode in SIMULATED_MODES else "ok"
        self.last_output = b""

    # --- connection ---------------------------------------------------------------------------

    @property
    def simulated(self) -> bool:
        return bool(self.kind == "simulated")

    @property
    def is_open(self) -> bool:
        return self._printer is not None

    def describe(self) -> str:
        s = self.settings
        names = {"usb": f"usb {s.usb_vendor_id:#06x}:{s.usb_product_id:#06x}",
                 "serial": f"serial {s.serial_port} @{s.serial_baudrate}", "network": f"network {s.host}:{s.port}",
                 "file": f"file {s.file_path}", "simulated": f"simulated ({self._simulated_mode})"}
        return str(names.get(self.kind, self.kind))

    def _build(self) -> Any:
        s = self.settings
        escpos = import_escpos()
        profile = s.profile or "default"
        timeout = s.job_timeout_seconds
        if self.kind == "simulated":
            printer = _simulated_class()(profile=profile)
            printer.mode = self._simulated_mode
            return printer
        if self.kind == "usb":
            return _guarded(escpos.printer.Usb)(s.usb_vendor_id, s.usb_product_id, timeout=int(timeout * 1000),
                                                profile=profile)
        if self.kind == "serial":
            return _guarded(escpos.printer.Serial)(devfile=s.serial_port, baudrate=s.serial_baudrate,
                                                   timeout=s.status_timeout_seconds, profile=profile)
        if self.kind == "network":
            # connecting gets the short status timeout (an absent printer is known fast); writes get the job's
            return _guarded(escpos.printer.Network)(s.host, port=s.port, timeout=s.status_timeout_seconds,
                                                    profile=profile)
        if self.kind == "file":
            return _guarded(escpos.printer.File)(devfile=s.file_path, profile=profile)
        raise DeviceNotFound(f"no printer configured (kind={self.kind})")

    def open(self) -> None:
        """Connect. Raises DeviceNotFound (offline, unplugged, not configured)."""
        if self._printer is not None:
            return
        try:
            printer = self._build()
            printer.open()
            if self.kind == "serial" and getattr(printer, "device", None) is not None:
                printer.device.write_timeout = self.settings.job_timeout_seconds  # flow control can hold forever
            if self.kind == "network" and getattr(printer, "device", None) is not None:
                # a small send buffer: writes then follow the printer's progress, so the job deadline and
                # a dropped connection are noticed during the receipt, not hidden in megabytes of kernel buffer
                printer.device.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, NETWORK_SEND_BUFFER)
                printer.device.settimeout(self.settings.job_timeout_seconds)
        except DeviceNotFound:
            raise
        except Exception as exc:  # escpos DeviceNotFoundError, pyusb missing, permission denied ...
            raise DeviceNotFound(f"{type(exc).__name__}: {exc}") from exc
        self._printer = printer
        self._status_silent = False
        log.info("printer open: %s", self.describe())

    def close(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            try:
                printer.close()
            except Exception:
                log.warning("printer close failed", exc_info=True)

    # --- simulated ----------------------------------------------------------------------------

    def set_simulated_mode(self, mode: str) -> None:
        if mode not in SIMULATED_MODES:
            raise ValueError(f"unknown simulated printer mode {mode!r}")
        self._simulated_mode = mode
        if self._printer is not None and self.simulated:
            self._printer.mode = mode
            if mode == "offline":
                self.close()  # the next job has to reconnect, like a real printer after a cable pull

    @property
    def simulated_mode(self) -> str:
        return self._simulated_mode

    # --- status and printing ------------------------------------------------------------------

    def paper_status(self, timeout: float | None = None) -> str:
        """ok | near_end | out | unknown. Never blocks longer than ``timeout`` (default: configured)."""
        printer = self._printer
        if printer is None or self.kind == "file" or self._status_silent:
            return PAPER_UNKNOWN
        timeout = self.settings.status_timeout_seconds if timeout is None else timeout
        result: list[bytes] = []

        def query() -> None:
            try:
                result.append(printer.query_status(STATUS_PAPER))
            except Exception as exc:
                log.info("paper status query failed: %s", type(exc).__name__)

        reader = threading.Thread(target=query, name="printer-status", daemon=True)
        reader.start()
        reader.join(timeout)
        if reader.is_alive():
            # do not ask again on this connection: a printer that ignores DLE EOT would pile up waiting readers
            log.warning("paper status query did not answer within %.1f s; not asking again", timeout)
            self._status_silent = True
            return PAPER_UNKNOWN
        return parse_paper_status(result[0]) if result else PAPER_UNKNOWN

    def print_receipt(self, receipt: Receipt, deadline_seconds: float | None = None) -> int:
        """Print and cut. Returns the bytes sent; raises PrintError with a reason and the bytes already sent."""
        s = self.settings
        try:
            # everything is drawn and encoded first, so the deadline measures the printer, not the CPU
            data = self._render(receipt, width=s.paper_width_dots, profile=s.profile, qr_mode=s.qr_mode,
                                text_mode=s.text_mode)
        except Exception as exc:  # a layout bug: nothing was sent
            log.exception("receipt could not be rendered")
            raise PrintError("error", f"{type(exc).__name__}: {exc}") from exc
        try:
            self.open()
        except DeviceError as exc:
            raise PrintError("offline", str(exc)) from exc
        printer = self._printer
        if self.paper_status() == PAPER_OUT:
            raise PrintError("paper_out", "paper sensor reports no paper")
        printer.sent = 0
        printer.deadline = time.monotonic() + (deadline_seconds or s.job_timeout_seconds)
        if self.simulated:
            printer.clear()
        try:
            for start in range(0, len(data), WRITE_CHUNK):
                printer._raw(data[start:start + WRITE_CHUNK])
        except Exception as exc:
            sent = printer.sent
            self.close()  # the connection is in an unknown state: reopen for the next job
            raise PrintError(_reason(exc), f"{type(exc).__name__}: {exc}", sent) from exc
        finally:
            printer.deadline = None
            if self.simulated:
                self.last_output = printer.output
        return int(printer.sent)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DeviceFault):
        return "paper_out"
    if isinstance(exc, TimeoutError | socket.timeout) or "Timeout" in type(exc).__name__:
        return "timeout"
    if isinstance(exc, OSError | DeviceNotFound) or "NotFound" in type(exc).__name__:
        return "offline"
    return "error"
