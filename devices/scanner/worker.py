"""ScannerWorker: owns the camera (or a simulated one), paces capture, decodes, de-duplicates. Worker thread.

Signals carry plain values to the GUI thread: ``state_changed("camera", DeviceState value, detail)``,
``frame_ready(QImage)`` (a copy, at most ``PREVIEW_FPS`` and only after the GUI acknowledged the previous
one with :meth:`preview_ack`: latest frame wins, no backlog; already scaled to the view's size once it was
given with :meth:`set_preview_size`), ``code_found(text, backend)`` once per code
within the de-duplication window, ``guidance_changed(code)`` when the advice for the resident changes ("" /
"move_closer" / "tilt_card", see :mod:`devices.scanner.guidance`). The camera is open only between
:meth:`activate` and :meth:`deactivate`.
"""

from __future__ import annotations

import logging
import math
import time
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from core.threads import Worker
from devices.base import DeviceError, DeviceNotFound, DeviceState

if TYPE_CHECKING:
    import numpy as np

    from devices.scanner.cascade import DecoderCascade, Deduper
    from devices.scanner.sources import FrameSource, SimulatedCamera

# NumPy, OpenCV and the decoders are imported in on_start, in the worker's own thread: importing them
# here would cost the kiosk's GUI thread a third of a second at start-up.

log = logging.getLogger(__name__)

DEVICE_ID = "camera"
PREVIEW_FPS = 15
BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0, 8.0)
ABSENT_AFTER_FAILURES = 3  # this many failed opens in a row: tell people the camera is missing
STILL_WARMUP_FRAMES = 5  # a real camera needs a few frames to settle exposure after opening


def to_qimage(frame: np.ndarray) -> QImage:
    """A deep copy, so the GUI never reads memory the worker reuses (ExVR#44)."""
    import numpy as np

    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if frame.ndim == 2 else QImage.Format.Format_BGR888
    return QImage(frame.data, w, h, frame.strides[0], fmt).copy()


def preview_image(frame: np.ndarray, size: tuple[int, int, bool] | None) -> QImage:
    """The frame as the view will draw it: ``size`` = (width, height, fill) of the view, None = as captured.

    fill: cover the view and cut the overflow (the scan preview); else fit inside it (the document viewfinder).
    Scaled here, once per frame in the camera's thread with OpenCV (which lets go of the GIL), so the GUI
    thread only copies pixels when it paints; scaling there cost it 4–10 ms a paint (issue 12).
    """
    if size is None:
        return to_qimage(frame)
    import cv2

    width, height, fill = size
    h, w = frame.shape[:2]
    scale = (max if fill else min)(width / w, height / h)
    if fill:  # at least the view's size, then cut to it
        new_w, new_h = max(width, math.ceil(w * scale)), max(height, math.ceil(h * scale))
    else:  # at most the view's size, touching two of its sides
        new_w, new_h = max(1, min(width, math.floor(w * scale))), max(1, min(height, math.floor(h * scale)))
    if (new_w, new_h) != (w, h):
        frame = cv2.resize(frame, (new_w, new_h), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    if fill:
        left, top = max(0, (new_w - width) // 2), max(0, (new_h - height) // 2)
        frame = frame[top:top + height, left:left + width]
    return to_qimage(frame)


def _is_simulated(source: object) -> TypeGuard[SimulatedCamera]:
    from devices.scanner.sources import SimulatedCamera

    return isinstance(source, SimulatedCamera)


class ScannerWorker(Worker):
    state_changed = Signal(str, str, str)
    frame_ready = Signal(QImage)
    code_found = Signal(str, str)  # text, backend
    guidance_changed = Signal(str)  # devices.scanner.guidance.Guidance value
    still_captured = Signal(str, object)  # request id, JPEG bytes or None

    def __init__(self, camera: Any, source: FrameSource | None = None, parent: QObject | None = None) -> None:
        """``camera``: the ``[camera]`` config section. ``source`` overrides the one it describes (tests)."""
        super().__init__(parent)
        self._camera = camera
        # The configured source is built in on_start, in the worker thread: the demo source draws its
        # sample codes up front, which would otherwise delay the kiosk's start on the GUI thread.
        self._source = source
        self._cascade: DecoderCascade | None = None
        self._dedupe: Deduper | None = None
        self._timer: QTimer | None = None
        self._retry: QTimer | None = None
        self._active = False
        self._open = False
        self._failures = 0
        self._state = DeviceState.ABSENT
        self._acked = True
        self._last_preview = 0.0
        self._preview_size: tuple[int, int, bool] | None = None
        self._guidance = ""

    # --- lifecycle (worker thread) ---
    def on_start(self) -> None:
        from devices.scanner.cascade import CascadeSettings, DecoderCascade, Deduper
        from devices.scanner.sources import make_source

        if self._source is None:
            self._source = make_source(self._camera)
        self._dedupe = Deduper(float(self._camera.dedupe_seconds))
        self._cascade = DecoderCascade(CascadeSettings.from_camera(self._camera))  # decoders built in this thread
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_open)
        if self._source is None:
            self._set_state(DeviceState.ABSENT, "camera disabled in config")
        else:
            self._probe()

    # Made in on_start, in the worker thread; used only after it.
    @property
    def _src(self) -> FrameSource:
        assert self._source is not None, "no camera source"
        return self._source

    @property
    def _ticker(self) -> QTimer:
        assert self._timer is not None, "the frame timer is made in on_start"
        return self._timer

    @property
    def _decoder(self) -> DecoderCascade:
        assert self._cascade is not None, "the cascade is made in on_start"
        return self._cascade

    @property
    def _deduper(self) -> Deduper:
        assert self._dedupe is not None, "the deduper is made in on_start"
        return self._dedupe

    def _probe(self) -> None:
        """Open and release once at start, so the technician sees a true state before any scan."""
        self._set_state(DeviceState.CONNECTING, f"checking {self._src.description}")
        try:
            self._src.open()
            self._src.close()
        except Exception as exc:  # DeviceError, or a driver bug: either way not usable now
            self._set_state(DeviceState.ABSENT, f"{exc}; will retry when a scan starts")
        else:
            self._set_state(DeviceState.READY, f"{self._src.description} (released until a scan starts)")

    def on_stop(self) -> None:
        self.deactivate()

    # --- slots (queued from the GUI thread) ---
    @Slot()
    def activate(self) -> None:
        if self._dedupe is not None:
            self._dedupe.clear()  # a new scan: the same card may be shown again
        if self._active:
            return
        self._active = True
        if self._source is None:
            self._set_state(DeviceState.ABSENT, "camera disabled in config")
            return
        self._failures = 0
        self._try_open()

    @Slot()
    def deactivate(self) -> None:
        self._active = False
        if self._retry is not None:
            self._retry.stop()
        if self._timer is not None:
            self._timer.stop()
        self._close()
        if self._state == DeviceState.CONNECTING:  # released while still trying: do not show "connecting" forever
            self._set_state(DeviceState.ABSENT, "released before the camera opened")

    @Slot()
    def preview_ack(self) -> None:
        self._acked = True

    @Slot(int, int, bool)
    def set_preview_size(self, width: int, height: int, fill: bool) -> None:
        """The size the view on screen draws the preview at (fill: cover it, else fit inside it)."""
        self._preview_size = (width, height, fill) if width > 0 and height > 0 else None

    @Slot(str)
    def show_payload(self, text: str) -> None:
        if _is_simulated(self._source):
            self._source.show_payload(text)
        else:
            log.warning("show_payload needs the simulated camera")

    @Slot(str)
    def show_image(self, path: str) -> None:
        if _is_simulated(self._source):
            try:
                self._source.show_image(path)
            except FileNotFoundError:
                log.warning("show_image: cannot read the image")
        else:
            log.warning("show_image needs the simulated camera")

    @Slot(str)
    def capture_still(self, request: str) -> None:
        """One JPEG of the current view (a document photo the resident takes on purpose; never stored here).

        Uses the open camera, or opens it just for this shot (a few frames for auto-exposure) and releases it.
        """
        import cv2

        data = None
        was_open = self._open
        try:
            if self._source is None:
                raise DeviceNotFound("camera disabled in config")
            if not was_open:
                self._source.open()
            frame = None
            for _ in range(1 if was_open or self._source.paced else STILL_WARMUP_FRAMES):
                frame = self._source.read()
            assert frame is not None  # at least one read, or read() raised
            ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
            data = encoded.tobytes() if ok else None
        except DeviceError as exc:
            log.warning("still capture failed: %s", exc)
        except Exception:
            log.exception("still capture crashed")
        finally:
            if not was_open and self._source is not None:
                try:
                    self._source.close()
                except Exception:
                    log.exception("camera close failed")
        self.still_captured.emit(request, data)

    # --- internals ---
    def _try_open(self) -> None:
        if not self._active or self._source is None:
            return
        self._set_state(DeviceState.CONNECTING, f"opening {self._source.description}")
        try:
            self._source.open()
        except DeviceError as exc:
            self._failed(str(exc))
            return
        except Exception as exc:  # a driver bug must not kill the thread
            log.exception("camera open crashed")
            self._failed(f"{type(exc).__name__}: {exc}", fault=True)
            return
        self._open = True  # failures are only forgotten after a frame arrives (a camera may open, then fail)
        self._acked = True
        if self._cascade is not None:
            self._cascade.reset()
        self._set_state(DeviceState.READY, self._src.description)
        # Simulated sources are paced to the configured fps; a real camera's read() blocks at its own rate.
        self._ticker.start(int(1000 / max(1, self._camera.fps)) if self._src.paced else 0)
        self._advise("")

    def _failed(self, detail: str, fault: bool = False) -> None:
        self._close()
        self._failures += 1
        delay = BACKOFF_SECONDS[min(self._failures - 1, len(BACKOFF_SECONDS) - 1)]
        if fault:
            state = DeviceState.FAULT
        elif self._failures >= ABSENT_AFTER_FAILURES:
            state = DeviceState.ABSENT
        else:
            state = DeviceState.CONNECTING
        self._set_state(state, f"{detail}; retry in {delay:g} s")
        if self._active and self._retry is not None:
            self._retry.start(int(delay * 1000))

    def _close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._open and self._source is not None:
            try:
                self._source.close()
            except Exception:
                log.exception("camera close failed")
        self._open = False

    def _tick(self) -> None:
        if not self._open:
            return
        try:
            frame = self._src.read()
        except DeviceError as exc:
            log.warning("camera read failed: %s", exc)
            self._failed(str(exc))
            return
        except Exception as exc:
            log.exception("camera read crashed")
            self._failed(f"{type(exc).__name__}: {exc}", fault=True)
            return
        self._failures = 0
        now = time.monotonic()
        if self._acked and now - self._last_preview >= 1.0 / PREVIEW_FPS:
            self._acked = False
            self._last_preview = now
            self.frame_ready.emit(preview_image(frame, self._preview_size))
        started = time.perf_counter()
        results = self._decoder.decode_frame(frame)
        ms = (time.perf_counter() - started) * 1000
        for result in results:
            if self._deduper.is_new(result.text):
                # never the payload itself in the log (DESIGN §3.10)
                log.info("code read by %s in %.1f ms (%d chars)", result.backend, ms, len(result.text))
                self.code_found.emit(result.text, result.backend)
        self._advise(self._decoder.guidance.value)

    def _advise(self, guidance: str) -> None:
        if guidance != self._guidance:
            self._guidance = guidance
            log.info("scan guidance: %s", guidance or "none")
            self.guidance_changed.emit(guidance)

    def _set_state(self, state: DeviceState, detail: str) -> None:
        if state != self._state:
            log.info("camera %s: %s", state.value, detail)
        self._state = state
        self.state_changed.emit(DEVICE_ID, state.value, detail)
