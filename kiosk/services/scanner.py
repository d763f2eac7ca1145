"""ScannerService: the GUI-thread facade over the ScannerWorker (camera + QR decoding). GUI thread; no I/O.

``open(purposes, on_result)`` opens the camera; every new decoded text is classified with
:func:`core.formats.classify`, and ``on_result(ScanResult)`` is called (GUI thread) for the kinds in
``purposes``. The service never touches a widget: it emits what a view shows — ``frame`` (the preview),
``camera_state``, ``guidance`` ("hold it closer"), ``accepted`` and ``refused(code)`` ("not an official code" /
"not the code we need") — and :mod:`screens.scan.routing` connects the one scan view on screen to them.
``close()`` releases the camera. ``capture_still(on_done)`` takes one JPEG for a document photo (the only camera
image that leaves the worker other than the live preview; it is not stored here).
Camera states also go to ``bus.device_state_changed("camera", state, detail)``.
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
    """What to tell the resident about a code we will not act on (the scan view maps codes to text)."""
    if purposes == {Kind.ID_CARD} and result.looks_like is not Kind.ID_CARD:
        # any other code where the ID card is asked for (a VNeID app screen, a link, a receipt): say how to scan
        # the card itself, never a bare "not official"
        return "not_id_card"
    if result.kind is Kind.UNTRUSTED_LINK:
        return "not_official"
    if result.kind is Kind.UNKNOWN:
        return "unreadable" if result.looks_like in purposes else "not_official"
    return "unexpected"


class ScannerService(QObject):
    frame = Signal(QImage)  # the latest preview frame (the view acknowledges nothing: the service does)
    camera_state = Signal(str)  # DeviceState value
    guidance = Signal(str)  # e.g. "closer", "glare": only while looking for codes
    accepted = Signal()  # a code of a wanted kind was read (on_result follows)
    refused = Signal(str)  # feedback_code() of a code we will not act on
    closed = Signal()  # the camera was let go (by the screen, or taken by a video call): views stop
    _activate = Signal()
    _deactivate = Signal()
    _ack = Signal()
    _show_payload = Signal(str)
    _show_image = Signal(str)
    _capture = Signal(str)
    _preview_size = Signal(int, int, bool)

    def __init__(self, config: Any, threads: Any, bus: Any = None) -> None:
        super().__init__()
        self._config = config
        self._threads = threads
        self._bus = bus
        self._worker: Any = None
        self._open = False
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
        self._preview_size.connect(worker.set_preview_size)
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
    def set_preview_size(self, width: int, height: int, fill: bool) -> None:
        """The view on screen draws the preview at this size (fill: cover it, else fit): frames come scaled to it."""
        self._preview_size.emit(width, height, fill)

    def open(self, purposes: Iterable[Kind], on_result: Callable[[ScanResult], None]) -> None:
        """Open the camera; codes of the kinds in ``purposes`` go to ``on_result``.

        With no ``purposes`` this is a plain viewfinder (document photos with :meth:`capture_still`): codes in
        view are ignored without feedback."""
        self._open = True
        self._purposes = set(purposes)
        self._on_result = on_result
        self._activate.emit()

    def close(self) -> None:
        """Release the camera; no more results or feedback."""
        self._deactivate.emit()
        was_open, self._open = self._open, False
        self._on_result = None
        self._purposes = set()
        if was_open:
            self.closed.emit()

    def pause(self) -> None:
        """Nobody is in front of the camera (the view timed out): release it, keep the session for a retry."""
        self._deactivate.emit()

    def resume(self) -> None:
        """The resident asked to try again after a pause."""
        if self._open:
            self._activate.emit()

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
        """A screen has the camera open (between open() and close())."""
        return self._open

    # --- worker signals (queued to the GUI thread) ---
    @Slot(str, str, str)
    def _on_state(self, device: str, state: str, detail: str) -> None:
        self.state, self.detail = DeviceState(state), detail
        if self._bus is not None:
            self._bus.device_state_changed.emit(device, state, detail)
        self.camera_state.emit(state)

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
        if self._open:
            self.frame.emit(image)
        self._ack.emit()  # latest frame wins: the worker sends the next one only now

    @Slot(str)
    def _on_guidance(self, code: str) -> None:
        if self._open and self._purposes:  # a viewfinder for document photos gets no QR advice
            self.guidance.emit(code)

    @Slot(str, str)
    def _on_code(self, text: str, backend: str) -> None:
        if not self._open or self._on_result is None or not self._purposes:
            return  # no scan, or a viewfinder (document photos: open() with no purposes) that ignores codes
        result = classify(text)
        log.info("scanned %s via %s%s", result.kind.value, backend, f" ({result.reason})" if result.reason else "")
        if result.kind in self._purposes:
            self._cue("scan-ok")
            self.accepted.emit()
            self._on_result(result)
        else:
            self._cue("scan-fail")
            self.refused.emit(feedback_code(result, self._purposes))

    def _cue(self, name: str) -> None:
        """The tone that tells the resident, without looking, that the code was read or refused."""
        if self._bus is not None:
            self._bus.cue_requested.emit(name)
