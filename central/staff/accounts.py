"""Staff accounts: create, disable, reset, list, and sign-in with throttling per account and per address.

Throttling state is rows in the database (staff_login_attempts), so every hub process and every restart
agrees on it. Called from request threads and from the `kiosk-hub user` command."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from central.db import Database, rows_changed
from central.models import as_utc, utcnow
from central.staff import ROLES, StaffUser, audit, passwords, totp
from central.staff.tables import LoginAttempt, StaffAccount, StaffSession

USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
WINDOW = timedelta(minutes=15)
MAX_ACCOUNT_FAILURES = 5  # per account per window: an online guess rate of 20 an hour
MAX_ADDRESS_FAILURES = 20  # per address per window, over all user names (spraying)


class AccountError(ValueError):
    """A command or form asked for something impossible (unknown user, bad role, weak password…)."""


class LoginRefused(Exception):
    def __init__(self, reason: str, retry_after: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason  # "invalid" | "throttled" | "totp"
        self.retry_after = retry_after


def normalise_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME_RE.fullmatch(name):
        raise AccountError("Tên đăng nhập chỉ gồm chữ thường không dấu, số, . _ - (2–64 ký tự) / "
                           "User names are 2-64 of a-z 0-9 . _ -")
    return name


def as_user(row: StaffAccount) -> StaffUser:
    return StaffUser(id=row.id, username=row.username, display_name=row.display_name, role=row.role)


def _get(s: Session, username: str) -> StaffAccount:
    row = s.scalar(select(StaffAccount).where(StaffAccount.username == normalise_username(username)))
    if row is None:
        raise AccountError(f"Không có tài khoản {username!r} / No such account.")
    return row


def create_user(db: Database, username: str, role: str, password: str, display_name: str = "",
                with_totp: bool = False, actor: StaffUser | None = None) -> tuple[StaffUser, str | None]:
    """The new account and its TOTP secret (None without a second factor)."""
    name = normalise_username(username)
    if role not in ROLES:
        raise AccountError(f"Vai trò phải là một trong / role must be one of: {', '.join(ROLES)}")
    passwords.check_policy(password, name)
    secret = totp.new_secret() if with_totp else None
    now = utcnow()
    with db.session() as s:
        if s.scalar(select(StaffAccount.id).where(StaffAccount.username == name)) is not None:
            raise AccountError(f"Tài khoản {name!r} đã có / The account already exists.")
        row = StaffAccount(username=name, display_name=(display_name or name)[:200], role=role,
                           password_hash=passwords.hash_password(password), totp_secret=secret, disabled=False,
                           created_at=now, password_changed_at=now)
        s.add(row)
        s.flush()
        audit.record(s, actor, "staff.user_add", name, None, {"role": role, "totp": with_totp})
        return as_user(row), secret


def reset(db: Database, username: str, password: str | None = None, with_totp: bool | None = None,
          role: str | None = None, actor: StaffUser | None = None) -> str | None:
    """New password and/or second factor and/or role; re-enables the account, ends its sessions and clears its
    lockout. Returns the new TOTP secret when one was made."""
    secret = None
    with db.session() as s:
        row = _get(s, username)
        before = {"role": row.role, "disabled": row.disabled, "totp": row.totp_secret is not None}
        if password is not None:
            passwords.check_policy(password, row.username)
            row.password_hash, row.password_changed_at = passwords.hash_password(password), utcnow()
        if with_totp is not None:
            secret = totp.new_secret() if with_totp else None
            row.totp_secret = secret
        if role is not None:
            if role not in ROLES:
                raise AccountError(f"role must be one of: {', '.join(ROLES)}")
            row.role = role
        row.disabled = False
        s.execute(delete(StaffSession).where(StaffSession.user_id == row.id))
        s.execute(delete(LoginAttempt).where(LoginAttempt.username == row.username, LoginAttempt.success.is_(False)))
        audit.record(s, actor, "staff.user_reset", row.username, before,
                     {"role": row.role, "disabled": False, "totp": row.totp_secret is not None,
                      "password_changed": password is not None})
    return secret


def disable(db: Database, username: str, actor: StaffUser | None = None) -> None:
    with db.session() as s:
        row = _get(s, username)
        before = {"disabled": row.disabled}
        row.disabled = True
        s.execute(delete(StaffSession).where(StaffSession.user_id == row.id))
        audit.record(s, actor, "staff.user_disable", row.username, before, {"disabled": True})


def list_users(db: Database) -> list[dict[str, object]]:
    with db.session() as s:
        rows = s.scalars(select(StaffAccount).order_by(StaffAccount.username)).all()
        return [{"username": r.username, "display_name": r.display_name, "role": r.role, "disabled": r.disabled,
                 "totp": r.totp_secret is not None, "created_at": as_utc(r.created_at).isoformat()} for r in rows]


def _failures(s: Session, column: InstrumentedAttribute[str], value: str,
              since: datetime) -> tuple[int, datetime | None]:
    count, oldest = s.execute(select(func.count(), func.min(LoginAttempt.at))
                              .where(column == value, LoginAttempt.success.is_(False), LoginAttempt.at >= since)).one()
    return count or 0, oldest


def _retry_after(oldest: datetime | None, now: datetime) -> int:
    return max(1, int((as_utc(oldest) + WINDOW - now).total_seconds()) + 1) if oldest else int(WINDOW.total_seconds())


def authenticate(db: Database, username: str, password: str, totp_code: str, address: str) -> StaffUser:
    """The account, or LoginRefused. A throttled account or address is refused before the password is tried,
    so guesses during a lockout teach nothing."""
    now = utcnow()
    since = now - WINDOW
    name = username.strip().lower()[:64]
    address = address[:64]
    with db.session() as s:
        for column, value, limit in ((LoginAttempt.username, name, MAX_ACCOUNT_FAILURES),
                                     (LoginAttempt.address, address, MAX_ADDRESS_FAILURES)):
            count, oldest = _failures(s, column, value, since)
            if count >= limit:
                raise LoginRefused("throttled", _retry_after(oldest, now))
        row = s.scalar(select(StaffAccount).where(StaffAccount.username == name))
        ok = passwords.verify(row.password_hash if row else None, password) and row is not None and not row.disabled
        reason = "invalid"
        if ok and row is not None and row.totp_secret and not totp.verify(row.totp_secret, totp_code):
            ok, reason = False, "totp"
        s.add(LoginAttempt(at=now, username=name, address=address, success=ok))
        if not ok or row is None:
            # committed with the attempt row: the failure counts even though we refuse
            refusal = LoginRefused(reason)
        else:
            if passwords.needs_rehash(row.password_hash):
                row.password_hash = passwords.hash_password(password)
            return as_user(row)
    raise refusal


def prune_attempts(db: Database, older_than: timedelta = timedelta(days=30)) -> int:
    with db.session() as s:
        return rows_changed(s, delete(LoginAttempt).where(LoginAttempt.at < utcnow() - older_than)) or 0
