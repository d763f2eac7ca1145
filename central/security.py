"""Kiosk bearer tokens (only their SHA-256 is stored), enrolment codes, and the staff/admin check."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from ipaddress import ip_address

from fastapi import Request

from central.problems import Problem

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by technicians


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    # Tokens are 256-bit random, so a plain hash is enough (no dictionary to attack).
    return hashlib.sha256(token.encode()).hexdigest()


def new_enrolment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(code: str) -> str:
    return code.strip().upper()


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", "Unauthorized", detail,
                   headers={"WWW-Authenticate": 'Bearer realm="kiosk-hub"'})


def _is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    if host == "testclient":  # Starlette's TestClient: an in-process caller
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def _admin_secret(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":  # a browser on the dashboard: any user name, the admin token as password
        try:
            return base64.b64decode(value.strip()).decode().partition(":")[2]
        except (ValueError, UnicodeDecodeError):
            return None
    return None


def is_admin(request: Request) -> bool:
    config = request.app.state.config
    given = _admin_secret(request)
    if config.admin_token and given and hmac.compare_digest(given.encode(), config.admin_token.encode()):
        return True
    return bool(config.demo and _is_loopback(request))


def require_admin(request: Request) -> None:
    """Staff endpoints: the admin token (Bearer, or Basic password for browsers); demo mode opens loopback."""
    if is_admin(request):
        return
    config = request.app.state.config
    if not config.admin_token and not config.demo:
        raise Problem(403, "admin-disabled", "Forbidden", "Start the hub with --admin-token to use staff pages.")
    raise Problem(401, "unauthorized", "Unauthorized", "Staff pages need the hub's admin token.",
                  headers={"WWW-Authenticate": 'Basic realm="kiosk-hub staff", charset="UTF-8"'})
