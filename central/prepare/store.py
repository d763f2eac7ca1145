"""Prepared drafts on the hub: kept until a station redeems them (once) or they expire, then deleted.

The signing key is made on first use and kept in the database, so every hub process (and every machine of a
province's hub over PostgreSQL) signs and checks with the same one."""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import DateTime, LargeBinary, String, Text, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Database, rows_changed
from central.models import Base, as_utc, utcnow
from core.formats.prepared import DraftError, DraftRef, build_draft, new_draft_id, verify_draft

log = logging.getLogger(__name__)
KEY_NAME = "prepared-drafts-hmac"


class PreparedDraft(Base):
    """Added by migration 0010: one dossier prepared at home, until redeemed or expired."""

    __tablename__ = "prepared_drafts"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    procedure_code: Mapped[str] = mapped_column(String(16))
    answers: Mapped[str] = mapped_column(Text)  # JSON {field key: answer}; only what the phone page asks
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class HubKey(Base):
    """Added by migration 0010: secrets the hub makes for itself (never shown, never logged)."""

    __tablename__ = "hub_keys"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class Redeemed:
    procedure_code: str
    answers: dict[str, str]


class DraftGone(LookupError):
    """Signed by this hub and not expired, but already used (or purged): nothing to hand over."""


def signing_key(db: Database) -> bytes:
    with db.session() as s:
        row = s.get(HubKey, KEY_NAME)
        if row is not None:
            return bytes(row.value)
    try:
        with db.session() as s:
            s.add(HubKey(name=KEY_NAME, value=secrets.token_bytes(32), created_at=utcnow()))
    except IntegrityError:
        pass  # another process made it first: use theirs
    with db.session() as s:
        row = s.get(HubKey, KEY_NAME)
        assert row is not None
        return bytes(row.value)


def purge_expired(db: Database, now: datetime | None = None) -> int:
    with db.session() as s:
        gone = rows_changed(s, delete(PreparedDraft).where(PreparedDraft.expires_at <= (now or utcnow())))
    if gone:
        log.info("%d expired prepared drafts deleted", gone)
    return gone


def create(db: Database, procedure_code: str, answers: dict[str, str], ttl_days: float,
           now: datetime | None = None) -> DraftRef:
    """Keep the answers and give the signed reference the phone shows as a QR."""
    now = now or utcnow()
    purge_expired(db, now)
    expires = now + timedelta(days=ttl_days)
    draft_id = new_draft_id()
    with db.session() as s:
        s.add(PreparedDraft(id=draft_id, procedure_code=procedure_code, created_at=now, expires_at=expires,
                            answers=json.dumps(answers, ensure_ascii=False)))
    ref = build_draft(signing_key(db), procedure_code, draft_id, int(expires.timestamp()))
    log.info("prepared draft %s… made for procedure %s", draft_id[:6], procedure_code)
    return ref


def redeem(db: Database, payload: str, now: datetime | None = None) -> Redeemed:
    """The answers, once: checked (signature, expiry), then deleted. Raises DraftError or DraftGone."""
    now = now or utcnow()
    purge_expired(db, now)  # drafts nobody used go at the next creation or redemption, whichever comes first
    ref = verify_draft(signing_key(db), payload, now.timestamp())
    with db.session() as s:
        row = s.get(PreparedDraft, ref.draft_id)
        if row is None or row.procedure_code != ref.procedure_code:
            raise DraftGone(ref.draft_id)
        if as_utc(row.expires_at) <= now:
            raise DraftError("draft.expired", "past its expiry")
        answers = json.loads(row.answers)
        if rows_changed(s, delete(PreparedDraft).where(PreparedDraft.id == ref.draft_id)) != 1:
            raise DraftGone(ref.draft_id)  # another station redeemed it a moment ago
    log.info("prepared draft %s… redeemed and deleted", ref.draft_id[:6])
    return Redeemed(ref.procedure_code, {str(k): str(v) for k, v in answers.items()})
