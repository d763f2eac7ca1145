"""The queue store: durable enqueue, claim, per-item outcomes, recovery, counts, operator actions, export.

Used by whichever thread owns it (StorageWorker, SyncWorker, CLI); one store per thread, each with its own
engine. Every write is one short ``BEGIN IMMEDIATE`` transaction; nothing is held across network I/O.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import re
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import Engine, delete, func, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from offline_queue.crypto import Cipher
from offline_queue.db import writer
from offline_queue.models import STATUSES, UNSENT, Attachment, Submission, SyncMeta
from offline_queue.records import (
    AttachmentIn,
    AttachmentRef,
    EnqueueResult,
    Outcome,
    OutgoingItem,
    Rejected,
    Released,
    Retry,
    Sent,
    SubmissionView,
)

Clock = Callable[[], datetime]
ATTACHMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
KIND = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
STATION = re.compile(r"^[A-Z0-9]{1,12}$")
MAX_ERROR = 500


_NEXT_SEQ = ("INSERT INTO daily_sequences (station_code, day, last) VALUES (?, ?, 1) "
             "ON CONFLICT (station_code, day) DO UPDATE SET last = last + 1 RETURNING last")
_INSERT_SUB = ("INSERT INTO submissions (id, local_ref, kind, schema_version, payload, personal, status, attempts, "
               "next_attempt_at, created_at, updated_at, receipt_status) "
               "VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, 'pending')")
_INSERT_ATT = ("INSERT INTO attachments (submission_id, name, content_type, sha256, size, data) "
               "VALUES (?, ?, ?, ?, ?, ?)")


def sqlite_time(value: datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores (naive UTC), for the plain DB-API hot path."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def utcnow() -> datetime:
    return datetime.now(UTC)


class InvalidSubmission(ValueError):
    """The caller handed the queue something it must not store (a programming error, never resident input)."""


class StorageError(RuntimeError):
    """The database refused a write (disk full, locked, read-only); ``code`` is ``disk_full`` or ``storage_error``."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def storage_error_code(exc: BaseException) -> str:
    """A code the screens translate (never the raw message: it could carry data)."""
    if isinstance(exc, InvalidSubmission):
        return "invalid"
    if isinstance(exc, StorageError):
        return exc.code
    text = str(exc).lower()
    if "full" in text or "no space" in text or (isinstance(exc, OSError) and exc.errno == 28):
        return "disk_full"
    return "storage_error"


def format_local_ref(station: str, day: str, seq: int) -> str:
    return f"{station}-{day}-{seq:04d}"


class QueueStore:
    def __init__(self, engine: Engine, cipher: Cipher, station_code: str = "BN01", clock: Clock = utcnow,
                 tz: tzinfo | None = None) -> None:
        station = station_code.upper()
        if not STATION.match(station):
            raise InvalidSubmission(f"station code must be letters/digits, got {station_code!r}")
        self.engine, self._writer, self.cipher = engine, writer(engine), cipher
        self.station, self.clock, self.tz = station, clock, tz

    # -- enqueue --------------------------------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict[str, Any], personal: dict[str, Any] | None = None,
                attachments: Iterable[AttachmentIn] = (), schema_version: int = 1) -> EnqueueResult:
        """Commit one submission durably (fsync'd WAL) and return its UUID and local reference."""
        if not isinstance(kind, str) or not KIND.match(kind):
            raise InvalidSubmission(f"bad kind {kind!r}")
        if not isinstance(payload, dict) or (personal is not None and not isinstance(personal, dict)):
            raise InvalidSubmission("payload and personal must be dicts")
        if "personal" in payload:  # the hub receives the personal fields under this key
            raise InvalidSubmission("payload must not have a 'personal' key; pass personal fields separately")
        try:
            payload_text = json.dumps(payload, ensure_ascii=False, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise InvalidSubmission(f"payload is not JSON: {exc}") from exc
        files = list(attachments)
        names = [a.name for a in files]
        if len(set(names)) != len(names) or not all(ATTACHMENT_NAME.match(n) for n in names):
            raise InvalidSubmission("attachment names must be unique and [A-Za-z0-9._-]")
        sid = str(uuidlib.uuid4())
        try:
            personal_blob = self.cipher.encrypt_json(personal, sid) if personal else None
        except (TypeError, ValueError) as exc:
            raise InvalidSubmission(f"personal fields are not JSON: {exc}") from exc
        now = self.clock()
        day = now.astimezone(self.tz).strftime("%y%m%d")
        stamp = sqlite_time(now)
        # Plain DB-API statements inside the SQLAlchemy transaction: enqueue is the hot path (bench/queue.py)
        # and the statement layer costs more than the fsync'd commit on a fast disk.
        try:
            with self._writer.begin() as conn:
                driver = conn.connection.driver_connection
                assert driver is not None
                cur = driver.cursor()
                # The sequence is allocated in the same transaction as the insert: no gaps, no reuse after a crash.
                seq = cur.execute(_NEXT_SEQ, (self.station, day)).fetchone()[0]
                ref = format_local_ref(self.station, day, seq)
                cur.execute(_INSERT_SUB, (sid, ref, kind, schema_version, payload_text, personal_blob,
                                          stamp, stamp, stamp))
                if files:
                    cur.executemany(_INSERT_ATT, [
                        (sid, a.name, a.content_type, hashlib.sha256(a.data).hexdigest(), len(a.data),
                         self.cipher.encrypt(a.data, f"{sid}/{a.name}")) for a in files])
                cur.close()
        except (sqlite3.Error, SQLAlchemyError, OSError) as exc:
            raise StorageError(f"{type(exc).__name__}: {exc}", storage_error_code(exc)) from exc
        return EnqueueResult(sid, ref, now)

    # -- sync side ------------------------------------------------------------------------------------------

    def claim_due(self, limit: int, force: bool = False) -> list[OutgoingItem]:
        """Mark up to ``limit`` due rows ``sending`` (oldest first) and commit before any I/O happens."""
        now = self.clock()
        with Session(self._writer, expire_on_commit=False) as s, s.begin():
            q = select(Submission).where(Submission.status.in_(("queued", "retry")))
            if not force:
                q = q.where(or_(Submission.next_attempt_at.is_(None), Submission.next_attempt_at <= now))
            rows = s.scalars(q.order_by(Submission.created_at, Submission.id).limit(limit)
                             .options(selectinload(Submission.attachments))).all()
            for row in rows:
                row.status, row.last_attempt_at, row.updated_at = "sending", now, now
            return [self._outgoing(row) for row in rows]

    def _outgoing(self, row: Submission) -> OutgoingItem:
        payload = json.loads(row.payload)
        if row.personal:
            payload["personal"] = self.cipher.decrypt_json(row.personal, row.id)
        refs = tuple(AttachmentRef(a.name, a.content_type, a.sha256, a.size, a.uploaded_at is not None)
                     for a in row.attachments)
        return OutgoingItem(row.id, row.kind, row.schema_version, row.created_at, row.local_ref, payload, refs,
                            row.server_ref, row.attempts)

    def attachment_bytes(self, sid: str, name: str) -> bytes:
        with Session(self.engine) as s:
            blob = s.scalar(select(Attachment.data).where(Attachment.submission_id == sid, Attachment.name == name))
        if blob is None:
            raise KeyError(f"{sid}/{name}")
        return self.cipher.decrypt(blob, f"{sid}/{name}")

    def mark_attachment_uploaded(self, sid: str, name: str, reference: str | None) -> None:
        now = self.clock()
        with Session(self._writer) as s, s.begin():
            s.execute(update(Attachment).where(Attachment.submission_id == sid, Attachment.name == name)
                      .values(uploaded_at=now))
            if reference:
                s.execute(update(Submission).where(Submission.id == sid).values(server_ref=reference, updated_at=now))

    def record(self, outcomes: Iterable[Outcome], backoff: Callable[[int], float]) -> None:
        """Apply per-item outcomes in one transaction. ``backoff(attempts_so_far)`` gives a retry delay (s)."""
        now = self.clock()
        outcomes = list(outcomes)
        if not outcomes:
            return
        with Session(self._writer) as s, s.begin():
            rows = {r.id: r for r in s.scalars(select(Submission).where(
                Submission.id.in_([o.id for o in outcomes])))}
            for o in outcomes:
                row = rows.get(o.id)
                if row is None or row.status == "sent":
                    continue  # purged, or already recorded by an earlier run: nothing to downgrade
                row.updated_at = now
                if isinstance(o, Sent):
                    row.status, row.sent_at, row.server_ref = "sent", now, o.reference or row.server_ref
                    row.last_error, row.next_attempt_at = None, None
                    continue
                text = o.reason if isinstance(o, Rejected) else o.error
                row.last_error, row.last_http_status = text[:MAX_ERROR], o.http_status
                if isinstance(o, Retry):
                    delay = max(backoff(row.attempts), o.min_delay)
                    row.status, row.attempts = "retry", row.attempts + 1
                    row.next_attempt_at = now + timedelta(seconds=delay)
                elif isinstance(o, Rejected):
                    row.status, row.attempts, row.next_attempt_at = "rejected", row.attempts + 1, None
                elif isinstance(o, Released):
                    row.status, row.next_attempt_at = "queued", now

    def recover_inflight(self) -> int:
        """Rows left ``sending`` by a process that died mid-send become ``retry`` (due now)."""
        now = self.clock()
        with Session(self._writer) as s, s.begin():
            result = s.execute(update(Submission).where(Submission.status == "sending").values(
                status="retry", next_attempt_at=now, updated_at=now,
                last_error="interrupted while sending (restart)"))
            return int(getattr(result, "rowcount", 0) or 0)

    def purge_sent(self, retention: timedelta) -> int:
        """Delete sent rows (personal data and photos with them) older than ``retention``."""
        cutoff = self.clock() - retention
        with Session(self._writer) as s, s.begin():
            ids = s.scalars(select(Submission.id).where(Submission.status == "sent", Submission.sent_at < cutoff)).all()
            if ids:
                s.execute(delete(Attachment).where(Attachment.submission_id.in_(ids)))
                s.execute(delete(Submission).where(Submission.id.in_(ids)))
            return len(ids)

    def next_due_at(self) -> datetime | None:
        with Session(self.engine) as s:
            return s.scalar(select(func.min(Submission.next_attempt_at)).where(
                Submission.status.in_(("queued", "retry"))))

    # -- reading --------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with Session(self.engine) as s:
            found = dict(s.execute(select(Submission.status, func.count()).group_by(Submission.status)).all())
        return {status: int(found.get(status, 0)) for status in STATUSES}

    def oldest_unsent_age(self) -> float | None:
        with Session(self.engine) as s:
            oldest = s.scalar(select(func.min(Submission.created_at)).where(Submission.status.in_(UNSENT)))
        if oldest is None:
            return None
        return max(0.0, (self.clock() - _aware(oldest)).total_seconds())

    def lookup(self, reference: str) -> SubmissionView | None:
        """By local reference, hub reference or UUID."""
        reference = (reference or "").strip()
        if not reference:
            return None
        with Session(self.engine) as s:
            row = s.scalars(select(Submission).where(or_(
                Submission.local_ref == reference.upper(), Submission.server_ref == reference.upper(),
                Submission.id == reference.lower())).options(selectinload(Submission.attachments))).first()
            return _view(row) if row else None

    def list(self, status: str | None = None, limit: int = 100) -> list[SubmissionView]:
        if status is not None and status not in STATUSES:
            raise InvalidSubmission(f"unknown status {status!r}")
        with Session(self.engine) as s:
            q = select(Submission).options(selectinload(Submission.attachments))
            if status:
                q = q.where(Submission.status == status)
            rows = s.scalars(q.order_by(Submission.created_at, Submission.id).limit(limit)).all()
            return [_view(r) for r in rows]

    def export(self, include_personal: bool = False, status: str | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts for operators; personal fields only when explicitly asked for."""
        with Session(self.engine) as s:
            q = select(Submission).options(selectinload(Submission.attachments)).order_by(Submission.created_at)
            if status:
                q = q.where(Submission.status == status)
            for row in s.scalars(q):
                out = _view(row).to_dict()
                out["schema_version"] = row.schema_version
                out["payload"] = json.loads(row.payload)
                out["attachments"] = [{"name": a.name, "content_type": a.content_type, "sha256": a.sha256,
                                       "size": a.size} for a in row.attachments]
                if include_personal:
                    out["personal"] = self.cipher.decrypt_json(row.personal, row.id) if row.personal else None
                yield out

    # -- operator actions -----------------------------------------------------------------------------------

    def requeue(self, reference: str) -> SubmissionView | None:
        """A rejected (or waiting) row goes back to ``queued`` with a fresh attempt count. None if not found."""
        view = self.lookup(reference)
        if view is None:
            return None
        now = self.clock()
        with Session(self._writer) as s, s.begin():
            s.execute(update(Submission).where(Submission.id == view.uuid,
                                               Submission.status.in_(("rejected", "retry", "queued"))).values(
                status="queued", attempts=0, next_attempt_at=now, updated_at=now))
        return self.lookup(view.uuid)

    def receipts_to_reprint(self, limit: int = 100) -> builtins.list[SubmissionView]:
        """Submissions whose receipt failed to print (paper out, printer offline), oldest first."""
        with Session(self.engine) as s:
            q = (select(Submission).options(selectinload(Submission.attachments))
                 .where(Submission.receipt_status == "failed")
                 .order_by(Submission.created_at, Submission.id).limit(limit))
            return [_view(r) for r in s.scalars(q).all()]

    def receipt_source(self, sid: str) -> dict[str, Any] | None:
        """What a reprint needs: kind, references, time and the non-personal payload (never personal data)."""
        with Session(self.engine) as s:
            row = s.get(Submission, sid)
            if row is None:
                return None
            return {"uuid": row.id, "kind": row.kind, "local_ref": row.local_ref, "server_ref": row.server_ref,
                    "status": row.status, "created_at": row.created_at, "payload": json.loads(row.payload)}

    def mark_receipt(self, sid: str, printed: bool) -> bool:
        now = self.clock()
        with Session(self._writer) as s, s.begin():
            res = s.execute(update(Submission).where(Submission.id == sid).values(
                receipt_status="printed" if printed else "failed", receipt_printed_at=now if printed else None))
            return bool(getattr(res, "rowcount", 0))

    # -- sync meta ------------------------------------------------------------------------------------------

    def meta(self) -> dict[str, str | None]:
        with Session(self.engine) as s:
            return dict(s.execute(select(SyncMeta.key, SyncMeta.value)).all())

    def set_meta(self, **values: str | None) -> None:
        with Session(self._writer) as s, s.begin():
            for key, value in values.items():
                stmt = sqlite_insert(SyncMeta).values(key=key, value=value)
                s.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _view(row: Submission) -> SubmissionView:
    return SubmissionView(row.id, row.local_ref, row.kind, row.status, row.attempts, row.created_at, row.updated_at,
                          row.sent_at, row.next_attempt_at, row.last_error, row.last_http_status, row.server_ref,
                          row.receipt_status, row.receipt_printed_at, tuple(a.name for a in row.attachments))
