"""Text to speech with espeak-ng (Debian's package, its Vietnamese voices ship with it): offline, cached.

``Synthesizer.wav_for(text)`` renders ``text`` once to a WAV file named by a hash of (text, voice, speed, volume)
in the cache folder and returns its path; the second time the same step is read aloud it costs a file lookup.
Runs in the voice worker's thread (DESIGN §3.2: the GUI thread never synthesises or plays sound). The text is
given on standard input, never on the command line (no argument injection, no length limit of argv).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1000  # a step's title and instruction; anything longer is cut, not refused
VOICES = {"vi": "vi", "vi-south": "vi-vn-x-south", "vi-central": "vi-vn-x-central", "en": "en"}


class VoiceUnavailable(RuntimeError):
    """espeak-ng is missing or failed; the kiosk goes on silently (the text is on screen anyway)."""


@dataclass(frozen=True)
class Utterance:
    text: str
    voice: str
    wav: Path
    seconds: float
    cached: bool


def clean_text(text: str) -> str:
    """What may be spoken: printable text, one line, at most MAX_TEXT_CHARS (lone surrogates dropped)."""
    text = text.encode("utf-8", "ignore").decode("utf-8")
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text[:MAX_TEXT_CHARS]


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


class Synthesizer:
    def __init__(self, cache_dir: Path, voice: str = "vi", speed: int = 140, volume: int = 100,
                 executable: str | None = None) -> None:
        self.cache_dir = cache_dir
        self.voice = VOICES.get(voice, voice)
        self.speed = max(80, min(int(speed), 300))  # words per minute; slow and clear for elderly residents
        self.volume = max(0, min(int(volume), 200))  # espeak-ng amplitude
        self.executable = executable if executable is not None else shutil.which("espeak-ng")

    @property
    def available(self) -> bool:
        return bool(self.executable)

    def _key(self, text: str, voice: str) -> str:
        raw = "\x1f".join((text, voice, str(self.speed), str(self.volume)))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]

    def wav_for(self, text: str, language: str = "vi") -> Utterance:
        """The WAV of ``text`` in ``language`` ("vi", "en"; the configured dialect for "vi")."""
        text = clean_text(text)
        if not any(ch.isalnum() for ch in text):  # punctuation alone makes espeak-ng write an empty WAV
            raise VoiceUnavailable("nothing to say")
        voice = self.voice if language == "vi" else VOICES.get(language, language)
        target = self.cache_dir / f"{self._key(text, voice)}.wav"
        if target.exists():
            return Utterance(text, voice, target, wav_seconds(target), cached=True)
        if not self.executable:
            raise VoiceUnavailable("espeak-ng is not installed (apt-get install espeak-ng)")
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".wav", dir=self.cache_dir)
        os.close(fd)
        try:
            done = subprocess.run([self.executable, "-v", voice, "-s", str(self.speed), "-a", str(self.volume),
                                   "-w", tmp, "--stdin"], input=text.encode("utf-8"), capture_output=True,
                                  timeout=30, check=False)
            if done.returncode != 0 or os.path.getsize(tmp) <= 44:
                raise VoiceUnavailable(f"espeak-ng failed ({done.returncode}): "
                                       f"{done.stderr.decode(errors='replace')[:200]}")
            os.replace(tmp, target)  # atomic: a half-written file is never taken from the cache
        except (OSError, subprocess.SubprocessError) as exc:
            raise VoiceUnavailable(f"espeak-ng could not run: {exc}") from exc
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return Utterance(text, voice, target, wav_seconds(target), cached=False)


class Player:
    """Plays one WAV at a time through ALSA's aplay; a new utterance cuts the previous one off."""

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable if executable is not None else shutil.which("aplay")
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def playing(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def play(self, wav: Path) -> bool:
        self.stop()
        if not self.executable:
            return False
        try:
            self._proc = subprocess.Popen([self.executable, "-q", str(wav)], stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as exc:
            log.warning("voice: player %s did not start: %s", self.executable, exc)
            return False
        return True

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(2)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None
