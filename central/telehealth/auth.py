"""Who the health worker is: the ONE place the telehealth router learns it (`current_health_worker`).

Today the hub has a single staff secret (the admin token, central/security.py); the Basic-auth user name a
browser sends with it is taken as the worker's display name. When per-person staff accounts land, only this
module changes (require the health-worker role; their CSRF rule replaces `same_origin`).

Browsers cannot put an Authorization header on a WebSocket, so the page carries a short-lived signed ticket
(HMAC with a per-process secret) that the doctor's socket presents on connect."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request

from central.problems import Problem
from central.security import require_admin

TICKET_SECONDS = 12 * 3600  # one working shift; the page is reloaded at the next
DEFAULT_NAME = "Nhân viên y tế"


@dataclass(frozen=True)
class HealthWorker:
    name: str  # shown to the resident ("Bác sĩ Lan") and stored with the consultation


def _basic_user(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return ""
    try:
        user = base64.b64decode(value.strip()).decode().partition(":")[0]
    except (ValueError, UnicodeDecodeError):
        return ""
    return clean_name(user)


def clean_name(text: str) -> str:
    """A display name from untrusted text: printable, one line, at most 80 characters."""
    words = ("".join(ch for ch in word if ch.isprintable()) for word in text.split())
    return " ".join(w for w in words if w)[:80]


def current_health_worker(request: Request) -> HealthWorker:
    require_admin(request)
    return HealthWorker(name=_basic_user(request) or DEFAULT_NAME)


HealthWorkerDep = Annotated[HealthWorker, Depends(current_health_worker)]


def same_origin(request: Request) -> None:
    """State-changing requests from the page: refuse another site's Origin (CSRF on Basic auth)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise Problem(403, "cross-site", "Forbidden", "Requests must come from the hub's own pages.")


def _secret(app) -> bytes:  # type: ignore[no-untyped-def]
    if getattr(app.state, "telehealth_secret", None) is None:
        app.state.telehealth_secret = secrets.token_bytes(32)
    return app.state.telehealth_secret


def _sign(key: bytes, body: str) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, body.encode(), hashlib.sha256).digest()).decode().rstrip("=")


def issue_ticket(app, worker: HealthWorker, now: float | None = None) -> str:  # type: ignore[no-untyped-def]
    expires = int((now or time.time()) + TICKET_SECONDS)
    name = base64.urlsafe_b64encode(worker.name.encode()).decode().rstrip("=")
    body = f"{expires}.{name}"
    return f"{body}.{_sign(_secret(app), body)}"


def worker_for_ticket(app, ticket: str, now: float | None = None) -> HealthWorker | None:  # type: ignore[no-untyped-def]
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
