"""The decoding cascade with budgets, and the de-duplication of repeated codes. Qt-free; scanner worker thread.

Live frames (:meth:`DecoderCascade.decode_frame`): the first backend (zxing-cpp) on every frame; the other
backends (pyzbar, optional OpenCV) only every Nth frame without a result; after ``ladder_after_seconds``
without a code, one preprocessing-ladder step per frame, round robin, so no single frame pays for the whole
ladder (most webcam frames have no code). Still images (:meth:`decode_still`): everything, until found.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from devices.scanner.decoders import (
    BACKENDS,
    Backend,
    Decoded,
    center_region,
    fit_width,
    ladder_steps,
    make_backend,
    run_ladder_step,
    to_gray,
)

log = logging.getLogger(__name__)

LIVE_FALLBACK_WIDTH = 640  # pyzbar's cost grows with pixels; 640 px keeps it well inside a frame


@dataclass(frozen=True)
class CascadeSettings:
    decoders: tuple[str, ...] = ("zxing", "pyzbar")
    pyzbar_every_n_frames: int = 5  # applies to every fallback backend
    ladder_after_seconds: float = 2.0
    ladder: bool = True
    frame_budget_ms: float | None = 30.0  # live: no extra step on a frame whose first decode took half of this

    @classmethod
    def from_camera(cls, camera) -> CascadeSettings:
        """From the ``[camera]`` config section; unknown decoder names are dropped with a warning."""
        names = tuple(n for n in camera.decoders if n in BACKENDS) or ("zxing",)
        if len(names) != len(camera.decoders):
            log.warning("ignoring unknown decoders in camera.decoders; using %s", names)
        return cls(names, max(1, int(camera.pyzbar_every_n_frames)), float(camera.ladder_after_seconds))


class DecoderCascade:
    def __init__(self, settings: CascadeSettings | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings or CascadeSettings()
        self._clock = clock
        self.backends: dict[str, Backend] = {name: make_backend(name) for name in self.settings.decoders}
        self._order: Sequence[str] = list(self.backends)
        self._steps = ladder_steps(self.backends) if self.settings.ladder else []
        self._live_steps = ladder_steps(self.backends, live=True) if self.settings.ladder else []
        self.reset()

    def reset(self) -> None:
        """Forget history (a new scan begins)."""
        self._misses = 0
        self._last_found = self._clock()
        self._step = 0

    def decode_frame(self, image: np.ndarray) -> list[Decoded]:
        """One live frame, within the per-frame budget: the primary backend, then at most one extra step."""
        gray = to_gray(image)
        started = time.perf_counter()
        primary, *fallbacks = self._order
        found = _trusted(self.backends[primary](gray))
        budget = self.settings.frame_budget_ms
        if found or (budget is not None and (time.perf_counter() - started) * 1000 > budget / 2):
            return self._account(found)  # a read, or the CPU is busy: extras wait for a later frame
        n = self.settings.pyzbar_every_n_frames
        for i, name in enumerate(fallbacks):
            if self._misses % n == (n - 1 - i) % n:  # staggered, so two fallbacks never share a frame
                # On big frames the fallback reads a downscaled copy (ANCHORS §5.4): 3–4× cheaper, and the
                # ladder's centre crop still covers small codes.
                return self._account(_trusted(self.backends[name](fit_width(gray, LIVE_FALLBACK_WIDTH))))
        steps = self._live_steps
        if steps and self._clock() - self._last_found >= self.settings.ladder_after_seconds:
            region = center_region(gray)  # where the guide frame asks the resident to hold the code
            for _ in range(len(steps)):  # skip steps that do not apply to this size
                variant, name = steps[self._step % len(steps)]
                self._step += 1
                step = run_ladder_step(region, variant, self.backends[name], name)
                if step is not None:
                    return self._account(_trusted(step))
        return self._account([])

    def _account(self, found: list[Decoded]) -> list[Decoded]:
        if found:
            self._misses = 0
            self._last_found = self._clock()
            self._step = 0
        else:
            self._misses += 1
        return found

    def decode_still(self, image: np.ndarray) -> list[Decoded]:
        """A still image (CLI, document photo): every backend, then the whole ladder, until something is read."""
        gray = to_gray(image)
        for name in self._order:
            if found := _trusted(self.backends[name](gray)):
                return found
        for variant, name in self._steps:
            if found := _trusted(run_ladder_step(gray, variant, self.backends[name], name) or []):
                return found
        return []


def _trusted(results: list[Decoded]) -> list[Decoded]:
    """Drop pyzbar texts that still look mis-decoded: a garbled name is worse than another try."""
    good, seen = [], set()
    for d in results:
        if d.suspect:
            log.info("dropped a mis-decoded %s result", d.backend)
        elif d.text not in seen:
            seen.add(d.text)
            good.append(d)
    return good


class Deduper:
    """Reports a text once while it keeps being seen; again only after ``window`` seconds without it."""

    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic, limit: int = 64) -> None:
        self.window = window
        self._clock = clock
        self._seen: dict[str, float] = {}
        self._limit = limit

    def is_new(self, text: str) -> bool:
        now = self._clock()
        last = self._seen.get(text)
        self._seen[text] = now
        if len(self._seen) > self._limit:
            oldest = min(self._seen, key=self._seen.__getitem__)
            del self._seen[oldest]
        return last is None or now - last > self.window

    def clear(self) -> None:
        self._seen.clear()
