"""Receipts drawn and encoded in a helper process, so the kiosk's GUI thread keeps the GIL while one prints.

Pillow draws text (and segno builds QR codes) while holding the GIL: ~10–15 ms of CPU per receipt that the
GUI thread cannot interrupt, which showed as 50–280 ms event-loop stalls with the printer busy (issue 12).
The printer worker hands the receipt (a frozen dataclass, pickled) to one spawned process and waits for the
bytes, blocked without the GIL. The bytes are exactly what :func:`devices.printer.encode.render_bytes` makes
in-process, which stays the fallback: when the helper cannot start or dies, the receipt is still printed.
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from devices.printer.encode import render_bytes
from devices.printer.receipt import Receipt

log = logging.getLogger(__name__)

RENDER_TIMEOUT_SECONDS = 30.0  # a receipt takes milliseconds; only a wedged helper gets near this


def _warm_up() -> None:
    """Runs in the helper as it starts: the imports and fonts the first receipt needs, before it is asked."""
    from devices.printer import raster

    raster.style_font("body")


class RenderPool:
    """One helper process that renders receipts to printer bytes. Used from one thread (the printer worker)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._failed = False  # the helper could not start or died twice: render in-process from now on

    def start(self) -> None:
        """Spawn the helper now (not at the first receipt): it imports Pillow and python-escpos, ~0.5 s."""
        if self._pool is not None or self._failed:
            return
        try:
            # spawn, not fork: forking a process that runs Qt threads copies locks held by other threads
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm_up)
            self._pool.submit(int)  # makes the pool start its process
        except (OSError, RuntimeError) as exc:
            log.warning("receipt render helper did not start (%s): rendering in-process", type(exc).__name__)
            self._pool, self._failed = None, True

    def render(self, receipt: Receipt, **options: Any) -> bytes:
        """The printer bytes of ``receipt`` (``options`` as :func:`render_bytes`); errors of the layout propagate."""
        for attempt in (1, 2):
            self.start()
            if self._pool is None:
                break
            try:
                future: Future[bytes] = self._pool.submit(render_bytes, receipt, **options)
                return future.result(timeout=RENDER_TIMEOUT_SECONDS)
            except (BrokenProcessPool, TimeoutError) as exc:
                log.warning("receipt render helper failed (%s), attempt %d", type(exc).__name__, attempt)
                self.close(wait=False)
                self._failed = attempt == 2
        return render_bytes(receipt, **options)

    def close(self, wait: bool = True) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)
