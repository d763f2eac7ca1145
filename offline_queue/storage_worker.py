"""StorageWorker: the queue's SQL for the GUI (enqueue, lookup, list, requeue, receipts), in its own thread.

Runs in its own QThread (started by kiosk.services.storage.StorageService); owns its own engine/store.
Every request carries an id and is answered by ``done(id, result)``; nothing raises into Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot

from core.threads import Worker
from offline_queue.records import AttachmentIn

if TYPE_CHECKING:
    from offline_queue.store import QueueStore

# offline_queue.store (SQLAlchemy) is imported in the worker's own thread, so the kiosk's GUI thread
# does not pay for it at start-up.

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EnqueueOutcome:
    """What ``StorageService.enqueue`` hands to its callback."""

    ok: bool
    uuid: str | None = None
    local_ref: str | None = None
    error_code: str | None = None  # invalid | disk_full | storage_error | not_started


# One request type per operation: the worker matches on the type, so a misspelt operation is a type error.
@dataclass(frozen=True)
class Enqueue:
    kind: str
    payload: dict[str, Any]
    personal: dict[str, Any] | None = None
    attachments: tuple[Any, ...] = ()  # AttachmentIn or (name, content_type, data)
    schema_version: int = 1


@dataclass(frozen=True)
class Lookup:
    reference: str  # local ref, hub ref or UUID


@dataclass(frozen=True)
class ListSubmissions:
    status: str | None
    limit: int = 200


@dataclass(frozen=True)
class ReceiptsToReprint:
    limit: int = 100


@dataclass(frozen=True)
class ReceiptSource:
    uuid: str


@dataclass(frozen=True)
class Requeue:
    reference: str


@dataclass(frozen=True)
class MarkReceipt:
    uuid: str
    printed: bool


@dataclass(frozen=True)
class Counts:
    pass


StorageRequest = Enqueue | Lookup | ListSubmissions | ReceiptsToReprint | ReceiptSource | Requeue | MarkReceipt | Counts


class StorageWorker(Worker):
    done = Signal(int, object)  # request id, result
    enqueued = Signal(str, str)  # uuid, local_ref: the sync worker sends soon after

    def __init__(self, config: Any, data_dir: Path, max_page_count: int | None = None) -> None:
        super().__init__()
        self._config, self._data_dir, self._max_page_count = config, data_dir, max_page_count
        self.store: QueueStore | None = None

    def on_start(self) -> None:
        from offline_queue.runtime import open_store

        self.store = open_store(self._config, self._data_dir, max_page_count=self._max_page_count)

    def on_stop(self) -> None:
        if self.store is not None:
            self.store.engine.dispose()
            self.store = None

    @Slot(int, object)
    def handle(self, request_id: int, request: StorageRequest) -> None:
        try:
            result = self._run(request)
        except Exception as exc:
            log.exception("storage request %s failed", type(request).__name__)
            from offline_queue.store import storage_error_code

            result = EnqueueOutcome(False, error_code=storage_error_code(exc)) if isinstance(request, Enqueue) else None
        self.done.emit(request_id, result)

    def _run(self, request: StorageRequest) -> object:
        match request:
            case Enqueue():
                return self._enqueue(request)
            case Lookup(reference):
                return self._require().lookup(reference)
            case ListSubmissions(status, limit):
                return self._require().list(status, limit)
            case ReceiptsToReprint(limit):
                return self._require().receipts_to_reprint(limit)
            case ReceiptSource(uuid):
                return self._require().receipt_source(uuid)
            case Requeue(reference):
                return self._require().requeue(reference)
            case MarkReceipt(uuid, printed):
                return self._require().mark_receipt(uuid, printed)
            case Counts():
                return self._require().counts()
        raise TypeError(f"not a storage request: {type(request).__name__}")

    def _require(self) -> QueueStore:
        if self.store is None:
            raise RuntimeError("storage not started")
        return self.store

    def _enqueue(self, request: Enqueue) -> EnqueueOutcome:
        if self.store is None:
            return EnqueueOutcome(False, error_code="not_started")
        from offline_queue.store import InvalidSubmission, StorageError, storage_error_code

        kind = request.kind
        files = [a if isinstance(a, AttachmentIn) else AttachmentIn(*a) for a in request.attachments]
        try:
            res = self.store.enqueue(kind, request.payload, request.personal, files, request.schema_version)
        except (InvalidSubmission, StorageError) as exc:
            log.error("enqueue of a %s failed: %s", kind, type(exc).__name__)
            return EnqueueOutcome(False, error_code=storage_error_code(exc))
        log.info("submission %s queued as %s", res.uuid, res.local_ref)
        self.enqueued.emit(res.uuid, res.local_ref)
        return EnqueueOutcome(True, res.uuid, res.local_ref)
