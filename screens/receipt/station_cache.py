"""What this station last heard from the hub, kept across visits and restarts: the payee (for "pay later")
and the last answer per dossier reference (for tracking while offline).

``read_cached_payee``/``load_cache``/``save_cache`` are plain file functions (CLI, worker thread).
``StationCache`` (``ctx.services.station_cache``, built by the app) is the GUI-thread facade over a tiny worker
thread doing that file I/O, so the GUI thread never touches disk. The enrolment (the hub's token file, owned by
the queue) is read through the ``enrolment`` function the app hands over (kiosk.services.hub.enrolment_reader).
Nothing personal is kept: the ward's public fee account, and per reference only the status, its history and
the fee.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from core.threads import ThreadOwner, Worker
from kiosk.services.storage import Callbacks
from screens.payment.model import Payee, payee_from
from screens.tracking.model import TrackingCache, TrackingView, view_from_json, view_to_json

log = logging.getLogger(__name__)
Enrolment = Callable[[], "dict[str, Any] | None"]  # the saved enrolment (token file), None when not enrolled
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


def read_cached_payee(data_dir: Path, enrolment: Enrolment) -> Payee | None:
    """The payee of the last hub answer, else the one from enrolment (in the token file), else None."""
    payee = payee_from(load_cache(data_dir).get("payee"))
    if payee is not None:
        return payee
    saved = enrolment()
    return payee_from(saved.get("payee")) if saved else None


def write_cached_payee(data_dir: Path, payee: Payee) -> None:
    doc = load_cache(data_dir)
    doc["payee"] = payee.as_json()
    save_cache(data_dir, doc)


class StationCacheWorker(Worker):
    loaded = Signal(object, object)  # Payee | None, list of TrackingView (oldest first)
    payee_read = Signal(int, object)  # request id, Payee | None

    def __init__(self, data_dir: Path, enrolment: Enrolment) -> None:
        super().__init__()
        self._data_dir, self._enrolment = Path(data_dir), enrolment

    def on_start(self) -> None:
        try:
            doc = load_cache(self._data_dir)
            views = [v for v in (view_from_json(d) for d in doc.get("tracking") or []) if v is not None]
            self.loaded.emit(read_cached_payee(self._data_dir, self._enrolment), views)
        except Exception:  # a broken cache must not break tracking or payments
            log.exception("station cache unreadable")
            self.loaded.emit(None, [])

    @Slot(int)
    def read_payee(self, request_id: int) -> None:
        """Read now: the kiosk may have enrolled (and got its payee) since the cache was loaded."""
        try:
            payee = read_cached_payee(self._data_dir, self._enrolment)
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

    def __init__(self, data_dir: Path, threads: ThreadOwner, enrolment: Enrolment) -> None:
        super().__init__()
        self._data_dir, self._threads, self._enrolment = Path(data_dir), threads, enrolment
        self.payee: Payee | None = None
        self.tracking = TrackingCache()
        self._worker: StationCacheWorker | None = None
        self._calls = Callbacks()

    def start(self) -> None:
        if self._worker is not None:
            return
        self._worker = StationCacheWorker(self._data_dir, self._enrolment)
        self._worker.loaded.connect(self._loaded)
        self._worker.payee_read.connect(self._payee_read)
        self._save.connect(self._worker.save)
        self._read_payee.connect(self._worker.read_payee)
        self._threads.start(self._worker, "station-cache")

    def fetch_payee(self, on_done: Callable[[Payee | None], None]) -> None:
        """``on_done(payee or None)`` on the GUI thread: the last payee the hub gave this station."""
        self.start()
        self._read_payee.emit(self._calls.add(on_done))

    @Slot(int, object)
    def _payee_read(self, request_id: int, payee: Payee | None) -> None:
        self._calls.resolve(request_id, payee or self.payee)

    def remember_payee(self, payee: Payee | None) -> None:
        if payee is None or (payee == self.payee and payee.signed == self.payee.signed):
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

