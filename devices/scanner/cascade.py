"""The decoding cascade with budgets, and the de-duplication of repeated codes. Qt-free; scanner worker thread.

Live frames (:meth:`DecoderCascade.decode_frame`): the first look is zxing-cpp (QR Code only) on the whole frame,
which also reports symbols it found but could not decode; a read returns at once. Without a read, and from
``ladder_after_seconds`` after the scan began or the last read: the other backends (pyzbar, optional OpenCV) on a
downscaled frame every Nth frame, then the extra steps of :mod:`devices.scanner.steps`, round robin, as long as
the frame stays within ``frame_budget_ms`` (each step's cost is learnt as it runs): a code held in view gets
every step within about a second, and no frame pays for them all. Every missed frame
also yields a piece of advice for the resident (:mod:`devices.scanner.guidance`). Still images
(:meth:`decode_still`: the CLI, document photos) get the same first look and every step, until found.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from devices.scanner.decoders import BACKENDS, Backend, Decoded, ZxingReader, fit_width, make_backend, to_gray
from devices.scanner.guidance import Guidance, GuidanceFilter, assess
from devices.scanner.stack import FrameStack
from devices.scanner.steps import Look, build_steps

log = logging.getLogger(__name__)

LIVE_FALLBACK_WIDTH = 640  # pyzbar's cost grows with pixels; 640 px keeps it well inside a frame
# What a step not yet run is assumed to cost: about the dearest steps' p95 on a candidate crop (gridfit,
# refind-fit: 13–17 ms). Assumed free, a fresh cascade (the CLI, the first frames after start-up) would start
# unmeasured steps until the budget was already spent, and a frame could take the budget plus a dear step.
UNMEASURED_STEP_MS = 12.0


@dataclass(frozen=True)
class CascadeSettings:
    decoders: tuple[str, ...] = ("zxing", "pyzbar")
    pyzbar_every_n_frames: int = 5  # applies to every fallback backend
    ladder_after_seconds: float = 0.2  # extra steps only this long after the scan began or the last read
    ladder: bool = True
    # live: a frame's extra steps stop before they would take it past this (from the frame's start), and a frame
    # whose first look alone took half of it gets none (the CPU is busy); None: no limit (tests)
    frame_budget_ms: float | None = 25.0

    @classmethod
    def from_camera(cls, camera: Any) -> CascadeSettings:
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
        self._zxing = ZxingReader() if "zxing" in self.backends else None
        self.steps = build_steps(self._zxing, self.backends) if self.settings.ladder and self._zxing else []
        self._guidance = GuidanceFilter()
        self._cost: dict[str, float] = {}  # step name -> recent ms (a moving average)
        self._stack = FrameStack()  # the last frames without a read, for glare that moves (steps: stack-min)
        self.reset()

    @property
    def guidance(self) -> Guidance:
        """The advice for the resident after the last frame (debounced)."""
        return self._guidance.current

    def reset(self) -> None:
        """Forget history (a new scan begins)."""
        self._misses = 0
        self._last_found = self._clock()  # the first frames of a scan get the first look only
        self._step = 0
        self._stack.clear()
        self._guidance.read()

    def _first_look(self, gray: np.ndarray) -> tuple[list[Decoded], list[Any]]:
        primary = self._order[0]
        if primary == "zxing" and self._zxing is not None:
            try:
                return self._zxing.read(gray, errors=True)
            except Exception:
                log.warning("decoder zxing failed on a frame", exc_info=True)
                return [], []
        return self.backends[primary](gray), []

    def decode_frame(self, image: np.ndarray) -> list[Decoded]:
        """One live frame, within the per-frame budget: the first look, then extra steps for a bounded time."""
        gray = to_gray(image)
        # The budget counts this thread's CPU time, not the wall clock: on a machine other processes load,
        # preemption would otherwise decide which steps run; on the kiosk, alone on its machine, they agree.
        started = time.thread_time()
        found, failed = self._first_look(gray)
        if found := _trusted(found):
            return self._account(found)
        self._stack.push(gray)
        budget = self.settings.frame_budget_ms
        if budget is not None and (time.thread_time() - started) * 1000 > budget / 2:
            return self._account([])  # the CPU is busy: extras wait for a later frame
        if self._clock() - self._last_found < self.settings.ladder_after_seconds:
            return self._account([])  # a scan just began (or a code was just read): the first look only
        n = self.settings.pyzbar_every_n_frames
        for i, name in enumerate(self._order[1:]):
            # staggered, so two fallbacks never share a frame; on big frames the fallback reads a downscaled
            # copy (ANCHORS §5.4): 3–4× cheaper; the crop steps cover small codes
            if self._misses % n == (n - 1 - i) % n and \
                    (found := _trusted(self.backends[name](fit_width(gray, LIVE_FALLBACK_WIDTH)))):
                return self._account(found)
        look = Look(gray, image if image.ndim == 3 else None, failed, self._stack)
        for ran in range(len(self.steps)):  # never the same step twice on one frame
            name, step = self.steps[self._step % len(self.steps)]
            spent = (time.thread_time() - started) * 1000
            expected = self._cost.get(name, UNMEASURED_STEP_MS)
            if budget is not None and (spent > budget or (ran and spent + expected > budget)):
                break  # it would overrun this frame's budget: it is the first step of the next frame
            self._step += 1
            step_started = time.thread_time()
            found = _trusted(step(look))
            ms = (time.thread_time() - step_started) * 1000
            self._cost[name] = 0.7 * self._cost.get(name, ms) + 0.3 * ms  # what this step costs on this machine
            if found:
                return self._account(found)
        self._guidance.update(assess(gray, look.regions))
        return self._account([])

    def _account(self, found: list[Decoded]) -> list[Decoded]:
        if found:
            self._misses = 0
            self._last_found = self._clock()
            self._step = 0
            self._stack.clear()
            self._guidance.read()
        else:
            self._misses += 1
        return found

    def decode_still(self, image: np.ndarray) -> list[Decoded]:
        """A still image (CLI, document photo): the first look, every backend, then every step, until read."""
        gray = to_gray(image)
        found, failed = self._first_look(gray)
        if found := _trusted(found):
            return found
        for name in self._order[1:]:
            if found := _trusted(self.backends[name](gray)):
                return found
        look = Look(gray, image if image.ndim == 3 else None, failed)
        for _name, step in self.steps:
            if found := _trusted(step(look)):
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
