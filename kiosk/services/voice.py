"""VoiceService: GUI-thread facade over the voice worker ("Nghe hướng dẫn" and the optional voice mode).

``say(text, language)`` returns at once; synthesis (cached) and playback happen in the voice thread. With the
voice disabled in the configuration or espeak-ng missing, it is silent: the text is always on screen too.
``cue(name)`` plays a shipped audio cue (devices/voice/cues.py) in the same thread; cues play even with the
spoken guidance off (a scan confirms itself with a tone, DESIGN §6), at the configured volume."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.threads import ThreadOwner
from kiosk.config import KioskConfig

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)


class VoiceService(QObject):
    _say = Signal(str, str)
    _prepare = Signal(str, str)
    _silence = Signal()
    _cue = Signal(str)
    spoken = Signal(str, float)  # text, seconds (GUI thread): the speech started playing
    speech_ended = Signal()  # played to the end, stopped, or could not be spoken
    cued = Signal(str, str)  # cue name, the WAV played

    def __init__(self, config: KioskConfig, data_dir: Path, threads: ThreadOwner) -> None:
        super().__init__()
        self._settings = config.voice
        self._cache = Path(data_dir) / "voice-cache"
        self._threads = threads
        self.available = True  # until the worker says espeak-ng is missing
        self._worker = None
        self._speaking = False
        self._end_timer = QTimer(self)
        self._end_timer.setSingleShot(True)
        self._end_timer.timeout.connect(self._ended)

    @classmethod
    def from_context(cls, ctx: AppContext) -> VoiceService:
        return cls(ctx.config, ctx.data_dir, ctx.threads)

    @property
    def enabled(self) -> bool:
        return bool(self._settings.enabled) and self.available

    @property
    def read_each_step(self) -> bool:
        return self.enabled and bool(self._settings.read_each_step)

    @property
    def speaking(self) -> bool:
        """Asked to speak and not finished yet (a second press of "Nghe hướng dẫn" stops it)."""
        return self._speaking

    def start(self) -> None:
        from devices.voice.voice_worker import make_worker

        s = self._settings
        self._worker = make_worker(self._cache, s.voice, s.speed, s.volume)
        self._say.connect(self._worker.say)
        self._prepare.connect(self._worker.prepare)
        self._silence.connect(self._worker.silence)
        self._cue.connect(self._worker.play_cue)
        self._worker.cued.connect(self.cued)
        self._worker.spoken.connect(self._on_spoken)
        self._worker.unavailable.connect(self._on_unavailable)
        self._threads.start(self._worker, "voice")

    def say(self, text: str, language: str = "vi") -> None:
        if self._worker is not None and self.enabled and text.strip():
            self._end_timer.stop()
            self._speaking = True
            self._say.emit(text, language)

    def prepare(self, text: str, language: str = "vi") -> None:
        if self._worker is not None and self.enabled and text.strip():
            self._prepare.emit(text, language)

    def silence(self) -> None:
        if self._worker is not None:
            self._silence.emit()
        if self._speaking:
            self._ended()

    def cue(self, name: str) -> None:
        if self._worker is not None:
            self._cue.emit(name)

    def _on_spoken(self, text: str, seconds: float, _cached: bool) -> None:
        if self._speaking:
            self._end_timer.start(int(seconds * 1000) + 200)
        self.spoken.emit(text, seconds)

    def _ended(self) -> None:
        self._end_timer.stop()
        self._speaking = False
        self.speech_ended.emit()

    def _on_unavailable(self, why: str) -> None:
        if self._speaking:
            self._ended()
        if "not installed" in why:
            self.available = False
            log.warning("spoken guidance off: %s", why)
