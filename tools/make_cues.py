"""Build the audio cues shipped with the kiosk (core/assets/sounds/cue-*.wav) from devices/voice/cues.py.

Build time only: the kiosk never writes a cue at run time (except volume-scaled copies in its voice cache).
Usage: python tools/make_cues.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devices.voice.cues import make_all  # noqa: E402

if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "core" / "assets" / "sounds"
    for path in make_all(folder):
        print(path)
