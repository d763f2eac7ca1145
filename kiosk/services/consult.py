"""ConsultService: the GUI-thread facade of a video consultation (CallWorker thread), its printed note and
the offline call-back request. GUI thread; never does I/O (the call's thread reads the token, opens the
camera and the microphone).

The camera is the scanner's: the scanner session is ended before a call opens the same device through the
same frame sources (devices/scanner/sources.py), and no scan starts during a call (the consultation screens
never ask for one)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    from kiosk.services.context import AppContext, Services
    from kiosk.services.printer import PrintOutcome
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)


class ConsultService(QObject):
    # kind, data (see devices/call/peer.py); the name (ConsultApi's) hides QObject.event(), which nothing calls here
    event = Signal(str, object)  # type: ignore[assignment]
    remote_frame = Signal(QImage)
    local_frame = Signal(QImage)
    call_over = Signal()

    def __init__(self, config: Any, data_dir: Path, threads: Any, services: Services | None = None) -> None:
        super().__init__()
        self._config, self._data_dir, self._threads, self._services = config, Path(data_dir), threads, services
        self.settings = config.health.consult
        self.worker: Any = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> ConsultService:
        return cls(ctx.config, ctx.data_dir, ctx.threads, ctx.services)

    @property
    def enabled(self) -> bool:
        return bool(self.settings.enabled and self._config.health.enabled)

    @property
    def in_call(self) -> bool:
        return self.worker is not None

    def start_call(self, readings: dict[str, Any], resident: dict[str, Any], link_id: str | None = None) -> bool:
        """Ask for a doctor with what the resident consented to share. False if a call is already running.

        `link_id`: the ID card number, only when the resident agreed to link this call with earlier ones; it goes
        to the hub over the kiosk's TLS socket, which keeps a keyed hash of it (never the number, never logged)."""
        if self.worker is not None:
            return False
        from devices.call.call_worker import CallWorker
        from devices.call.speaker import Speaker

        scanner = self._services.scanner if self._services is not None else None
        if scanner is not None:
            scanner.close()  # the call takes the camera: the scanner lets go of it first (views follow)
        speaker = None if self.settings.speaker == "none" else Speaker(self.settings.speaker,
                                                                        self.settings.volume / 100)
        request = {"readings": readings, "resident": resident, **({"link_id": link_id} if link_id else {})}
        self.worker = CallWorker(_PeerFactory(self._config, self._data_dir, request), speaker)
        self.worker.call_event.connect(self.event)
        self.worker.remote_frame.connect(self.remote_frame)
        self.worker.local_frame.connect(self.local_frame)
        self.worker.call_over.connect(self._over)
        self._threads.start(self.worker, "call")
        QMetaObject.invokeMethod(self.worker, "run_call", Qt.ConnectionType.QueuedConnection)
        return True

    def hangup(self) -> None:
        if self.worker is not None:
            self.worker.hangup()

    def set_volume(self, percent: int) -> None:
        if self.worker is not None:
            self.worker.set_volume(max(0, min(100, percent)) / 100)

    @Slot()
    def _over(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            self._threads.stop(worker)
        self.call_over.emit()

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.hangup()
            self._threads.stop(self.worker)
            self.worker = None

    # -- after the call ------------------------------------------------------------------------------------------

    def print_note(self, note: dict[str, Any], on_done: Callable[[PrintOutcome], None]) -> bool:
        """Print the doctor's note and advice; False when this station has no printer service."""
        from devices.printer.receipt import make_consult_receipt

        printer = self._services.printer if self._services is not None else None
        if printer is None:
            return False
        station = self._config.station
        receipt = make_consult_receipt(station.name, station.address, datetime.now().astimezone(),
                                       note.get("doctor", ""), note.get("note", ""), note.get("advice", ""),
                                       station.language)
        printer.print_receipt(receipt, on_done)
        return True

    def request_callback(self, phone: str, name: str, readings: dict[str, Any], reason: str,
                         on_done: Callable[[EnqueueOutcome], None]) -> bool:
        """Queue a call-back request like any submission (it reaches the doctors' list when the hub has it)."""
        storage = self._services.storage if self._services is not None else None
        if storage is None:
            return False
        personal = {"phone": phone, **({"name": name} if name else {})}
        storage.enqueue("callback", {"readings": readings, "reason": reason}, personal=personal, on_done=on_done)
        return True


class _PeerFactory:
    """Builds the peer in the call's thread: reads the kiosk token (file I/O) and opens the media devices."""

    def __init__(self, config: Any, data_dir: Path, request: dict[str, Any]) -> None:
        self.config, self.data_dir, self.request = config, data_dir, request
        self.source: Any = None

    def __call__(self, on_event: Any, on_video: Any, on_audio: Any, on_local: Any) -> Any:
        from devices.call.peer import ConsultPeer
        from offline_queue.runtime import make_client

        client = make_client(self.config, self.data_dir)
        settings = self.config.health.consult
        ssl = None
        if client.base_url.startswith("https://") and self.config.hub.ca_bundle:
            import ssl as ssl_module

            ssl = ssl_module.create_default_context(cafile=self.config.hub.ca_bundle)
        return ConsultPeer(client.base_url, client.token or "", self.request, on_event,
                           video=lambda c: self._video(c, on_local), audio=self._audio,
                           reconnect_seconds=settings.reconnect_seconds, ssl=ssl, on_remote_video=on_video,
                           on_remote_audio=on_audio, on_close=self._close)

    def _video(self, counters: Any, on_local: Any) -> Any:
        from devices.call.media import CameraTrack, PatternTrack
        from devices.scanner.sources import make_source

        if self.config.camera.kind == "simulated" and not self.config.camera.simulated_source:
            return PatternTrack(counters, preview=on_local)
        if self.source is None:
            self.source = make_source(self.config.camera)
            if self.source is None:
                return None
            try:
                self.source.open()
            except Exception as exc:  # no camera: a voice call (the resident still sees the doctor)
                log.warning("camera unavailable for the consultation: %s", exc)
                self.source = None
                return None
        return CameraTrack(self.source, counters, preview=on_local)

    def _audio(self, counters: Any) -> Any:
        from devices.call.media import MicrophoneTrack, ToneTrack

        device = self.config.health.consult.microphone
        if device == "simulated":
            return ToneTrack(counters)
        from aiortc.contrib.media import MediaPlayer

        try:
            player = MediaPlayer(device, format="alsa", options={"channels": "1", "sample_rate": "48000"})
        except Exception as exc:  # no microphone: the resident can still be seen, and the doctor can type
            log.warning("microphone unavailable for the consultation: %s", exc)
            return ToneTrack(counters, frequency=0.0)
        if player.audio is None:  # the device opened but gave no sound stream: as if there were no microphone
            log.warning("microphone unavailable for the consultation: no audio stream")
            return ToneTrack(counters, frequency=0.0)
        return MicrophoneTrack(player.audio, counters)

    def _close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None
