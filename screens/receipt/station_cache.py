"""What this station last heard from the hub, kept across visits and restarts: the payee (for "pay later")
and the last answer per dossier reference (for tracking while offline).

``read_cached_payee``/``load_cache``/``save_cache`` are plain file functions (CLI, worker thread).
``StationCache`` (``station_cache_for(ctx)``) is the GUI-thread facade over a tiny worker thread doing that
file I/O, so the GUI thread never touches disk. Nothing personal is kept: the ward's public fee account, and
per reference only the status, its history and the fee.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from core.threads import Worker
from kiosk.services.storage import Callbacks
from screens.payment.model import Payee, payee_from
from screens.tracking.model import TrackingCache, TrackingView, view_from_json, view_to_json

log = logging.getLogger(__name__)
CACHE_FILE = "station_cache.json"


def load_cache(data_dir: Path) -> dict[str, Any]:
    try:
        doc = json.loads((Path(data_dir) / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def save_cache(data_dir: Path, doc: dict[str, Any]) -> None:
    """Atomically, mode 0600."""
    path = Path(data_dir) / CACHE_FILE
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, json.dumps(doc, ensure_ascii=False).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def read_cached_payee(config: Any, data_dir: Path) -> Payee | None:
    """The payee of the last hub answer, else the one from enrolment (in the token file), else None."""
    payee = payee_from(load_cache(data_dir).get("payee"))
    if payee is not None:
        return payee
    from offline_queue.runtime import load_token, queue_paths

    saved = load_token(queue_paths(config, Path(data_dir)).token)
    return payee_from(saved.get("payee")) if saved else None


def write_cached_payee(data_dir: Path, payee: Payee) -> None:
    doc = load_cache(data_dir)
    doc["payee"] = payee.as_json()
    save_cache(data_dir, doc)


class StationCacheWorker(Worker):
    loaded = Signal(object, object)  # Payee | None, list of TrackingView (oldest first)
    payee_read = Signal(int, object)  # request id, Payee | None

    def __init__(self, config: Any, data_dir: Path) -> None:
        super().__init__()
        self._config, self._data_dir = config, Path(data_dir)

    def on_start(self) -> None:
        try:
            doc = load_cache(self._data_dir)
            views = [v for v in (view_from_json(d) for d in doc.get("tracking") or []) if v is not None]
            self.loaded.emit(read_cached_payee(self._config, self._data_dir), views)
        except Exception:  # a broken cache must not break tracking or payments
            log.exception("station cache unreadable")
            self.loaded.emit(None, [])

    @Slot(int)
    def read_payee(self, request_id: int) -> None:
        """Read now: the kiosk may have enrolled (and got its payee) since the cache was loaded."""
        try:
            payee = read_cached_payee(self._config, self._data_dir)
        except Exception:
            log.exception("station cache unreadable")
            payee = None
        self.payee_read.emit(request_id, payee)

    @Slot(object)
    def save(self, doc: dict[str, Any]) -> None:
        try:
            save_cache(self._data_dir, doc)
        except OSError as exc:
            log.warning("station cache not written: %s", type(exc).__name__)


class StationCache(QObject):
    """``payee`` (None until known) and ``tracking`` (the last hub answer per reference)."""

    _save = Signal(object)
    _read_payee = Signal(int)

    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self._ctx = ctx
        self.payee: Payee | None = None
        self.tracking = TrackingCache()
        self._worker: StationCacheWorker | None = None
        self._calls = Callbacks()

    def start(self) -> None:
        if self._worker is not None:
            return
        self._worker = StationCacheWorker(self._ctx.config, self._ctx.data_dir)
        self._worker.loaded.connect(self._loaded)
        self._worker.payee_read.connect(self._payee_read)
        self._save.connect(self._worker.save)
        self._read_payee.connect(self._worker.read_payee)
        self._ctx.threads.start(self._worker, "station-cache")

    def fetch_payee(self, on_done: Callable[[Payee | None], None]) -> None:
        """``on_done(payee or None)`` on the GUI thread: the last payee the hub gave this station."""
        self.start()
        self._read_payee.emit(self._calls.add(on_done))

    @Slot(int, object)
    def _payee_read(self, request_id: int, payee: Payee | None) -> None:
        self._calls.resolve(request_id, payee or self.payee)

    def remember_payee(self, payee: Payee | None) -> None:
        if payee is None or payee == self.payee:
            return
        self.payee = payee
        self._persist()

    def remember_view(self, view: TrackingView) -> None:
        if view.state != "hub":
            return
        self.tracking.put(view)
        self._persist()

    def _persist(self) -> None:
        self.start()
        doc = {"payee": self.payee.as_json() if self.payee else None,
               "tracking": [view_to_json(v) for v in self.tracking.views()]}
        self._save.emit(doc)

    @Slot(object, object)
    def _loaded(self, payee: Payee | None, views: list[TrackingView]) -> None:
        if self.payee is None:  # an answer from the hub that came meanwhile is newer
            self.payee = payee
        newer = self.tracking.views()
        for view in views:
            self.tracking.put(view)
        for view in newer:
            self.tracking.put(view)


def station_cache_for(ctx: Any) -> StationCache:
    """The app's station cache (created and started on first use, kept on the context)."""
    cache = getattr(ctx, "_station_cache", None)
    if cache is None:
        cache = ctx._station_cache = StationCache(ctx)
        cache.start()
    return cache
