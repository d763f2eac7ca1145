"""Technician/operator PINs: scrypt hashes and a lockout that grows with every further failure.

Pure logic (time is passed in), so the lockout rules are tested without sleeping.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_LEN = 16384, 8, 1, 32


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = os.urandom(16) if salt is None else salt
    key = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_LEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${key.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Constant-time check of ``pin`` against a ``hash_pin`` string; malformed hashes never match."""
    try:
        scheme, n, r, p, salt_hex, key_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        n_i, r_i, p_i = int(n), int(r), int(p)
        if not (2 <= n_i <= 2**20 and 1 <= r_i <= 32 and 1 <= p_i <= 16):
            return False  # refuse parameters that would stall the GUI or exhaust memory
        salt, key = bytes.fromhex(salt_hex), bytes.fromhex(key_hex)
        got = hashlib.scrypt(pin.encode(), salt=salt, n=n_i, r=r_i, p=p_i, dklen=len(key), maxmem=2**27)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, key)


@dataclass
class PinAttempt:
    ok: bool
    locked_for: float = 0.0  # seconds until the next try is allowed (0: not locked)
    remaining_tries: int = 0


class PinGate:
    """Counts wrong PINs; after ``max_failures`` it locks for base, 2×base, 4×base … seconds."""

    def __init__(self, pin_hashes: list[str], max_failures: int = 5, base_lockout: float = 30.0) -> None:
        self._hashes = [h for h in pin_hashes if h]
        self._max = max_failures
        self._base = base_lockout
        self._failures = 0
        self._lockouts = 0
        self._locked_until = 0.0

    def locked_for(self, now: float) -> float:
        return max(0.0, self._locked_until - now)

    def try_pin(self, pin: str, now: float) -> PinAttempt:
        if self.locked_for(now) > 0:
            return PinAttempt(ok=False, locked_for=self.locked_for(now))
        if any(verify_pin(pin, h) for h in self._hashes):
            self._failures = 0
            self._lockouts = 0
            return PinAttempt(ok=True)
        self._failures += 1
        if self._failures >= self._max:
            self._failures = 0
            duration = self._base * (2**self._lockouts)
            self._lockouts += 1
            self._locked_until = now + duration
            return PinAttempt(ok=False, locked_for=duration)
        return PinAttempt(ok=False, remaining_tries=self._max - self._failures)
