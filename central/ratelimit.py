"""Per-kiosk limits on dossier look-ups (tracking): a stolen or scripted kiosk token cannot walk the reference
space. In-process (a deque of times per kiosk, under a lock: handlers run in the thread pool); with several hub
processes each counts on its own, so the fleet-wide rate is at most processes x the limit."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from central.problems import Problem


class TrackingLimit:
    def __init__(self, per_minute: int = 60, misses_per_10_min: int = 20,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute, self.misses = per_minute, misses_per_10_min
        self._clock = clock
        self._lock = threading.Lock()
        self._looks: dict[str, deque[float]] = defaultdict(deque)
        self._missed: dict[str, deque[float]] = defaultdict(deque)

    @staticmethod
    def _trim(times: deque[float], now: float, window: float) -> None:
        while times and times[0] <= now - window:
            times.popleft()

    def check(self, kiosk_id: str) -> None:
        """Count one look-up; 429 with Retry-After when the kiosk is over either limit."""
        now = self._clock()
        with self._lock:
            looks, missed = self._looks[kiosk_id], self._missed[kiosk_id]
            self._trim(looks, now, 60.0)
            self._trim(missed, now, 600.0)
            if len(missed) >= self.misses:
                wait = missed[0] + 600.0 - now
            elif len(looks) >= self.per_minute:
                wait = looks[0] + 60.0 - now
            else:
                looks.append(now)
                return
        raise Problem(429, "too-many-lookups", "Too Many Requests", "Too many dossier look-ups from this kiosk.",
                      headers={"Retry-After": str(max(1, int(wait) + 1))})

    def miss(self, kiosk_id: str) -> None:
        """A look-up found nothing (guessing looks like this)."""
        with self._lock:
            self._missed[kiosk_id].append(self._clock())
