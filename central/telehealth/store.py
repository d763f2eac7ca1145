"""Telehealth rows: consultations, notes and duty shifts (sync SQLAlchemy, run in the thread pool)."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from central.db import Database
from central.models import Submission, as_utc, utcnow
from central.telehealth.models import Consultation, DutyShift

DEFAULT_CONSULT_SECONDS = 300  # before any consultation has ended: a short consultation is about five minutes
LIST_WINDOW = timedelta(days=7)  # missed calls and call-back requests stay on the list this long


def open_consultation(db: Database, kiosk_id: str, shared: dict[str, Any], resident_key: str | None) -> str:
    cid = str(uuid.uuid4())
    with db.session() as s:
        s.add(Consultation(id=cid, kiosk_id=kiosk_id, status="waiting", created_at=utcnow(),
                           shared=json.dumps(shared, ensure_ascii=False), resident_key=resident_key))
    return cid


def accept(db: Database, cid: str, doctor: str) -> dict[str, Any] | None:
    """Waiting -> active for this doctor (one winner when two accept at once); the consultation or None."""
    with db.session() as s:
        done = s.execute(update(Consultation).where(Consultation.id == cid, Consultation.status == "waiting")
                         .values(status="active", doctor=doctor, accepted_at=utcnow()))
        if getattr(done, "rowcount", 0) != 1:
            return None
        row = s.get(Consultation, cid)
        return as_json(row, trend=_trend(s, row)) if row else None


def finish(db: Database, cid: str, by: str) -> str | None:
    """End a consultation: active -> ended, waiting -> missed; the new status (None if already over)."""
    with db.session() as s:
        row = s.get(Consultation, cid)
        if row is None or row.status not in ("waiting", "active"):
            return None
        row.status = "ended" if row.status == "active" else "missed"
        row.ended_at, row.ended_by = utcnow(), by
        return row.status


def kiosk_of(db: Database, cid: str) -> tuple[str, str] | None:
    with db.session() as s:
        row = s.get(Consultation, cid)
        return (row.kiosk_id, row.status) if row else None


def save_note(db: Database, cid: str, doctor: str, note: str, advice: str) -> bool:
    with db.session() as s:
        row = s.get(Consultation, cid)
        if row is None or row.status not in ("active", "ended") or row.doctor != doctor:
            return False
        row.note, row.advice, row.noted_at = note, advice, utcnow()
        return True


def set_duty(db: Database, worker: str, on: bool) -> None:
    with db.session() as s:
        open_rows = s.scalars(select(DutyShift).where(DutyShift.worker == worker, DutyShift.ended_at.is_(None)))
        rows = list(open_rows)
        if on and not rows:
            s.add(DutyShift(id=str(uuid.uuid4()), worker=worker, started_at=utcnow()))
        if not on:
            for row in rows:
                row.ended_at = utcnow()


def end_all_shifts(db: Database) -> None:
    """At start-up: nobody is connected yet, so nobody is on duty."""
    with db.session() as s:
        s.execute(update(DutyShift).where(DutyShift.ended_at.is_(None)).values(ended_at=utcnow()))


def average_seconds(db: Database) -> float:
    with db.session() as s:
        rows = s.execute(select(Consultation.accepted_at, Consultation.ended_at)
                         .where(Consultation.status == "ended", Consultation.accepted_at.is_not(None))
                         .order_by(Consultation.ended_at.desc()).limit(20)).all()
    spans = [(b - a).total_seconds() for a, b in ((as_utc(x), as_utc(y)) for x, y in rows) if a and b]
    return sum(spans) / len(spans) if spans else DEFAULT_CONSULT_SECONDS


def _trend(s: Any, row: Consultation) -> list[dict[str, Any]]:
    """Earlier readings of the same resident (only when the resident consented to link them)."""
    if not row.resident_key:
        return []
    earlier = s.scalars(select(Consultation).where(Consultation.resident_key == row.resident_key,
                                                   Consultation.id != row.id,
                                                   Consultation.created_at < row.created_at)
                        .order_by(Consultation.created_at.desc()).limit(5))
    return [{"at": _iso(e.created_at), "readings": json.loads(e.shared).get("readings", {})}
            for e in earlier]


def _iso(moment: Any) -> str:
    utc = as_utc(moment)
    return utc.isoformat() if utc else ""


def as_json(row: Consultation, trend: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    shared = json.loads(row.shared)
    return {"consultation_id": row.id, "kiosk_id": row.kiosk_id, "status": row.status,
            "created_at": _iso(row.created_at), "doctor": row.doctor,
            "readings": shared.get("readings", {}), "resident": shared.get("resident", {}),
            "note": row.note, "advice": row.advice, "trend": trend or []}


def work_list(db: Database) -> dict[str, list[dict[str, Any]]]:
    """The doctor's list: waiting residents (oldest first, with trend), recent missed calls, call-back requests."""
    since = utcnow() - LIST_WINDOW
    with db.session() as s:
        waiting = s.scalars(select(Consultation).where(Consultation.status == "waiting")
                            .order_by(Consultation.created_at))
        waiting_json = [as_json(r, trend=_trend(s, r)) for r in waiting]
        missed = s.scalars(select(Consultation).where(Consultation.status == "missed",
                                                      Consultation.created_at >= since)
                           .order_by(Consultation.created_at.desc()).limit(50))
        missed_json = [as_json(r) for r in missed]
        callbacks = s.scalars(select(Submission).where(Submission.kind == "callback", Submission.received_at >= since)
                              .order_by(Submission.received_at.desc()).limit(50))
        callback_json = [_callback_json(c) for c in callbacks]
    return {"waiting": waiting_json, "missed": missed_json, "callbacks": callback_json}


def _callback_json(sub: Submission) -> dict[str, Any]:
    payload = json.loads(sub.body).get("payload", {})
    personal = payload.get("personal") or {}  # the kiosk's personal fields (encrypted at rest on the kiosk)
    return {"reference": sub.reference, "received_at": _iso(sub.received_at), "status": sub.status,
            "name": personal.get("name"), "phone": personal.get("phone"), "readings": payload.get("readings", {}),
            "reason": payload.get("reason")}
