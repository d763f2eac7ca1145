"""The voice in its own thread: synthesise (cached) and play, so the GUI never waits for speech."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal, Slot

from core.threads import Worker
from devices.voice.tts import Player, Synthesizer, VoiceUnavailable

log = logging.getLogger(__name__)


class VoiceWorker(Worker):
    spoken = Signal(str, float, bool)  # text, seconds of speech, whether the WAV came from the cache
    unavailable = Signal(str)  # why the kiosk is silent (technician detail)

    def __init__(self, synthesizer: Synthesizer, player: Player) -> None:
        super().__init__()
        self.synthesizer, self.player = synthesizer, player

    @Slot(str, str)
    def say(self, text: str, language: str) -> None:
        try:
            utterance = self.synthesizer.wav_for(text, language)
        except VoiceUnavailable as exc:
            log.info("voice unavailable: %s", exc)
            self.unavailable.emit(str(exc))
            return
        self.player.play(utterance.wav)
        self.spoken.emit(utterance.text, utterance.seconds, utterance.cached)

    @Slot(str, str)
    def prepare(self, text: str, language: str) -> None:
        """Render ahead (the next step's text) so it starts at once when asked for."""
        try:
            self.synthesizer.wav_for(text, language)
        except VoiceUnavailable:
            pass

    @Slot()
    def silence(self) -> None:
        self.player.stop()

    def on_stop(self) -> None:
        self.player.stop()


def make_worker(cache_dir: Path, voice: str, speed: int, volume: int) -> VoiceWorker:
    return VoiceWorker(Synthesizer(cache_dir, voice, speed, volume), Player())
