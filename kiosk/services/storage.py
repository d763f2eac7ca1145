"""StorageService: GUI-thread facade over the StorageWorker (enqueue, lookup, list, requeue, receipts).

Runs on the GUI thread; all SQL happens in the worker's thread. Every ``on_done`` is called on the GUI
thread (queued signal → slot on this QObject), matched to its request by an id.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from offline_queue.storage_worker import (
    Counts,
    Enqueue,
    EnqueueOutcome,
    ListSubmissions,
    Lookup,
    MarkReceipt,
    ReceiptSource,
    ReceiptsToReprint,
    Requeue,
    StorageRequest,
)

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)

__all__ = ["Callbacks", "EnqueueOutcome", "StorageService"]  # EnqueueOutcome: what screens are handed


class Callbacks:
    """request id → callback; used by every queue facade."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self._pending: dict[int, Callable[[Any], None] | None] = {}

    def add(self, callback: Callable[[Any], None] | None) -> int:
        request_id = next(self._ids)
        self._pending[request_id] = callback
        return request_id

    def resolve(self, request_id: int, result: Any) -> None:
        callback = self._pending.pop(request_id, None)
        if callback is None:
            return
        try:
            callback(result)
        except Exception:  # a screen's bug must not break the facade for everyone else
            log.exception("callback for request %d failed", request_id)

    def __len__(self) -> int:
        return len(self._pending)


class StorageService(QObject):
    _request = Signal(int, object)
    enqueued = Signal(str, str)  # uuid, local_ref (GUI thread); SyncService listens

    def __init__(self, config: Any, data_dir: Path, threads: Any, bus: Any = None,
                 max_page_count: int | None = None) -> None:
        super().__init__()
        self._config, self._data_dir, self._threads, self._bus = config, Path(data_dir), threads, bus
        self._max_page_count = max_page_count
        self._calls = Callbacks()
        self.worker = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> StorageService:
        return cls(ctx.config, ctx.data_dir, ctx.threads, ctx.bus)

    def start(self) -> None:
        from offline_queue.storage_worker import StorageWorker

        self.worker = StorageWorker(self._config, self._data_dir, self._max_page_count)
        self._request.connect(self.worker.handle)
        self.worker.done.connect(self._on_done)
        self.worker.enqueued.connect(self.enqueued)
        self._threads.start(self.worker, "storage")

    @Slot(int, object)
    def _on_done(self, request_id: int, result: Any) -> None:
        self._calls.resolve(request_id, result)

    def _ask(self, request: StorageRequest, on_done: Callable[[Any], None] | None) -> int:
        request_id = self._calls.add(on_done)
        self._request.emit(request_id, request)
        return request_id

    # -- public API -----------------------------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict, personal: dict | None = None, attachments: Iterable[Any] = (),
                on_done: Callable[[EnqueueOutcome], None] | None = None, schema_version: int = 1) -> int:
        """Commit a submission. ``on_done(EnqueueOutcome)``: ``ok``, ``uuid``, ``local_ref``, ``error_code``.

        ``attachments``: ``AttachmentIn(name, content_type, data)`` or ``(name, content_type, data)`` tuples.
        """
        return self._ask(Enqueue(kind, payload, personal, tuple(attachments), schema_version), on_done)

    def lookup(self, reference: str, on_done: Callable[[Any], None]) -> int:
        """``on_done(SubmissionView | None)`` by local ref, hub ref or UUID."""
        return self._ask(Lookup(reference), on_done)

    def requeue(self, uuid: str, on_done: Callable[[Any], None] | None = None) -> int:
        """``on_done(SubmissionView | None)``; the row is ``queued`` again if it was rejected or waiting."""
        return self._ask(Requeue(uuid), on_done)

    def list_submissions(self, status: str | None, on_done: Callable[[Any], None], limit: int = 200) -> int:
        """``on_done(list[SubmissionView])`` oldest first."""
        return self._ask(ListSubmissions(status, limit), lambda rows: on_done(rows or []))

    def receipts_to_reprint(self, on_done: Callable[[Any], None], limit: int = 100) -> int:
        """``on_done(list[SubmissionView])``: receipts that failed to print, oldest first."""
        return self._ask(ReceiptsToReprint(limit), lambda rows: on_done(rows or []))

    def receipt_source(self, uuid: str, on_done: Callable[[Any], None]) -> int:
        """``on_done(dict | None)``: kind, local_ref, server_ref, status, created_at, non-personal payload."""
        return self._ask(ReceiptSource(uuid), on_done)

    def mark_receipt(self, uuid: str, printed: bool, on_done: Callable[[Any], None] | None = None) -> int:
        """Record whether the receipt printed (an operator can reprint from the list)."""
        return self._ask(MarkReceipt(uuid, printed), on_done)

    def counts(self, on_done: Callable[[Any], None]) -> int:
        return self._ask(Counts(), on_done)
