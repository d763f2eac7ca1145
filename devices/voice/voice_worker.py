"""The voice in its own thread: synthesise (cached) and play speech and the audio cues, so the GUI never waits
for sound (DESIGN §3.2). Speech and cues have a player each: a cue never cuts a sentence off."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal, Slot

from core.paths import asset
from core.threads import Worker
from devices.voice import cues
from devices.voice.tts import Player, Synthesizer, VoiceUnavailable

log = logging.getLogger(__name__)


class VoiceWorker(Worker):
    spoken = Signal(str, float, bool)  # text, seconds of speech, whether the WAV came from the cache
    unavailable = Signal(str)  # why the kiosk is silent (technician detail)
    cued = Signal(str, str)  # cue name, the WAV played (at the configured volume)

    def __init__(self, synthesizer: Synthesizer, player: Player, cue_player: Player | None = None) -> None:
        super().__init__()
        self.synthesizer, self.player = synthesizer, player
        self.cue_player = cue_player if cue_player is not None else Player(player.executable)

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

    @Slot(str)
    def play_cue(self, name: str) -> None:
        if name not in cues.CUES:
            log.warning("unknown audio cue %r", name)
            return
        try:
            wav = cues.at_volume(asset("sounds", cues.asset_name(name)), name, self.synthesizer.volume,
                                 self.synthesizer.cache_dir)
        except OSError as exc:
            log.warning("audio cue %s: %s", name, exc)
            return
        if wav is not None:  # volume 0: the station is silent
            self.cue_player.play(wav)
            self.cued.emit(name, str(wav))

    def on_stop(self) -> None:
        self.player.stop()
        self.cue_player.stop()


def make_worker(cache_dir: Path, voice: str, speed: int, volume: int) -> VoiceWorker:
    return VoiceWorker(Synthesizer(cache_dir, voice, speed, volume), Player())
