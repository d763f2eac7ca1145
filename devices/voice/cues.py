"""Audio cues: short tones that say "read", "not read", "cuff on", "hold still", "done" without words. Qt-free.

The WAV files are made ahead, shipped as package data (core/assets/sounds/cue-*.wav) and only read at run
time, in the voice worker's thread (DESIGN §3.2: no audio I/O on the GUI thread). To change a cue, edit
``CUES`` and run ``python tools/make_cues.py``; tests/voice checks the shipped files match the recipes.
"""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

RATE = 16000
AMPLITUDE = 0.4  # of full scale: clear over a hall's noise without startling anyone
FADE_S = 0.01  # 10 ms fade in and out: no click

# name -> notes (frequency Hz, seconds); a frequency of 0 is a pause. Rising = good, falling = try again.
CUES: dict[str, tuple[tuple[float, float], ...]] = {
    "scan-ok": ((880.0, 0.08), (1320.0, 0.12)),  # a code was read
    "scan-fail": ((523.0, 0.14), (0.0, 0.04), (392.0, 0.22)),  # a code was refused: look at the screen
    "cuff-on": ((660.0, 0.15), (0.0, 0.08), (660.0, 0.15)),  # put the cuff on now
    "hold-still": ((784.0, 0.3),),  # the cuff inflates: keep still
    "cuff-done": ((660.0, 0.1), (880.0, 0.1), (1320.0, 0.2)),  # the reading is done
}


def asset_name(name: str) -> str:
    return f"cue-{name}.wav"


def samples(name: str, volume: int = 100) -> array.array[int]:
    """The cue's 16-bit mono samples at ``volume`` percent (the configured speech volume, 0-200)."""
    gain = AMPLITUDE * max(0, min(int(volume), 200)) / 100
    out = array.array("h")
    fade = int(RATE * FADE_S)
    for freq, seconds in CUES[name]:
        n = int(RATE * seconds)
        for i in range(n):
            if freq <= 0:
                out.append(0)
                continue
            envelope = min(1.0, i / fade, (n - i) / fade)
            value = gain * envelope * math.sin(2 * math.pi * freq * i / RATE)
            out.append(max(-32767, min(32767, int(value * 32767))))
    return out


def write_wav(path: Path, data: array.array[int]) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())
    return path


def make_all(folder: Path) -> list[Path]:
    """Write every cue at the standard volume into ``folder`` (core/assets/sounds when shipping)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_wav(folder / asset_name(name), samples(name)) for name in CUES]


def at_volume(shipped: Path, name: str, volume: int, cache_dir: Path) -> Path | None:
    """The cue to play at ``volume``: the shipped file at 100 %, else a copy made once in the cache; None when
    the volume is 0 (silent). Runs in the voice worker's thread."""
    if volume <= 0:
        return None
    if volume == 100:
        return shipped
    target = cache_dir / f"cue-{name}-v{int(volume)}.wav"
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        write_wav(tmp, samples(name, volume))
        tmp.replace(target)  # atomic: a half-written cue is never played
    return target
