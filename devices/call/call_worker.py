"""CallWorker: one consultation's asyncio loop (aiortc + the hub's WebSocket) in its own QThread.

`run_call` (a queued slot) runs the call's asyncio loop in this thread until the call is over; the loop also
delivers this thread's Qt events every 50 ms, so the owner's blocking `stop` still reaches the worker (and hangs
up) during a call. `hangup()` and `set_volume()` are safe from the GUI thread. Events reach the GUI as
`event(kind, data)`; the doctor's picture as `remote_frame`."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QImage

from core.threads import Worker

log = logging.getLogger(__name__)
QT_EVENTS_EVERY = 0.05  # seconds
FRAME_EVERY = 2  # half the doctor's frames reach the screen: enough for a face, half the copying


def to_qimage(rgb: Any) -> QImage:
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class CallWorker(Worker):
    call_event = Signal(str, object)  # kind, details; not `event`, which would hide QObject.event()
    remote_frame = Signal(QImage)
    local_frame = Signal(QImage)
    call_over = Signal()

    def __init__(self, make_peer: Any, speaker: Any = None) -> None:
        """`make_peer(on_event, on_remote_video, on_remote_audio, on_local_video) -> ConsultPeer`, called in this
        thread (it may open the camera: this thread is the one that owns it during the call)."""
        super().__init__()
        self._make_peer, self._speaker = make_peer, speaker
        self._loop: asyncio.AbstractEventLoop | None = None
        self._peer: Any = None
        self._frames = 0
        self._local_frames = 0

    @Slot()
    def run_call(self) -> None:
        if self._loop is not None:  # one call at a time per worker
            log.warning("a consultation is already running on this worker")
            return
        loop = asyncio.new_event_loop()
        self._loop = loop

        def pump() -> None:
            QCoreApplication.processEvents()
            if not loop.is_closed():
                loop.call_later(QT_EVENTS_EVERY, pump)

        loop.call_soon(pump)
        try:
            self._peer = self._make_peer(self._on_event, self._on_video,
                                         self._speaker.play if self._speaker else None, self._on_local)
            loop.run_until_complete(self._peer.run())
        except Exception:
            log.exception("consultation failed")
            self.call_event.emit("ended", {"by": "error"})
        finally:
            if self._speaker is not None:
                self._speaker.close()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None
            self.call_over.emit()

    @property
    def running(self) -> bool:
        return self._loop is not None

    @property
    def counters(self) -> Any:
        return self._peer.counters if self._peer else None

    def hangup(self) -> None:
        loop, peer = self._loop, self._peer
        if loop is not None and peer is not None and not loop.is_closed():
            loop.call_soon_threadsafe(peer.hangup)

    def set_volume(self, volume: float) -> None:
        if self._speaker is not None:
            self._speaker.set_volume(volume)

    def on_stop(self) -> None:
        self.hangup()

    def _on_event(self, kind: str, data: dict[str, Any]) -> None:
        self.call_event.emit(kind, data)

    def _on_local(self, rgb: Any) -> None:
        self._local_frames += 1
        if self._local_frames % (2 * FRAME_EVERY) == 0:  # the small self view needs fewer frames
            self.local_frame.emit(to_qimage(np.ascontiguousarray(rgb)))

    def _on_video(self, rgb: Any) -> None:
        self._frames += 1
        if self._frames % FRAME_EVERY == 0:
            self.remote_frame.emit(to_qimage(rgb))
