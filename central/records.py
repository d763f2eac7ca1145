"""Hub data operations on submissions, attachments, status history and payments; called from request threads."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, func, insert, or_, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.catalog_store import procedures_of
from central.db import Database
from central.inbox_fields import add_working_days, fields_of, processing_days
from central.ingest import Rejection, ValidItem, canonical_json, reference_for, validate_item
from central.models import Attachment, CatalogVersion, Payment, StatusEvent, Submission, as_utc, utcnow
from central.problems import Problem
from central.staff import StaffUser, audit

log = logging.getLogger(__name__)
STATUSES = {
    "received": "Đã tiếp nhận",
    "processing": "Đang xử lý",
    "needs_info": "Cần bổ sung hồ sơ",
    "completed": "Đã có kết quả",
    "rejected": "Từ chối giải quyết",
}
PAYMENT_STATUSES = {"pending": "Chờ thanh toán", "paid": "Đã thanh toán", "expired": "Hết hạn"}


def _rejected(rejection: Rejection) -> dict[str, Any]:
    return {"id": rejection.id, "status": "rejected", "reference": None, "reason": rejection.reason,
            "detail": rejection.detail}


_DAYS_CACHE: dict[tuple[int, str], dict[str, int]] = {}  # (version, published) -> {procedure code: legal days}


def catalogue_days(s: Session) -> dict[str, int]:
    """The legal processing time of each procedure of the latest catalogue (parsed once per version)."""
    latest = s.connection().execute(select(CatalogVersion.version, CatalogVersion.published_at)  # Core: every batch
                                    .order_by(CatalogVersion.version.desc()).limit(1)).first()
    if latest is None:
        return {}
    key = (latest[0], str(latest[1]))  # the time too: tests run several databases in one process
    if key not in _DAYS_CACHE:

        row = s.get(CatalogVersion, latest[0])
        procedures = procedures_of(row.procedures) if row is not None else []
        _DAYS_CACHE[key] = {p["code"]: d for p in procedures if isinstance(p, dict) and isinstance(p.get("code"), str)
                            and (d := processing_days(p)) is not None}
    return _DAYS_CACHE[key]


def _allocate_seqs(s: Session, n: int) -> list[int]:
    """n sequence numbers for the batch's rows, taken before the INSERT so each row carries its reference.

    PostgreSQL: the column's own sequence (never handed out twice, across processes). SQLite: the batch holds the
    database's only write lock (BEGIN IMMEDIATE), so max(seq) + 1.. cannot be taken by anyone else. Rows that
    turn out to be duplicates leave a gap in the numbering, which is harmless."""
    if s.get_bind().dialect.name == "postgresql":
        return list(s.scalars(text("SELECT nextval(pg_get_serial_sequence('submissions', 'seq')) "
                                   "FROM generate_series(1, :n)"), {"n": n}))
    top = s.scalar(select(func.coalesce(func.max(Submission.seq), 0))) or 0
    return list(range(top + 1, top + n + 1))


_TABLE = cast(Table, Submission.__table__)
# Compiled once and cached, executed with the batch's rows: psycopg pipelines them (one round trip, a statement
# it prepares once per connection), sqlite3 runs them in one C loop. Measured on PostgreSQL against one multi-row
# VALUES statement (its 700-placeholder text is parsed anew by psycopg for every batch) and against
# INSERT .. SELECT unnest(arrays) (psycopg's array adaptation): this costs the least hub CPU and wall time.
_INSERTS = {name: insert_for(_TABLE).on_conflict_do_nothing(index_elements=["id"])
            for name, insert_for in (("postgresql", pg_insert), ("sqlite", sqlite_insert))}
_EVENTS = insert(cast(Table, StatusEvent.__table__))


def _insert_ignoring_known(s: Session, rows: list[dict[str, Any]]) -> None:
    """The batch's rows in one go; an id already in the table (or committed meanwhile by another process) is
    skipped: ON CONFLICT (id) DO NOTHING, SQLite's INSERT OR IGNORE on that unique index."""
    s.connection().execute(_INSERTS[s.get_bind().dialect.name], rows)


Stored = dict[str, tuple[int, str | None, str, str]]  # id -> (seq, reference, body_hash, kiosk_id) in the table


def _store_new(s: Session, kiosk_id: str, items: list[ValidItem]) -> tuple[Stored, set[str]]:
    """Insert the items whose ids are new, set-wise: every id as stored, and the ids this batch inserted."""
    if s.get_bind().dialect.name == "postgresql":
        return _store_new_pg(s, kiosk_id, items)
    now = utcnow()
    seqs = _allocate_seqs(s, len(items))
    references = _fresh_references(s, [it.kind for it in items], now.year)
    days = catalogue_days(s)
    rows = [{"seq": seq, "id": it.id, "kiosk_id": kiosk_id, "kind": it.kind, "schema_version": it.schema_version,
             "created_at": it.created_at, "received_at": now, "local_ref": it.local_ref, "reference": reference,
             "body_hash": it.body_hash, "body": it.canonical, "fee_amount": it.fee_amount, "status": "received",
             "updated_at": now, **_office_fields(it, days, now)}
            for seq, it, reference in zip(seqs, items, references, strict=True)]
    _insert_ignoring_known(s, rows)
    # One SELECT classifies every item: a row carrying one of our sequence numbers is ours (accepted); any other
    # row was there before, or was committed by a concurrent batch while our INSERT waited on its index entry.
    found = {r.id: (r.seq, r.reference, r.body_hash, r.kiosk_id) for r in s.execute(
        select(Submission.id, Submission.seq, Submission.reference, Submission.body_hash, Submission.kiosk_id)
        .where(Submission.id.in_([it.id for it in items])))}
    ours = set(seqs)
    mine = {id_ for id_, (seq, *_rest) in found.items() if seq in ours}
    if mine:
        s.connection().execute(_EVENTS, [{"submission_seq": found[id_][0], "status": "received", "at": now,
                                          "note": None} for id_ in sorted(mine)])
    return found, mine


# PostgreSQL: the whole batch in ONE statement (one round trip, a plan psycopg prepares once per connection). The
# columns travel as arrays in binary format (%(x)b: no per-character escaping of the JSON bodies, which text-format
# arrays need), so the statement's text never changes with the batch size. ON CONFLICT
# without a target skips a row whose id is known (a retry, a concurrent batch) and also one whose freshly drawn
# reference is taken; RETURNING names exactly the rows this batch inserted, whose status events go in with them.
_PG_BATCH = """
WITH new AS (
  INSERT INTO submissions (id, kiosk_id, kind, schema_version, created_at, received_at, local_ref, reference,
                           body_hash, body, fee_amount, status, updated_at, procedure_code, applicant_name,
                           name_key, due_at)
  SELECT u.id, %(kiosk)b, u.kind, u.schema_version, u.created_at, %(now)b, u.local_ref, u.reference, u.body_hash,
         u.body, u.fee_amount, 'received', %(now)b, u.procedure_code, u.applicant_name, u.name_key, u.due_at
  FROM unnest(%(id)b::varchar[], %(kind)b::varchar[], %(schema_version)b::int[], %(created_at)b::varchar[],
              %(local_ref)b::varchar[], %(reference)b::varchar[], %(body_hash)b::varchar[], %(body)b::text[],
              %(fee_amount)b::int[], %(procedure_code)b::varchar[], %(applicant_name)b::varchar[],
              %(name_key)b::varchar[], %(due_at)b::timestamptz[])
       AS u(id, kind, schema_version, created_at, local_ref, reference, body_hash, body, fee_amount,
            procedure_code, applicant_name, name_key, due_at)
  ON CONFLICT DO NOTHING
  RETURNING seq, id, reference
), events AS (
  INSERT INTO status_events (submission_seq, status, at) SELECT seq, 'received', %(now)b FROM new
)
SELECT seq, id, reference FROM new
"""
_PG_COLUMNS = ("id", "kind", "schema_version", "created_at", "local_ref", "reference", "body_hash", "body",
               "fee_amount", "procedure_code", "applicant_name", "name_key", "due_at")
_PG_KNOWN = "SELECT id, seq, reference, body_hash, kiosk_id FROM submissions WHERE id = ANY(%(ids)b::varchar[])"


def _store_new_pg(s: Session, kiosk_id: str, items: list[ValidItem]) -> tuple[Stored, set[str]]:
    """As _store_new, in one round trip when every id is new (the usual batch); a retried batch costs one more
    SELECT; a reference drawn twice (rare: 10^8 a kind and year) is drawn again for its rows alone."""
    now = utcnow()
    days = catalogue_days(s)
    conn = s.connection()
    stored: Stored = {}
    mine: set[str] = set()
    todo = items
    for _draw in range(5):
        rows = [{"id": it.id, "kind": it.kind, "schema_version": it.schema_version, "created_at": it.created_at,
                 "local_ref": it.local_ref, "reference": reference_for(it.kind, now.year),
                 "body_hash": it.body_hash, "body": it.canonical, "fee_amount": it.fee_amount,
                 **_office_fields(it, days, now)} for it in todo]
        params: dict[str, Any] = {name: [r[name] for r in rows] for name in _PG_COLUMNS}
        params |= {"kiosk": kiosk_id, "now": now}
        for seq, id_, reference in conn.exec_driver_sql(_PG_BATCH, params):
            stored[id_] = (seq, reference, "", kiosk_id)
            mine.add(id_)
        missing = [it for it in todo if it.id not in mine]
        if not missing:
            break
        for id_, seq, reference, body_hash, owner in conn.exec_driver_sql(
                _PG_KNOWN, {"ids": [it.id for it in missing]}):
            stored[id_] = (seq, reference, body_hash, owner)
        todo = [it for it in missing if it.id not in stored]  # not stored at all: its reference was taken
        if not todo:
            break
    else:
        raise IntegrityError("reference draws exhausted", None, Exception("references taken"))
    by_id = {it.id: it for it in items}
    for id_ in mine:  # the body hash of our own rows is the one we sent
        seq, reference, _hash, owner = stored[id_]
        stored[id_] = (seq, reference, by_id[id_].body_hash, owner)
    return stored, mine


def _office_fields(item: ValidItem, days: dict[str, int], now: datetime) -> dict[str, Any]:
    """What the officers' inbox sorts and searches on (central/inbox_fields.py), and the legal due date."""
    code, name, key = fields_of(item.kind, item.payload)
    legal_days = days.get(code or "") if item.kind == "dossier" else None
    return {"procedure_code": code, "applicant_name": name, "name_key": key,
            "due_at": add_working_days(now, legal_days) if legal_days else None}


def _fresh_references(s: Session, kinds: list[str], year: int) -> list[str]:
    """Random references (central/references.py) for new rows, redrawn set-wise where one is already taken: one
    SELECT per draw, and a second draw is already rare (10^8 a kind and year). A concurrent batch drawing the same
    one at the same moment fails the unique index: ingest_batch then runs the batch again."""
    references = [reference_for(kind, year) for kind in kinds]
    for _draw in range(5):
        taken = set(s.scalars(select(Submission.reference).where(Submission.reference.in_(references))))
        clash = {i for i, ref in enumerate(references) if ref in taken or references.index(ref) != i}
        if not clash:
            break
        references = [reference_for(kinds[i], year) if i in clash else ref for i, ref in enumerate(references)]
    return references


REFERENCE_RACE_RETRIES = 3


def _store_batch(db: Database, kiosk_id: str, new: list[ValidItem], check_first: bool) -> tuple[Stored, set[str]]:
    """One transaction: every id of the batch as stored, and the ids this batch inserted."""
    mine: set[str] = set()
    with db.session() as s:
        stored: Stored = {}
        if check_first:
            stored = {r.id: (r.seq, r.reference, r.body_hash, r.kiosk_id) for r in s.execute(
                select(Submission.id, Submission.seq, Submission.reference, Submission.body_hash,
                       Submission.kiosk_id).where(Submission.id.in_([c.id for c in new])))}
            new = [c for c in new if c.id not in stored]
        if new:
            found, mine = _store_new(s, kiosk_id, new)
            stored |= found
    return stored, mine


def ingest_batch(db: Database, kiosk_id: str, items: Sequence[Any], *,
                 check_first: bool = False) -> list[dict[str, Any]]:
    """Validate and store a batch of kiosk items in ONE transaction, set-wise; the results in item order.

    Each item is accepted, a duplicate (same id and canonical body: the first answer again) or rejected (conflict,
    invalid) on its own: malformed items never reach the database. The valid ones go in one batched
    INSERT .. ON CONFLICT (id) DO NOTHING (SQLite: INSERT OR IGNORE on the id), one SELECT classifies them, one
    more batched INSERT writes their status events: a constant number of round trips per batch, whatever its
    size, and one fsync'd commit. The results are returned only after that commit, so `accepted` is durable.
    An id stored by another kiosk is a conflict whatever the body (its reference is never revealed).
    `check_first=True` first looks the ids up and leaves known ones out of the write (a retried batch then costs a
    read, no sequence numbers)."""
    checked = [x if isinstance(x, ValidItem | Rejection) else validate_item(x) for x in items]
    answers = {i: _rejected(c) for i, c in enumerate(checked) if isinstance(c, Rejection)}
    valid = [(i, c) for i, c in enumerate(checked) if isinstance(c, ValidItem)]
    if valid:
        # The first copy of an id sent twice in one batch is the one stored; the later ones are answered from it.
        # Rows go in id order: two concurrent batches sharing new ids wait for each other's unique-index entries
        # in the same order, never in a cycle (PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers anyway).
        first: dict[str, ValidItem] = {}
        for _i, c in valid:
            first.setdefault(c.id, c)
        for attempt in range(REFERENCE_RACE_RETRIES + 1):
            try:
                stored, mine = _store_batch(db, kiosk_id, sorted(first.values(), key=lambda c: c.id), check_first)
                break
            except IntegrityError:
                # Only a reference drawn by a concurrent batch at the same moment gets here (ids never conflict:
                # ON CONFLICT skips them). The transaction was rolled back whole; the batch is idempotent.
                if attempt == REFERENCE_RACE_RETRIES:
                    raise
                log.info("batch of %d items: a reference was taken concurrently; storing it again", len(first))
        # The batch was committed (fsync'd): only now may `accepted` be answered.
        answered: set[str] = set()
        for i, c in valid:
            _seq, reference, body_hash, owner = stored[c.id]
            if c.id in mine and c.id not in answered:  # the first copy in item order is the one stored
                answers[i] = {"id": c.sent_id, "status": "accepted", "reference": reference, "reason": None}
            elif body_hash == c.body_hash and owner == kiosk_id:
                answers[i] = {"id": c.sent_id, "status": "duplicate", "reference": reference, "reason": None}
            else:  # another kiosk's id (a guess or a copied receipt) is a conflict: its reference never shown
                answers[i] = {"id": c.sent_id, "status": "rejected", "reference": None, "reason": "conflict"}
            answered.add(c.id)
    return [answers[i] for i in range(len(checked))]


def ingest_item(db: Database, kiosk_id: str, item: ValidItem, *, check_first: bool = False) -> dict[str, Any]:
    """One item as a batch of one (its own transaction)."""
    return ingest_batch(db, kiosk_id, [item], check_first=check_first)[0]


def _find(s, reference: str, kiosk_id: str | None = None) -> Submission | None:  # type: ignore[no-untyped-def]
    """By hub reference, else by the kiosk's local reference; `kiosk_id` scopes both to one kiosk's dossiers."""
    scope = [Submission.kiosk_id == kiosk_id] if kiosk_id is not None else []
    row: Submission | None = s.scalar(select(Submission).where(Submission.reference == reference, *scope))
    if row is None:  # the kiosk's own reference (printed on the receipt before the hub answered)
        row = s.scalar(select(Submission).where(Submission.local_ref == reference, *scope)
                       .order_by(Submission.seq.desc()).limit(1))
    return row


def put_attachment(db: Database, submission_id: str, name: str, data: bytes, content_type: str,
                   kiosk_id: str) -> int:
    """201 stored, 200 the same content was already there; problems for the rest."""
    digest = hashlib.sha256(data).hexdigest()
    for _attempt in range(2):
        try:
            with db.session() as s:
                sub = s.scalar(select(Submission).where(Submission.id == submission_id.strip().lower(),
                                                        Submission.kiosk_id == kiosk_id))
                if sub is None:
                    raise Problem(404, "unknown-submission", detail="No submission with this id has reached the hub.")
                existing = s.scalar(select(Attachment).where(Attachment.submission_seq == sub.seq,
                                                             Attachment.name == name))
                if existing is not None:
                    if existing.sha256 == digest:
                        return 200
                    raise Problem(409, "attachment-conflict", "Conflict",
                                  "Different content is already stored under this name.")
                s.add(Attachment(submission_seq=sub.seq, name=name, sha256=digest, content_type=content_type,
                                 size=len(data), data=data, created_at=utcnow()))
            return 201
        except IntegrityError:
            continue  # a concurrent upload of the same name won: compare with it
    raise Problem(409, "attachment-conflict", "Conflict", "Concurrent uploads under this name.")


def _fee(s, row: Submission) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    if row.fee_amount is None:
        return None
    # The hub reference is unique across the fleet; a local reference only within its kiosk (station codes are
    # unique, but a retired station's code can come back): never match another kiosk's payment by it.
    match = Payment.reference == row.reference
    if row.local_ref:
        match = or_(match, and_(Payment.reference == row.local_ref, Payment.kiosk_id == row.kiosk_id))
    paid = s.scalar(select(Payment.id).where(match, Payment.status == "paid").limit(1))
    return {"amount": row.fee_amount, "paid": paid is not None}


def track(db: Database, reference: str, kiosk_id: str | None = None) -> dict[str, Any]:
    """A dossier's status and history; `kiosk_id` (kiosk requests) finds only that kiosk's dossiers."""
    with db.session() as s:
        row = _find(s, reference, kiosk_id)
        if row is None:
            raise Problem(404, "unknown-reference", detail="No dossier with this reference.")
        events = s.scalars(select(StatusEvent).where(StatusEvent.submission_seq == row.seq)
                           .order_by(StatusEvent.at, StatusEvent.id)).all()
        return {
            "reference": row.reference, "local_ref": row.local_ref, "kind": row.kind, "status": row.status,
            "status_label_vi": STATUSES[row.status],
            "history": [{"status": e.status, "at": as_utc(e.at).isoformat(), "note": e.note} for e in events],
            "updated_at": as_utc(row.updated_at).isoformat(), "fee": _fee(s, row),
        }


def set_status(db: Database, reference: str, status: str, note: str | None,
               actor: StaffUser | None = None) -> dict[str, Any]:
    """Move a dossier on; the change and its audit record (author, before, after) commit together."""
    if status not in STATUSES:
        raise Problem(422, "invalid-status", detail=f"status must be one of {sorted(STATUSES)}")
    now = utcnow()
    with db.session() as s:
        row = _find(s, reference)
        if row is None:
            raise Problem(404, "unknown-reference", detail="No dossier with this reference.")
        audit.record(s, actor, "dossier.status", row.reference or row.local_ref or row.id, {"status": row.status},
                     {"status": status, "note": note or None})
        row.status, row.updated_at = status, now
        s.add(StatusEvent(submission_seq=row.seq, status=status, at=now, note=(note or None),
                          actor=actor.username if actor else None))
        reference = row.reference or reference
    return track(db, reference)  # staff: not scoped to a kiosk


def recent_submissions(db: Database, limit: int = 30) -> list[Submission]:
    with db.session() as s:
        return list(s.scalars(select(Submission).order_by(Submission.seq.desc()).limit(limit)))


# ---- payments -------------------------------------------------------------------------------------------------


def payment_json(p: Payment, payee: dict[str, str] | None, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    status = p.status
    if status == "pending" and as_utc(p.expires_at) <= now:
        status = "expired"
    return {"id": p.id, "reference": p.reference, "amount": p.amount, "purpose": p.purpose, "status": status,
            "status_label_vi": PAYMENT_STATUSES[status], "created_at": as_utc(p.created_at).isoformat(),
            "expires_at": as_utc(p.expires_at).isoformat(),
            "paid_at": as_utc(p.paid_at).isoformat() if p.paid_at else None, "payee": payee}


def create_payment(db: Database, kiosk_id: str, key: str, request: dict[str, Any],
                   ttl_seconds: int) -> tuple[Payment, bool]:
    """(payment, created): the same Idempotency-Key gives the same payment; reused with another body → 422."""
    request_hash = hashlib.sha256(canonical_json(request).encode()).hexdigest()

    def same_key() -> Payment | None:
        with db.session() as s:
            return s.scalar(select(Payment).where(Payment.idempotency_key == key))

    def replay(p: Payment) -> tuple[Payment, bool]:
        if p.kiosk_id != kiosk_id:  # keys are UUIDs: only a guess or a copy hits another kiosk's
            raise Problem(409, "idempotency-key-conflict", detail="This Idempotency-Key belongs to another request.")
        if p.request_hash != request_hash:
            raise Problem(422, "idempotency-key-reused", detail="This Idempotency-Key was used with another request.")
        return p, False

    with db.session() as s:  # a hub reference of another kiosk's dossier is not this kiosk's to bill
        owner = s.scalar(select(Submission.kiosk_id).where(Submission.reference == request["reference"]))
    if owner is not None and owner != kiosk_id:
        raise Problem(404, "unknown-reference", detail="No dossier with this reference.")
    if (p := same_key()) is not None:
        return replay(p)
    now = utcnow()
    p = Payment(id="pay_" + secrets.token_hex(10), idempotency_key=key, request_hash=request_hash, kiosk_id=kiosk_id,
                reference=request["reference"], amount=request["amount"], purpose=request["purpose"],
                status="pending", created_at=now, expires_at=now + timedelta(seconds=ttl_seconds))
    try:
        with db.session() as s:
            s.add(p)
    except IntegrityError:
        if (other := same_key()) is None:
            raise
        return replay(other)
    return p, True


def get_payment(db: Database, payment_id: str, kiosk_id: str | None = None) -> Payment:
    with db.session() as s:
        p = s.get(Payment, payment_id)
    if p is None or (kiosk_id is not None and p.kiosk_id != kiosk_id):
        raise Problem(404, "unknown-payment", detail="No payment with this id.")
    return p


def mark_paid(db: Database, payment_id: str, actor: StaffUser | None = None) -> Payment:
    with db.session() as s:
        p = s.get(Payment, payment_id)
        if p is None:
            raise Problem(404, "unknown-payment", detail="No payment with this id.")
        if p.status != "paid":
            audit.record(s, actor, "payment.mark_paid", p.id, {"status": p.status, "reference": p.reference},
                         {"status": "paid", "reference": p.reference})
            p.status, p.paid_at = "paid", utcnow()
    return p


def pending_payments(db: Database, limit: int = 20) -> list[Payment]:
    with db.session() as s:
        return list(s.scalars(select(Payment).where(Payment.status == "pending")
                              .order_by(Payment.created_at.desc()).limit(limit)))
