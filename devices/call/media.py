"""Media tracks of a consultation: the camera through the scanner's frame sources, simulated camera and
microphone, and sinks that count (and keep the latest of) what the doctor sends. Qt-free; asyncio thread.

A call and the scanner never hold the camera at once: the consultation service pauses the scanner first,
and :class:`CameraTrack` opens the same :class:`devices.scanner.sources.FrameSource` the scanner uses."""

from __future__ import annotations

import asyncio
import fractions
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import av
import cv2
import numpy as np
from aiortc import MediaStreamTrack
from aiortc.mediastreams import AUDIO_PTIME, MediaStreamError, VideoStreamTrack

from devices.scanner.sources import FrameSource

log = logging.getLogger(__name__)
AUDIO_RATE = 48000


@dataclass
class Counters:
    """What flowed, for the screen (quality) and for tests; written on the asyncio thread, read anywhere."""

    video_sent: int = 0
    audio_sent: int = 0
    video_received: int = 0
    audio_received: int = 0
    audio_level: float = 0.0  # RMS of the doctor's last audio frame, 0..1
    last_video_at: float = 0.0
    last_audio_at: float = 0.0
    extra: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {"video_sent": self.video_sent, "audio_sent": self.audio_sent, "video_received": self.video_received,
                "audio_received": self.audio_received}


class PatternTrack(VideoStreamTrack):
    """A generated picture (simulated camera): a moving bar and a frame counter, so motion is visible."""

    def __init__(self, counters: Counters, width: int = 320, height: int = 240,
                 preview: Callable[[np.ndarray], None] | None = None) -> None:
        super().__init__()
        self.counters, self.width, self.height, self.preview = counters, width, height, preview

    async def recv(self) -> av.VideoFrame:
        pts, time_base = await self.next_timestamp()
        n = self.counters.video_sent
        img = np.zeros((self.height, self.width, 3), np.uint8)
        img[:, :] = (40, 90, 140)
        x = (n * 4) % self.width
        img[:, x:x + 12] = (240, 240, 240)
        if self.preview is not None:
            self.preview(img[:, :, ::-1])
        frame = av.VideoFrame.from_ndarray(img, format="bgr24")
        frame.pts, frame.time_base = pts, time_base
        self.counters.video_sent += 1
        return frame


class CameraTrack(VideoStreamTrack):
    """Frames from the scanner's frame source (a real camera, a video file…), read off the event loop."""

    def __init__(self, source: FrameSource, counters: Counters, width: int = 640,
                 preview: Callable[[np.ndarray], None] | None = None) -> None:
        super().__init__()
        self.source, self.counters, self.width, self.preview = source, counters, width, preview

    async def recv(self) -> av.VideoFrame:
        pts, time_base = await self.next_timestamp()  # paces to 30 fps, as the scanner's worker paces sources
        try:
            img = await asyncio.get_running_loop().run_in_executor(None, self.source.read)
        except Exception as exc:  # the camera went away mid-call: the call goes on with sound only
            log.warning("camera stopped during a call: %s", exc)
            raise MediaStreamError from exc
        if img.ndim == 2:
            img = np.dstack([img] * 3)
        if img.shape[1] > self.width:  # a kiosk CPU encodes 640 px wide in real time; 1280 px it may not
            img = cv2.resize(img, (self.width, img.shape[0] * self.width // img.shape[1]), interpolation=cv2.INTER_AREA)
        if self.preview is not None:
            self.preview(img[:, :, ::-1])
        frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(img), format="bgr24")
        frame.pts, frame.time_base = pts, time_base
        self.counters.video_sent += 1
        return frame


class VideoGate(MediaStreamTrack):
    """The camera's track, which the peer can pause on a weak network (sound only) and resume.

    While paused it keeps reading the camera and drops the frames, so the camera track stays paced and does not
    burst a backlog of frames when the picture comes back."""

    kind = "video"

    def __init__(self, inner: MediaStreamTrack) -> None:
        super().__init__()
        self.inner = inner
        self.paused = False

    async def recv(self) -> av.VideoFrame:
        while True:
            frame = await self.inner.recv()
            if not self.paused and isinstance(frame, av.VideoFrame):
                return frame

    def stop(self) -> None:
        super().stop()
        self.inner.stop()


class ToneTrack(MediaStreamTrack):
    """A simulated microphone: a quiet 440 Hz tone in 20 ms frames, paced in real time."""

    kind = "audio"

    def __init__(self, counters: Counters, frequency: float = 440.0) -> None:
        super().__init__()
        self.counters, self.frequency = counters, frequency
        self._start: float | None = None
        self._samples = 0

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        per_frame = int(AUDIO_RATE * AUDIO_PTIME)
        if self._start is None:
            self._start = time.monotonic()
        else:
            wait = self._start + self._samples / AUDIO_RATE - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        t = (np.arange(per_frame) + self._samples) / AUDIO_RATE
        pcm = (0.2 * 32767 * np.sin(2 * math.pi * self.frequency * t)).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate, frame.pts = AUDIO_RATE, self._samples
        frame.time_base = fractions.Fraction(1, AUDIO_RATE)
        self._samples += per_frame
        self.counters.audio_sent += 1
        return frame


class MicrophoneTrack(MediaStreamTrack):
    """The kiosk's microphone through aiortc's MediaPlayer (ALSA/PulseAudio); counted like the simulator."""

    kind = "audio"

    def __init__(self, player_track: MediaStreamTrack, counters: Counters) -> None:
        super().__init__()
        self.inner, self.counters = player_track, counters

    async def recv(self) -> av.AudioFrame:
        frame = await self.inner.recv()
        if not isinstance(frame, av.AudioFrame):
            raise MediaStreamError
        self.counters.audio_sent += 1
        return frame


async def consume(track: MediaStreamTrack, counters: Counters,
                  on_video: Callable[[np.ndarray], None] | None = None,
                  on_audio: Callable[[av.AudioFrame], None] | None = None) -> None:
    """Read the doctor's track until it ends, counting frames; hand pictures and sound to the kiosk."""
    try:
        while True:
            frame = await track.recv()
            now = time.monotonic()
            if isinstance(frame, av.VideoFrame):
                counters.video_received += 1
                counters.last_video_at = now
                if on_video is not None:
                    on_video(frame.to_ndarray(format="rgb24"))
            elif isinstance(frame, av.AudioFrame):
                counters.audio_received += 1
                counters.last_audio_at = now
                samples = frame.to_ndarray()
                if samples.size:
                    counters.audio_level = float(np.sqrt(np.mean((samples.astype(np.float32) / 32768) ** 2)))
                if on_audio is not None:
                    on_audio(frame)
    except MediaStreamError:
        return
