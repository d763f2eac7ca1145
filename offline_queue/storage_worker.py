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

    @Slot(int, str, object)
    def handle(self, request_id: int, op: str, args: object) -> None:
        try:
            result = getattr(self, f"_op_{op}")(*args)
        except Exception as exc:
            log.exception("storage request %s failed", op)
            from offline_queue.store import storage_error_code

            result = EnqueueOutcome(False, error_code=storage_error_code(exc)) if op == "enqueue" else None
        self.done.emit(request_id, result)

    def _require(self) -> QueueStore:
        if self.store is None:
            raise RuntimeError("storage not started")
        return self.store

    def _op_enqueue(self, kind: str, payload: dict[str, Any], personal: dict | None, attachments: list,
                    schema_version: int) -> EnqueueOutcome:
        if self.store is None:
            return EnqueueOutcome(False, error_code="not_started")
        from offline_queue.store import InvalidSubmission, StorageError, storage_error_code

        files = [a if isinstance(a, AttachmentIn) else AttachmentIn(*a) for a in attachments or ()]
        try:
            res = self.store.enqueue(kind, payload, personal, files, schema_version)
        except (InvalidSubmission, StorageError) as exc:
            log.error("enqueue of a %s failed: %s", kind, type(exc).__name__)
            return EnqueueOutcome(False, error_code=storage_error_code(exc))
        log.info("submission %s queued as %s", res.uuid, res.local_ref)
        self.enqueued.emit(res.uuid, res.local_ref)
        return EnqueueOutcome(True, res.uuid, res.local_ref)

    def _op_lookup(self, reference: str):
        return self._require().lookup(reference)

    def _op_list(self, status: str | None, limit: int):
        return self._require().list(status, limit)

    def _op_receipts_to_reprint(self, limit: int):
        return self._require().receipts_to_reprint(limit)

    def _op_receipt_source(self, sid: str):
        return self._require().receipt_source(sid)

    def _op_requeue(self, reference: str):
        return self._require().requeue(reference)

    def _op_mark_receipt(self, uuid: str, printed: bool) -> bool:
        return self._require().mark_receipt(uuid, printed)

    def _op_counts(self) -> dict[str, int]:
        return self._require().counts()
