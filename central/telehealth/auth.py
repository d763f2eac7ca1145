"""Who the health worker is: the ONE place the telehealth router learns it (`current_health_worker`).

A signed-in staff account (central/staff: argon2id, server-side sessions) with the `health_worker` role (an
administrator passes too); state-changing REST calls carry the staff CSRF token (`verify_csrf`).

The doctor's WebSocket is authenticated twice: the staff session cookie (checked again at connect, so a
disabled account or an ended session cannot open a socket) and a short-lived signed ticket from the page
(HMAC with a key every hub process on the database shares), which binds the socket to a page this hub
served; another site's Origin is refused (cross-site WebSocket hijacking)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends
from starlette.requests import HTTPConnection

from central.staff import StaffUser
from central.staff.deps import COOKIE, SECURE_COOKIE, require_staff, verify_csrf

TICKET_SECONDS = 12 * 3600  # one working shift; the page is reloaded at the next
DEFAULT_NAME = "Nhân viên y tế"
ROLE = "health_worker"


@dataclass(frozen=True)
class HealthWorker:
    name: str  # shown to the resident ("BS. Trần Thị Lan") and stored with the consultation
    username: str = ""


def clean_name(text: str) -> str:
    """A display name from untrusted text: printable, one line, at most 80 characters."""
    words = ("".join(ch for ch in word if ch.isprintable()) for word in text.split())
    return " ".join(w for w in words if w)[:80]


def _worker(user: StaffUser) -> HealthWorker:
    return HealthWorker(name=clean_name(user.display_name or user.username) or DEFAULT_NAME, username=user.username)


def current_health_worker(user: Annotated[StaffUser, Depends(require_staff(ROLE))]) -> HealthWorker:
    return _worker(user)


HealthWorkerDep = Annotated[HealthWorker, Depends(current_health_worker)]
CsrfDep = Depends(verify_csrf)


def worker_for_session_cookie(conn: HTTPConnection) -> HealthWorker | None:
    """The health worker of the staff session cookie on a WebSocket handshake (sync: thread pool)."""
    from central.staff.sessions import lookup

    token = conn.cookies.get(SECURE_COOKIE) or conn.cookies.get(COOKIE)
    if not token:
        return None
    app = conn.app
    active = lookup(app.state.db, token, timedelta(minutes=app.state.config.staff_idle_minutes))
    if active is None or not active.user.has_role(ROLE):
        return None
    return _worker(active.user)


def _secret(app: Any) -> bytes:
    """The ticket key, shared through the database by every hub process (the page and its socket may be served
    by different `--workers`); read once per process. Sync: call it in the thread pool."""
    if getattr(app.state, "telehealth_secret", None) is None:
        from central.telehealth.store import key

        app.state.telehealth_secret = key(app.state.db, "ticket")
    secret: bytes = app.state.telehealth_secret
    return secret


def _sign(key: bytes, body: str) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, body.encode(), hashlib.sha256).digest()).decode().rstrip("=")


def issue_ticket(app: Any, worker: HealthWorker, now: float | None = None) -> str:
    expires = int((now or time.time()) + TICKET_SECONDS)
    name = base64.urlsafe_b64encode(worker.name.encode()).decode().rstrip("=")
    body = f"{expires}.{name}"
    return f"{body}.{_sign(_secret(app), body)}"


def worker_for_ticket(app: Any, ticket: str, now: float | None = None) -> HealthWorker | None:
    """The worker a ticket names, or None (forged, malformed or expired)."""
    body, _, mac = ticket.rpartition(".")
    expires, _, name = body.partition(".")
    if not (body and mac and expires.isdigit()) or not hmac.compare_digest(mac, _sign(_secret(app), body)):
        return None
    if int(expires) < (now or time.time()):
        return None
    try:
        raw = base64.urlsafe_b64decode(name + "=" * (-len(name) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return HealthWorker(name=clean_name(raw) or DEFAULT_NAME)
