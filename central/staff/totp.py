"""Time-based one-time passwords (RFC 6238, HMAC-SHA1, 6 digits, 30 s), compatible with authenticator apps."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote

STEP, DIGITS = 30, 6


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def code_at(secret: str, counter: int) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def now_code(secret: str, at: float | None = None) -> str:
    return code_at(secret, int((time.time() if at is None else at) // STEP))


def verify(secret: str, code: str, at: float | None = None, window: int = 1) -> bool:
    """Accepts the current step and `window` steps either side (clocks of phones drift)."""
    code = "".join(ch for ch in code if not ch.isspace())
    if len(code) != DIGITS or not code.isascii() or not code.isdigit():
        return False
    counter = int((time.time() if at is None else at) // STEP)
    return any(hmac.compare_digest(code_at(secret, counter + d), code) for d in range(-window, window + 1))


def provisioning_uri(secret: str, username: str, issuer: str = "Tram cong dan so") -> str:
    return (f"otpauth://totp/{quote(issuer)}:{quote(username)}?secret={secret}&issuer={quote(issuer)}"
            f"&digits={DIGITS}&period={STEP}")
