"""Hub data operations on enrolment, kiosks and heartbeats (the catalogue: catalog_store.py); called from request
threads."""

from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from central.db import Database, rows_changed
from central.models import EnrolmentCode, Kiosk, as_utc, utcnow
from central.security import hash_token, new_enrolment_code, new_token, normalise_code


class EnrolmentError(Exception):
    """The code is unknown, used or expired."""


class StationTaken(EnrolmentError):
    """Another active kiosk has this station code (local references <station>-<yymmdd>-<seq> would collide)."""


def normalise_station(code: str) -> str:
    return code.strip().upper()


def create_enrolment_code(db: Database, ttl_hours: float | None = 24.0, code: str | None = None,
                          reusable: bool = False) -> EnrolmentCode:
    now = utcnow()
    row = EnrolmentCode(code=normalise_code(code) if code else new_enrolment_code(), created_at=now,
                        expires_at=now + timedelta(hours=ttl_hours) if ttl_hours else None, reusable=reusable)
    with db.session() as s:
        existing = s.get(EnrolmentCode, row.code)
        if existing is not None:
            if reusable:  # re-seeding the demo code at every start: keep the row
                existing.reusable, existing.expires_at = True, None
                return existing
            raise EnrolmentError("code exists")
        s.add(row)
    return row


ENROL_RETRY_WINDOW = timedelta(minutes=10)


def enroll(db: Database, code: str, station_code: str, name: str, version: str) -> tuple[str, str]:
    """Spend a one-time code (or use the reusable demo code): a new kiosk id and its token.

    A kiosk whose answer was lost (timeout, dropped connection) retries with the code it already spent: within
    ENROL_RETRY_WINDOW and for the same station it gets the same kiosk id with a fresh token (the first token,
    which it never received, stops working)."""
    code, now, station_code = normalise_code(code), utcnow(), normalise_station(station_code)
    kiosk_id, token = "k_" + secrets.token_hex(8), new_token()
    try:
        return _enroll(db, code, station_code, name, version, kiosk_id, token, now)
    except IntegrityError as exc:  # a concurrent enrolment took the station code between our check and insert
        raise StationTaken(station_code) from exc


def _enroll(db: Database, code: str, station_code: str, name: str, version: str, kiosk_id: str, token: str,
            now: datetime) -> tuple[str, str]:
    with db.session() as s:
        row = s.get(EnrolmentCode, code)
        if row is None or (row.expires_at is not None and as_utc(row.expires_at) < now):
            raise EnrolmentError("unknown or expired")
        if not row.reusable:
            # Atomic claim: of two kiosks racing for one code exactly one gets rowcount 1.
            claimed = rows_changed(s, update(EnrolmentCode)
                                   .where(EnrolmentCode.code == code, EnrolmentCode.used_at.is_(None))
                                   .values(used_at=now, used_by=kiosk_id))
            if claimed != 1:
                s.refresh(row)
                kiosk = s.get(Kiosk, row.used_by) if row.used_by else None
                if (kiosk is None or kiosk.station_code != station_code or row.used_at is None
                        or now - as_utc(row.used_at) > ENROL_RETRY_WINDOW):
                    raise EnrolmentError("already used")
                kiosk.token_hash, kiosk.name, kiosk.version = hash_token(token), name, version
                return kiosk.id, token
        if s.scalar(select(Kiosk.id).where(Kiosk.station_code == station_code, Kiosk.retired_at.is_(None))):
            raise StationTaken(station_code)  # leaving the session rolls the code's claim back: not spent
        s.add(Kiosk(id=kiosk_id, token_hash=hash_token(token), station_code=station_code, name=name,
                    version=version, enrolled_at=now))
    return kiosk_id, token


def retire_kiosk(db: Database, kiosk_id: str) -> dict[str, Any]:
    """Take a kiosk out of service: its token stops working and its station code is free for a new kiosk."""
    with db.session() as s:
        kiosk = s.get(Kiosk, kiosk_id)
        if kiosk is None or kiosk.retired_at is not None:
            raise EnrolmentError("unknown or retired kiosk")
        kiosk.retired_at, kiosk.token_hash = utcnow(), "retired:" + kiosk.id  # no SHA-256 hex equals this
        return {"kiosk_id": kiosk.id, "station_code": kiosk.station_code}


def kiosk_for_token(db: Database, token: str) -> Kiosk | None:
    with db.session() as s:
        return s.scalar(select(Kiosk).where(Kiosk.token_hash == hash_token(token)))


def record_heartbeat(db: Database, kiosk_id: str, beat: dict[str, Any]) -> datetime:
    now = utcnow()
    with db.session() as s:
        s.execute(update(Kiosk).where(Kiosk.id == kiosk_id).values(
            hb_at=now, version=beat["version"], hb_queue=json.dumps(beat["queue"]),
            hb_oldest_unsent_seconds=beat.get("oldest_unsent_age_seconds"),
            hb_last_sync_at=beat.get("last_sync_at"), hb_last_error=(beat.get("last_error") or None),
            hb_devices=json.dumps(beat.get("devices") or {}),
            hb_interval_seconds=beat.get("interval_seconds")))
    return now


def seed_demo(db: Database, demo_code: str) -> None:
    """Demo mode: a reusable enrolment code and a small catalogue (idempotent across restarts)."""
    from central.catalog_store import seed_demo_catalogue

    create_enrolment_code(db, ttl_hours=None, code=demo_code, reusable=True)
    seed_demo_catalogue(db)


def seed_demo_dossier(db: Database, kiosk_id: str, station_code: str) -> None:
    """Demo mode: the dossier of the demo's sample receipt, for this station (idempotent: one id per kiosk); made
    when the station first asks for it (central/api.py), so no other count of a demo hub changes."""
    import uuid

    from central import records
    from core.wire import demo_sample_ref

    item = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"tram-demo-sample:{kiosk_id}")), "kind": "dossier",
            "schema_version": 1, "created_at": "2026-11-21T09:41:00+07:00",
            "local_ref": demo_sample_ref(normalise_station(station_code)),
            "payload": {"procedure_code": "1.004222", "procedure_name": "Đăng ký thường trú",
                        "fee": {"amount": 10000}, "answers": {}, "attachments": []}}
    records.ingest_batch(db, kiosk_id, [item])


def kiosks(db: Database) -> list[Kiosk]:
    with db.session() as s:
        return list(s.scalars(select(Kiosk).where(Kiosk.retired_at.is_(None))
                              .order_by(Kiosk.station_code, Kiosk.enrolled_at)))
