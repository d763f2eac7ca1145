"""The kiosk's media tracks: the camera through the scanner's own frame sources (here its simulated camera),
paced and scaled for a kiosk CPU, with the self view fed; the simulated microphone paced in real time."""

from __future__ import annotations

import asyncio
import dataclasses
import time

from devices.call.media import CameraTrack, Counters, ToneTrack
from devices.scanner.sources import make_source
from kiosk.config import default_config


def test_the_call_reads_the_scanners_camera_source_scaled_to_640_pixels() -> None:
    config = default_config()
    camera = dataclasses.replace(config.camera, kind="simulated", width=1280, height=720)
    source = make_source(camera)
    assert source is not None
    source.open()
    seen: list[tuple[int, ...]] = []
    counters = Counters()
    track = CameraTrack(source, counters, preview=lambda rgb: seen.append(rgb.shape))

    async def take(n: int) -> list:
        return [await track.recv() for _ in range(n)]

    try:
        frames = asyncio.run(take(3))
    finally:
        source.close()
    assert counters.video_sent == 3 and len(seen) == 3
    assert all(f.width <= 640 for f in frames) and seen[0][2] == 3


def test_the_simulated_microphone_sends_20_ms_frames_in_real_time() -> None:
    counters = Counters()
    track = ToneTrack(counters)

    async def take(n: int) -> list:
        return [await track.recv() for _ in range(n)]

    start = time.monotonic()
    frames = asyncio.run(take(26))
    elapsed = time.monotonic() - start
    assert counters.audio_sent == 26 and frames[0].samples == 960 and frames[0].sample_rate == 48000
    assert elapsed >= 0.45  # 25 frame intervals of 20 ms: paced, not as fast as the CPU allows
