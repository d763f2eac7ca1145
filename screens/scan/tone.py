"""The short confirmation tone after a successful scan. GUI thread; never blocks.

PySide6-Essentials has no QtMultimedia (checked: ``import PySide6.QtMultimedia`` fails), so the tone is a
tiny WAV, a committed asset (core/assets/sounds/scan-ok.wav, made by ``python -m screens.scan.tone``: nothing is
written at run time), played by the system's player in a detached process (``aplay``/``paplay``/``pw-play``),
which returns at once. With no player installed it falls back to
``QApplication.beep()`` (the X bell; silent on many kiosks — see docs/scanning.md).
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import sys
import wave
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from core.paths import asset

log = logging.getLogger(__name__)

PLAYERS = ("aplay", "paplay", "pw-play")
TONE_ASSET = ("sounds", "scan-ok.wav")
_wav: Path | None = None  # where the tone is played from (tests point it elsewhere)


def make_wav(path: Path, freq: float = 1320.0, seconds: float = 0.12, rate: int = 16000) -> Path:
    """A soft sine beep with 10 ms fade in/out (no click)."""
    n = int(rate * seconds)
    fade = int(rate * 0.01)
    frames = bytearray()
    for i in range(n):
        envelope = min(1.0, i / fade, (n - i) / fade)
        frames += struct.pack("<h", int(0.4 * 32767 * envelope * math.sin(2 * math.pi * freq * i / rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def player() -> str | None:
    return next((p for p in (shutil.which(name) for name in PLAYERS) if p), None)


def play_success_tone() -> str:
    """Play the tone without blocking. Returns how: "player:<path>", "beep"."""
    global _wav
    exe = player()
    if exe:
        if _wav is None:
            _wav = asset(*TONE_ASSET)
        ok, _pid = QProcess.startDetached(exe, ["-q", str(_wav)] if exe.endswith("aplay") else [str(_wav)])
        if ok:
            return f"player:{exe}"
        log.info("tone player %s did not start; using the bell", exe)
    QApplication.beep()
    return "beep"


if __name__ == "__main__":  # regenerate the committed asset (only needed when the tone itself changes)
    target = asset(*TONE_ASSET) if len(sys.argv) < 2 else Path(sys.argv[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    print(make_wav(target))
