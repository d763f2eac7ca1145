"""ScannerService: the GUI-thread facade over the ScannerWorker (camera + QR decoding). GUI thread; no I/O.

A screen that wants a code calls ``begin(widget, purposes, on_result)``: the camera opens, preview frames go
to that :class:`screens.scan.scan_widget.ScanWidget`, every new decoded text is classified with
:func:`core.formats.classify`, and ``on_result(ScanResult)`` is called (GUI thread) for the kinds in
``purposes``; anything else gets feedback on the widget ("not an official code" / "not the code we need").
``end()`` releases the camera. ``capture_still(on_done)`` takes one JPEG for a document photo (the only camera
image that leaves the worker other than the live preview; it is not stored here).
Camera states go to ``bus.device_state_changed("camera", state, detail)``.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from core.formats import Kind, ScanResult, classify
from devices.base import DeviceState

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)

STILL_TIMEOUT = 8.0  # seconds; a real camera may need to open first


def feedback_code(result: ScanResult, purposes: set[Kind]) -> str:
    """What to tell the resident about a code we will not act on (the widget maps codes to text)."""
    if result.kind is Kind.UNTRUSTED_LINK:
        return "not_official"
    if result.kind is Kind.UNKNOWN:
        return "unreadable" if result.looks_like in purposes else "not_official"
    return "unexpected"


class ScannerService(QObject):
    _activate = Signal()
    _deactivate = Signal()
    _ack = Signal()
    _show_payload = Signal(str)
    _show_image = Signal(str)
    _capture = Signal(str)

    def __init__(self, config: Any, threads: Any, bus: Any = None) -> None:
        super().__init__()
        self._config = config
        self._threads = threads
        self._bus = bus
        self._worker: Any = None
        self._widget: Any = None
        self._purposes: set[Kind] = set()
        self._on_result: Callable[[ScanResult], None] | None = None
        self._stills: dict[str, tuple[Callable[[bytes | None], None], float]] = {}  # request -> callback, deadline
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._expire_stills)
        self.state = DeviceState.ABSENT
        self.detail = ""

    @classmethod
    def from_context(cls, ctx: AppContext) -> ScannerService:
        return cls(ctx.config, ctx.threads, ctx.bus)

    def start(self, source: Any = None) -> None:
        """Start the worker thread (the camera stays closed until :meth:`begin`). ``source``: tests only."""
        from devices.scanner.worker import ScannerWorker

        if self._worker is not None:
            return
        worker = ScannerWorker(self._config.camera, source=source)
        worker.state_changed.connect(self._on_state)
        worker.frame_ready.connect(self._on_frame)
        worker.code_found.connect(self._on_code)
        worker.guidance_changed.connect(self._on_guidance)
        worker.failed.connect(self._on_worker_failed)
        self._activate.connect(worker.activate)
        self._deactivate.connect(worker.deactivate)
        self._ack.connect(worker.preview_ack)
        self._show_payload.connect(worker.show_payload)
        self._show_image.connect(worker.show_image)
        self._capture.connect(worker.capture_still)
        worker.still_captured.connect(self._still_done)
        self._worker = worker
        self._threads.start(worker, "scanner")

    def shutdown(self) -> None:
        """The app is closing: stop the still-capture watchdog (an active timer must not outlive the app: freed
        later by Python's garbage collector in another thread, Qt could not stop it and the GUI thread would fire
        it on freed memory). Pending still captures are not answered: nobody is left to tell."""
        self._watchdog.stop()
        self._stills.clear()

    # --- public API (GUI thread) ---
    def begin(self, widget: Any, purposes: Iterable[Kind], on_result: Callable[[ScanResult], None]) -> None:
        """Open the camera and route its preview to ``widget``; accepted results go to ``on_result``.

        With no ``purposes`` the widget is a plain viewfinder (document photos with :meth:`capture_still`):
        codes in view are ignored without feedback."""
        if self._widget is not None:
            self._disconnect_widget()  # also for the same widget again: no doubled connections
        self._widget = widget
        self._purposes = set(purposes)
        self._on_result = on_result
        widget.retry_requested.connect(self._retry)
        widget.timed_out.connect(self._pause)
        widget.destroyed.connect(self._widget_destroyed)  # a screen that forgot end(): still release the camera
        widget.start_scan(self._config.camera.scan_timeout_seconds)
        self._activate.emit()

    def end(self) -> None:
        """Release the camera; nothing is routed to the widget any more."""
        self._deactivate.emit()
        self._disconnect_widget()
        self._on_result = None
        self._purposes = set()

    def inject(self, text: str) -> None:
        """Handle ``text`` as if the camera had read it (tests, demo, technician)."""
        self._on_code(text, "inject")

    def show_payload(self, text: str) -> None:
        """Simulated camera only: show a QR code of ``text`` in front of it for a few seconds."""
        self._show_payload.emit(text)

    def show_image(self, path: str) -> None:
        """Simulated camera only: show an image file in front of it for a few seconds."""
        self._show_image.emit(str(path))

    def capture_still(self, on_done: Callable[[bytes | None], None], timeout_seconds: float = STILL_TIMEOUT) -> None:
        """A JPEG of the camera's current view for a document photo; ``on_done(bytes or None)`` follows on the
        GUI thread exactly once (None: no camera, a failure, or no answer within ``timeout_seconds``)."""
        request = uuid.uuid4().hex
        self._stills[request] = (on_done, time.monotonic() + (timeout_seconds if self._worker is not None else 0))
        self._watchdog.start(0 if self._worker is None else 250)  # never answer inside this call
        if self._worker is not None:
            self._capture.emit(request)

    @property
    def active(self) -> bool:
        return self._widget is not None

    # --- worker signals (queued to the GUI thread) ---
    @Slot(str, str, str)
    def _on_state(self, device: str, state: str, detail: str) -> None:
        self.state, self.detail = DeviceState(state), detail
        if self._bus is not None:
            self._bus.device_state_changed.emit(device, state, detail)
        if self._widget is not None:
            self._widget.set_camera_state(state)

    @Slot(str, object)
    def _still_done(self, request: str, data: object) -> None:
        entry = self._stills.pop(request, None)
        if entry is None:
            return  # answered already (the watchdog gave up on it)
        entry[0](bytes(data) if data else None)

    def _expire_stills(self) -> None:
        now = time.monotonic()
        for request in [r for r, (_cb, deadline) in self._stills.items() if deadline <= now]:
            log.warning("still capture: no answer in time")
            self._still_done(request, None)
        if self._stills:
            self._watchdog.start(250)

    @Slot(str)
    def _on_worker_failed(self, detail: str) -> None:
        self._on_state("camera", DeviceState.FAULT.value, detail)

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        if self._widget is not None:
            self._widget.show_frame(image)
        self._ack.emit()  # latest frame wins: the worker sends the next one only now

    @Slot(str)
    def _on_guidance(self, code: str) -> None:
        if self._widget is not None and self._purposes:  # a viewfinder for document photos gets no QR advice
            self._widget.show_guidance(code)

    @Slot(str, str)
    def _on_code(self, text: str, backend: str) -> None:
        if self._widget is None or self._on_result is None or not self._purposes:
            return  # no scan, or a viewfinder (document photos: begin() with no purposes) that ignores codes
        result = classify(text)
        log.info("scanned %s via %s%s", result.kind.value, backend, f" ({result.reason})" if result.reason else "")
        if result.kind in self._purposes:
            self._cue("scan-ok")
            self._widget.show_success()
            self._on_result(result)
        else:
            self._cue("scan-fail")
            self._widget.show_feedback(feedback_code(result, self._purposes))

    def _cue(self, name: str) -> None:
        """The tone that tells the resident, without looking, that the code was read or refused."""
        if self._bus is not None:
            self._bus.cue_requested.emit(name)

    def _retry(self) -> None:
        if self._widget is not None:
            self._widget.start_scan(self._config.camera.scan_timeout_seconds)
            self._activate.emit()

    def _pause(self) -> None:
        self._deactivate.emit()  # timed out: nobody is in front of the camera, release it

    @Slot()
    def _widget_destroyed(self) -> None:
        self._widget, self._on_result, self._purposes = None, None, set()
        self._deactivate.emit()

    def _disconnect_widget(self) -> None:
        widget, self._widget = self._widget, None
        if widget is None:
            return
        for signal, slot in ((widget.retry_requested, self._retry), (widget.timed_out, self._pause),
                             (widget.destroyed, self._widget_destroyed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        widget.stop_scan()
