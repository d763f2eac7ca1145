"""The last payee the hub gave this station (enrolment answer or a payment), for "pay later" when offline.

``read_cached_payee``/``write_cached_payee`` are plain file functions (CLI, worker thread). ``PayeeCache`` is
the GUI-thread facade over a tiny worker thread that does that file I/O, so the GUI thread never touches disk.
The file holds no personal data: it is the ward's public fee account.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.threads import Worker
from screens.payment.model import Payee, payee_from

log = logging.getLogger(__name__)
CACHE_FILE = "payee_cache.json"


def read_cached_payee(config: Any, data_dir: Path) -> Payee | None:
    """The payee of the last hub answer, else the one from enrolment (in the token file), else None."""
    try:
        doc = json.loads((Path(data_dir) / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        doc = None
    payee = payee_from(doc)
    if payee is not None:
        return payee
    from offline_queue.runtime import load_token, queue_paths

    saved = load_token(queue_paths(config, Path(data_dir)).token)
    return payee_from(saved.get("payee")) if saved else None


def write_cached_payee(data_dir: Path, payee: Payee) -> None:
    path = Path(data_dir) / CACHE_FILE
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, json.dumps(payee.as_json(), ensure_ascii=False).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


class PayeeWorker(Worker):
    loaded = Signal(object)  # Payee | None

    def __init__(self, config: Any, data_dir: Path) -> None:
        super().__init__()
        self._config, self._data_dir = config, Path(data_dir)

    def on_start(self) -> None:
        self.load()

    @Slot()
    def load(self) -> None:
        try:
            self.loaded.emit(read_cached_payee(self._config, self._data_dir))
        except Exception:  # a broken cache must not break payments
            log.exception("payee cache unreadable")
            self.loaded.emit(None)

    @Slot(object)
    def save(self, payee: Payee) -> None:
        try:
            write_cached_payee(self._data_dir, payee)
        except OSError as exc:
            log.warning("payee cache not written: %s", type(exc).__name__)


class PayeeCache(QObject):
    """``payee``: the latest known payee (None until loaded). ``remember(payee)`` after every hub answer."""

    _save = Signal(object)

    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self._ctx = ctx
        self.payee: Payee | None = None
        self._worker: PayeeWorker | None = None

    def start(self) -> None:
        if self._worker is not None:
            return
        self._worker = PayeeWorker(self._ctx.config, self._ctx.data_dir)
        self._worker.loaded.connect(self._loaded)
        self._save.connect(self._worker.save)
        self._ctx.threads.start(self._worker, "payee-cache")

    def remember(self, payee: Payee | None) -> None:
        if payee is None or payee == self.payee:
            return
        self.payee = payee
        self.start()
        self._save.emit(payee)

    @Slot(object)
    def _loaded(self, payee: Payee | None) -> None:
        if self.payee is None:  # an answer from the hub that came meanwhile is newer
            self.payee = payee
