"""Telehealth rows: consultations, notes and duty shifts (sync SQLAlchemy, run in the thread pool)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from central.db import Database
from central.models import Submission, as_utc, utcnow
from central.telehealth.models import Consultation, DutyShift, TelehealthKey

DEFAULT_CONSULT_SECONDS = 300  # before any consultation has ended: a short consultation is about five minutes
LIST_WINDOW = timedelta(days=7)  # missed calls and call-back requests stay on the list this long
DOCTOR_LIVENESS = timedelta(seconds=10)  # an on-duty page not seen this long (its hub process died) is off duty
KIOSK_LIVENESS = timedelta(seconds=20)  # the default grace for a kiosk whose socket dropped
OPEN = ("waiting", "active")


def open_consultation(db: Database, kiosk_id: str, shared: dict[str, Any], resident_key: str | None) -> str:
    cid = str(uuid.uuid4())
    with db.session() as s:
        now = utcnow()
        s.add(Consultation(id=cid, kiosk_id=kiosk_id, status="waiting", created_at=now, kiosk_seen_at=now,
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
    """End a consultation: active -> ended, waiting -> missed; the new status (None if already over).

    One compare-and-set per status, so that of several hub processes ending it at once exactly one wins."""
    with db.session() as s:
        for before, after in (("active", "ended"), ("waiting", "missed")):
            done = s.execute(update(Consultation).where(Consultation.id == cid, Consultation.status == before)
                             .values(status=after, ended_at=utcnow(), ended_by=by))
            if getattr(done, "rowcount", 0) == 1:
                return after
    return None


def resumable(db: Database, cid: str, kiosk_id: str) -> tuple[bool, str | None]:
    """(still open for this kiosk, the doctor's name): a kiosk coming back after a blip, on any hub process."""
    with db.session() as s:
        row = s.get(Consultation, cid)
        if row is None or row.kiosk_id != kiosk_id or row.status not in OPEN:
            return False, None
        row.kiosk_seen_at = utcnow()
        return True, row.doctor


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
            s.add(DutyShift(id=str(uuid.uuid4()), worker=worker, started_at=utcnow(), seen_at=utcnow()))
        for row in rows:
            if on:
                row.seen_at = utcnow()
            else:
                row.ended_at = utcnow()


def on_duty(db: Database, liveness: timedelta = DOCTOR_LIVENESS) -> list[str]:
    """Who is on duty now, on any hub process (an open shift whose page was seen lately)."""
    with db.session() as s:
        names = s.scalars(select(DutyShift.worker).where(DutyShift.ended_at.is_(None),
                                                         DutyShift.seen_at >= utcnow() - liveness).distinct())
        return sorted(names)


def waiting_ids(db: Database, grace: timedelta = KIOSK_LIVENESS) -> list[str]:
    """The waiting consultations whose kiosk is still there, oldest first (the queue, across hub processes)."""
    with db.session() as s:
        return list(s.scalars(_waiting(grace).with_only_columns(Consultation.id)))


def _waiting(grace: timedelta) -> Any:
    return (select(Consultation).where(Consultation.status == "waiting",
                                       Consultation.kiosk_seen_at >= utcnow() - grace)
            .order_by(Consultation.created_at))


def tick(db: Database, kiosk_cids: list[str], doctors: list[str], grace: timedelta,
         liveness: timedelta = DOCTOR_LIVENESS) -> tuple[list[str], bool]:
    """Once a second in each hub process with sockets: say which kiosks and on-duty pages it holds, and find what
    nobody holds any more. Returns (open consultations whose kiosk is gone past the grace, shifts were closed)."""
    now = utcnow()
    with db.session() as s:
        if kiosk_cids:
            s.execute(update(Consultation).where(Consultation.id.in_(kiosk_cids), Consultation.status.in_(OPEN))
                      .values(kiosk_seen_at=now))
        for name in doctors:
            touched = s.execute(update(DutyShift).where(DutyShift.worker == name, DutyShift.ended_at.is_(None))
                                .values(seen_at=now))
            if getattr(touched, "rowcount", 0) == 0:  # another process closed it (the same doctor's other page)
                s.add(DutyShift(id=str(uuid.uuid4()), worker=name, started_at=now, seen_at=now))
        closed = s.execute(update(DutyShift).where(DutyShift.ended_at.is_(None),
                                                   (DutyShift.seen_at < now - liveness) | DutyShift.seen_at.is_(None))
                           .values(ended_at=now))
        stale = list(s.scalars(select(Consultation.id).where(Consultation.status.in_(OPEN),
                                                             Consultation.kiosk_seen_at < now - grace)))
    return stale, getattr(closed, "rowcount", 0) > 0


def key(db: Database, name: str) -> bytes:
    """A secret shared by every hub process on this database, made on first use."""
    with db.session() as s:
        row = s.get(TelehealthKey, name)
        if row is not None:
            return bytes.fromhex(row.secret)
    try:
        with db.session() as s:
            s.add(TelehealthKey(name=name, secret=secrets.token_hex(32)))
    except IntegrityError:  # another process made it first: use theirs
        pass
    with db.session() as s:
        made = s.get(TelehealthKey, name)
        assert made is not None
        return bytes.fromhex(made.secret)


def resident_key(db: Database, id_number: str) -> str:
    """The pseudonymous key of a resident who agreed to link their consultations: HMAC-SHA256 of the ID card
    number with this hub's own secret. The number itself is never stored; without the secret the key cannot be
    turned back into a number by trying every possible one (a bare hash of 12 digits could)."""
    return hmac.new(key(db, "resident"), id_number.encode(), hashlib.sha256).hexdigest()


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


def work_list(db: Database, grace: timedelta = KIOSK_LIVENESS) -> dict[str, list[dict[str, Any]]]:
    """The doctor's list: waiting residents (oldest first, with trend), recent missed calls, call-back requests."""
    since = utcnow() - LIST_WINDOW
    with db.session() as s:
        waiting = s.scalars(_waiting(grace))
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
