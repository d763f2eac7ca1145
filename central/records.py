"""Hub data operations on submissions, attachments, status history and payments; called from request threads."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
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


def _answer(row: Submission, item: ValidItem, kiosk_id: str) -> dict[str, Any]:
    # Another kiosk's id (a guess or a copied receipt) is a conflict: its reference is never revealed.
    if row.body_hash == item.body_hash and row.kiosk_id == kiosk_id:
        return {"id": item.sent_id, "status": "duplicate", "reference": row.reference, "reason": None}
    return {"id": item.sent_id, "status": "rejected", "reference": None, "reason": "conflict"}


def _rejected(rejection: Rejection) -> dict[str, Any]:
    return {"id": rejection.id, "status": "rejected", "reference": None, "reason": rejection.reason,
            "detail": rejection.detail}


_DAYS_CACHE: dict[tuple[int, str], dict[str, int]] = {}  # (version, published) -> {procedure code: legal days}


def catalogue_days(s: Session) -> dict[str, int]:
    """The legal processing time of each procedure of the latest catalogue (parsed once per version)."""
    latest = s.execute(select(CatalogVersion.version, CatalogVersion.published_at)
                       .order_by(CatalogVersion.version.desc()).limit(1)).first()
    if latest is None:
        return {}
    key = (latest[0], str(latest[1]))  # the time too: tests run several databases in one process
    if key not in _DAYS_CACHE:

        procedures = procedures_of(s.get(CatalogVersion, latest[0]).procedures)
        _DAYS_CACHE[key] = {p["code"]: d for p in procedures if isinstance(p, dict) and isinstance(p.get("code"), str)
                            and (d := processing_days(p)) is not None}
    return _DAYS_CACHE[key]


def _insert(s: Session, kiosk_id: str, item: ValidItem, days: dict[str, int] | None = None) -> Submission:
    now = utcnow()
    code, name, key = fields_of(item.kind, item.payload)
    legal_days = (days or {}).get(code or "") if item.kind == "dossier" else None
    row = Submission(id=item.id, kiosk_id=kiosk_id, kind=item.kind, schema_version=item.schema_version,
                     created_at=item.created_at, received_at=now, local_ref=item.local_ref,
                     body_hash=item.body_hash, body=item.canonical, fee_amount=item.fee_amount,
                     status="received", updated_at=now, procedure_code=code, applicant_name=name, name_key=key,
                     due_at=add_working_days(now, legal_days) if legal_days else None)
    for _draw in range(5):  # 10^8 references a kind and year: a second draw is already rare
        reference = reference_for(item.kind, now.year)
        if s.scalar(select(Submission.seq).where(Submission.reference == reference)) is None:
            break
    row.reference = reference  # the unique index is the last word (a concurrent twin fails this savepoint)
    s.add(row)
    s.flush()
    s.add(StatusEvent(submission_seq=row.seq, status="received", at=now, note=None))
    s.flush()  # inside the item's savepoint, so a failure here undoes only this item
    return row


def ingest_batch(db: Database, kiosk_id: str, items: Sequence[Any], *,
                 check_first: bool = True) -> list[dict[str, Any]]:
    """Validate and store a batch of kiosk items in ONE transaction; the results in item order.

    Each item is accepted, a duplicate (same id and canonical body: the first answer again) or rejected (conflict,
    invalid) on its own: malformed items never reach the database and every insert runs in its own SAVEPOINT, so
    an IntegrityError undoes that item only. One fsync'd commit for the batch instead of one per item is what
    makes batching pay; the results are returned only after that commit, so `accepted` is durable.
    `check_first=False` skips the look-up of existing ids, as when a concurrent request inserts between the two."""
    checked = [x if isinstance(x, ValidItem | Rejection) else validate_item(x) for x in items]
    answers = {i: _rejected(c) for i, c in enumerate(checked) if isinstance(c, Rejection)}
    valid = [(i, c) for i, c in enumerate(checked) if isinstance(c, ValidItem)]
    # Inserts go in id order (answers stay in item order): two concurrent batches sharing new ids then wait for
    # each other's unique-index entries in the same order, never in a cycle (PostgreSQL row-level waits;
    # SQLite's BEGIN IMMEDIATE serialises writers anyway). The sort is stable: the first copy of an id sent
    # twice in one batch is stored, the later ones are answered from it.
    valid.sort(key=lambda pair: pair[1].id)
    if valid:
        with db.session() as s:
            stored: dict[str, Submission] = {}
            days = catalogue_days(s)
            if check_first:
                ids = sorted({c.id for _, c in valid})
                stored = {row.id: row for row in s.scalars(select(Submission).where(Submission.id.in_(ids)))}
            for i, item in valid:
                if (row := stored.get(item.id)) is not None:
                    answers[i] = _answer(row, item, kiosk_id)
                    continue
                try:
                    with s.begin_nested():
                        row = _insert(s, kiosk_id, item, days)
                    answers[i] = {"id": item.sent_id, "status": "accepted", "reference": row.reference,
                                  "reason": None}
                except IntegrityError:
                    # Another request stored the same id after our look-up (PostgreSQL: it committed while we
                    # waited on the unique index): answer as a retry. Only this item's savepoint was rolled back.
                    log.info("submission %s: concurrent insert lost the race; answering as a retry", item.id)
                    row = s.scalar(select(Submission).where(Submission.id == item.id))
                    if row is None:
                        raise
                    answers[i] = _answer(row, item, kiosk_id)
                stored[item.id] = row
    # Leaving the session committed the batch (fsync'd): only now may `accepted` be answered.
    return [answers[i] for i in range(len(checked))]


def ingest_item(db: Database, kiosk_id: str, item: ValidItem, *, check_first: bool = True) -> dict[str, Any]:
    """One item as a batch of one (its own transaction)."""
    return ingest_batch(db, kiosk_id, [item], check_first=check_first)[0]


def _find(s, reference: str, kiosk_id: str | None = None) -> Submission | None:  # type: ignore[no-untyped-def]
    """By hub reference, else by the kiosk's local reference; `kiosk_id` scopes both to one kiosk's dossiers."""
    scope = [Submission.kiosk_id == kiosk_id] if kiosk_id is not None else []
    row = s.scalar(select(Submission).where(Submission.reference == reference, *scope))
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
