"""Frame sources for the scanner: a real camera (OpenCV), a video file, a folder of images, the demo codes.

Qt-free, plain Python; used from the scanner worker thread only. ``open()`` raises
:class:`devices.base.DeviceNotFound`; ``read()`` returns a BGR or grey ``numpy`` frame or raises
``DeviceNotFound`` when the source went away (camera unplugged, file deleted). Simulated sources are
paced by the worker (a video file reads at >1000 fps, DESIGN §8); ``paced`` says so.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from devices.base import DeviceNotFound
from devices.scanner.demo import DemoFrames

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


class FrameSource:
    paced = True  # the worker must pace reads to the configured fps
    description = "source"

    def open(self) -> None: ...

    def read(self) -> np.ndarray:
        raise NotImplementedError

    def close(self) -> None: ...


class CameraSource(FrameSource):
    """``cv2.VideoCapture`` on an index ("0") or a device path. Reads block at the camera's own rate."""

    paced = False

    def __init__(self, device: str, width: int, height: int, fps: int) -> None:
        self.device, self.width, self.height, self.fps = device, width, height, fps
        self.description = f"camera {device}"
        self._cap: cv2.VideoCapture | None = None

    def open(self) -> None:
        target: int | str = int(self.device) if self.device.strip().isdigit() else self.device
        cap = cv2.VideoCapture(target)
        if not cap.isOpened():  # fails in under a millisecond without raising when there is no camera
            cap.release()
            raise DeviceNotFound(f"camera {self.device} did not open")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_FPS, self.fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # latest frame wins: do not let the driver queue old frames
        self._cap = cap

    def read(self) -> np.ndarray:
        if self._cap is None:
            raise DeviceNotFound("camera not open")
        ok, frame = self._cap.read()
        if not ok or frame is None:
            raise DeviceNotFound(f"camera {self.device} stopped delivering frames")
        return frame

    def close(self) -> None:
        _release(self._cap)
        self._cap = None


class VideoFileSource(FrameSource):
    """A video file played in a loop; re-opened at each loop so a deleted file looks like an unplugged camera."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"video {path.name}"
        self._cap: cv2.VideoCapture | None = None

    def open(self) -> None:
        if not self.path.is_file():
            raise DeviceNotFound(f"video {self.path} not found")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise DeviceNotFound(f"video {self.path} did not open")
        self._cap = cap

    def read(self) -> np.ndarray:
        if self._cap is None:
            raise DeviceNotFound("video not open")
        ok, frame = self._cap.read()
        if not ok:  # end of file: start again (and notice if the file is gone)
            self.close()
            self.open()
            ok, frame = self._cap.read()
            if not ok:
                raise DeviceNotFound(f"video {self.path} has no frames")
        return frame

    def close(self) -> None:
        _release(self._cap)
        self._cap = None


def _release(cap: cv2.VideoCapture | None) -> None:
    if cap is not None:
        cap.release()


class ImageFolderSource(FrameSource):
    """Every image in a folder, one per frame, in name order, in a loop."""

    def __init__(self, folder: Path, repeat: int = 1) -> None:
        self.folder = folder
        self.repeat = max(1, repeat)
        self.description = f"images {folder.name}"
        self._files: list[Path] = []
        self._i = 0

    def open(self) -> None:
        files = sorted(p for p in self.folder.glob("*") if p.suffix.lower() in IMAGE_SUFFIXES) \
            if self.folder.is_dir() else []
        if not files:
            raise DeviceNotFound(f"no images in {self.folder}")
        self._files, self._i = files, 0

    def read(self) -> np.ndarray:
        if not self._files:
            raise DeviceNotFound("image folder not open")
        path = self._files[(self._i // self.repeat) % len(self._files)]
        self._i += 1
        frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if frame is None:
            raise DeviceNotFound(f"image {path.name} unreadable or gone")
        return frame


class DemoSource(FrameSource):
    """Built-in sample codes (ID card, procedure, receipt, payment) cycling every few seconds."""

    description = "demo codes"

    def __init__(self, width: int, height: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.frames = DemoFrames(width, height)
        self._clock = clock
        self._t0 = clock()

    def open(self) -> None:
        self._t0 = self._clock()

    def read(self) -> np.ndarray:
        return self.frames.frame_at(self._clock() - self._t0)


class SimulatedCamera(FrameSource):
    """Wraps a simulated source and lets tests or a technician show a given payload or image for a while."""

    def __init__(self, inner: FrameSource, width: int, height: int, hold_seconds: float = 4.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.inner = inner
        self.description = f"simulated: {inner.description}"
        self.hold_seconds = hold_seconds
        self._clock = clock
        self._render = DemoFrames(width, height)
        self._override: tuple[np.ndarray, float] | None = None
        self._lock = threading.Lock()  # show_*() may be called from another thread than read()

    def show_payload(self, text: str, label: str = "") -> None:
        """Show a QR code of ``text`` (UTF-8 without ECI, like an ID card) for ``hold_seconds``."""
        self._set(self._render.code_frame(text, label or "injected code"))

    def show_image(self, path: str | Path) -> None:
        """Show an image file (a photo of a code) for ``hold_seconds``."""
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if image is None:
            raise FileNotFoundError(path)
        self._set(self._render.fit(image))

    def _set(self, frame: np.ndarray) -> None:
        with self._lock:
            self._override = (frame, self._clock() + self.hold_seconds)

    def open(self) -> None:
        self.inner.open()

    def read(self) -> np.ndarray:
        with self._lock:
            override = self._override
        if override is not None:
            if self._clock() < override[1]:
                self.inner.read()  # keep the underlying source moving (and notice if it went away)
                return override[0]
            with self._lock:
                self._override = None
        return self.inner.read()

    def close(self) -> None:
        self.inner.close()


def make_source(camera: Any) -> FrameSource | None:
    """The source the ``[camera]`` section asks for; None for ``kind = "none"``."""
    if camera.kind == "none":
        return None
    if camera.kind == "opencv":
        return CameraSource(camera.device, camera.width, camera.height, camera.fps)
    path = Path(camera.simulated_source).expanduser() if camera.simulated_source else None
    if path is None:
        inner: FrameSource = DemoSource(camera.width, camera.height)
    elif path.suffix.lower() in IMAGE_SUFFIXES or path.is_dir():
        inner = ImageFolderSource(path if path.is_dir() else path.parent)
    else:
        inner = VideoFileSource(path)
    return SimulatedCamera(inner, camera.width, camera.height)
