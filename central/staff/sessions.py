"""Server-side staff sessions: the cookie holds a random token, the database its SHA-256, the user and the
session's CSRF token. Absolute expiry plus an idle timeout; sign-out deletes the row."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete

from central.db import Database, rows_changed
from central.models import as_utc, utcnow
from central.staff import StaffUser
from central.staff.accounts import as_user
from central.staff.tables import StaffAccount, StaffSession

TOUCH_EVERY = timedelta(seconds=60)  # last_seen is written at most once a minute per session


@dataclass(frozen=True)
class ActiveSession:
    user: StaffUser
    csrf_token: str
    token_hash: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def start(db: Database, user: StaffUser, address: str, lifetime: timedelta) -> tuple[str, str]:
    """(cookie token, CSRF token) of a new session."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    with db.session() as s:
        s.add(StaffSession(token_hash=_hash(token), user_id=user.id, csrf_token=csrf, created_at=now,
                           expires_at=now + lifetime, last_seen_at=now, address=address[:64]))
    return token, csrf


def lookup(db: Database, token: str, idle: timedelta) -> ActiveSession | None:
    """The live session of this cookie, or None (unknown, expired, idle too long, or account disabled)."""
    if not token or len(token) > 200:
        return None
    now, digest = utcnow(), _hash(token)
    with db.session() as s:
        row = s.get(StaffSession, digest)
        if row is None:
            return None
        if as_utc(row.expires_at) <= now or as_utc(row.last_seen_at) + idle <= now:
            s.delete(row)
            return None
        account = s.get(StaffAccount, row.user_id)
        if account is None or account.disabled:
            s.delete(row)
            return None
        if now - as_utc(row.last_seen_at) >= TOUCH_EVERY:
            row.last_seen_at = now
        return ActiveSession(as_user(account), row.csrf_token, digest)


def end(db: Database, token_hash: str) -> None:
    with db.session() as s:
        s.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash))


def prune(db: Database) -> int:
    with db.session() as s:
        return rows_changed(s, delete(StaffSession).where(StaffSession.expires_at < utcnow())) or 0
