"""The doctor's voice to the kiosk's loudspeaker: decoded PCM piped to ALSA's `aplay`, with a volume gain.
Asyncio thread of the call; a missing sound card is logged once and the call goes on (captions still work)."""

from __future__ import annotations

import logging
import shutil
import subprocess
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


class Speaker:
    def __init__(self, device: str = "default", volume: float = 0.8) -> None:
        self.device, self.volume = device, volume
        self._proc: subprocess.Popen[bytes] | None = None
        self._broken = False
        self._format: tuple[int, int] | None = None

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, volume))

    def play(self, frame: Any) -> None:
        if self._broken:
            return
        channels, rate = len(frame.layout.channels), frame.sample_rate
        pcm = frame.to_ndarray()
        if pcm.dtype != np.int16:
            pcm = (np.clip(pcm, -1, 1) * 32767).astype(np.int16)
        data = (pcm.astype(np.float32) * self.volume).astype(np.int16).tobytes()
        try:
            if self._proc is None or self._format != (channels, rate):
                self.close()
                self._open(channels, rate)
            assert self._proc is not None and self._proc.stdin is not None
            self._proc.stdin.write(data)
        except (OSError, ValueError, AssertionError) as exc:
            log.warning("speaker unavailable, the call goes on without sound: %s", exc)
            self._broken = True
            self.close()

    def _open(self, channels: int, rate: int) -> None:
        aplay = shutil.which("aplay")
        if aplay is None:
            raise OSError("aplay (alsa-utils) is not installed")
        self._format = (channels, rate)
        self._proc = subprocess.Popen([aplay, "-q", "-D", self.device, "-t", "raw", "-f", "S16_LE", "-r", str(rate),
                                       "-c", str(channels)], stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if proc.stdin:
                    proc.stdin.close()
                proc.wait(2)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
