"""Technician/operator PINs: scrypt hashes, the PIN policy, and a lockout that grows with every further failure.

Time is passed in (wall-clock seconds), so the lockout rules are tested without sleeping. With a `state_path`
the failures and lockouts are kept in a small JSON file (written before the PIN is even checked), so cutting
the power neither forgets a wrong guess nor ends a lockout (issue 13). The file write is tiny and happens on the
thread that calls `try_pin` (the PIN screen: one write per key press of OK, like the scrypt check itself)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
PIN_STATE_FILE = "technician-pin.json"  # in the kiosk's data directory
# scrypt hash of the demo PIN 1234 that the embedded default configuration carries (kiosk/config/schema.py):
# allowed only in demo mode (hub.local_hub = true).
DEMO_PIN_HASH = ("scrypt$16384$8$1$9775e27ab4b8f1b6f5498e871b5ba79d$"
                 "674bb8cae8a679da880c3bc831ed132614219d15d5d0cb46f8ee4eb01938b2d7")
# Checked against a configured hash by `kiosk config check` (one scrypt each: keep the list short).
COMMON_PINS = ("1234", "0000", "1111", "123456", "000000", "111111", "654321", "123123", "121212", "112233",
               "12345678", "4321", "666666", "888888", "999999")


def pin_problem(pin: str) -> str | None:
    """Why a new PIN is refused ("not_digits", "too_short", "too_long", "trivial"), or None."""
    if not pin.isascii() or not pin.isdigit():
        return "not_digits"
    if len(pin) < MIN_PIN_DIGITS:
        return "too_short"
    if len(pin) > MAX_PIN_DIGITS:
        return "too_long"
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    repeats_a_block = any(len(pin) % k == 0 and pin == pin[:k] * (len(pin) // k) for k in (1, 2, 3))
    if len(steps) == 1 or repeats_a_block or pin in COMMON_PINS:
        return "trivial"  # 000000, 123456, 987654, 121212, 123123, ...
    return None


def weak_configured_pin(pin_hash: str) -> str | None:
    """Why a configured hash is not acceptable outside demo mode ("missing", "demo", "short", "common"), or None.

    "short": the hash does not carry the mark `hash_pin` gives hashes of 6 or more digits (a shorter PIN, or a
    hash made by hand or by an older version): a hash alone cannot show a PIN's length otherwise."""
    if not pin_hash:
        return "missing"
    if pin_hash == DEMO_PIN_HASH:
        return "demo"
    if not shows_long_pin(pin_hash):
        return "short"
    if any(verify_pin(pin, pin_hash) for pin in COMMON_PINS):
        return "common"
    return None

SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_LEN = 16384, 8, 1, 32


# The salt of a hash made from 6 or more digits starts with this mark. The salt is part of what scrypt hashes, so
# the mark cannot be added to the hash of a shorter PIN afterwards: `kiosk config check` and the kiosk's start can
# enforce the length on a hash (issue 13). Older builds verify marked hashes unchanged (the salt is just bytes).
LONG_PIN_MARK = b"tcds-pin-6+:"


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    if salt is None:
        long_enough = pin.isascii() and pin.isdigit() and len(pin) >= MIN_PIN_DIGITS
        salt = (LONG_PIN_MARK if long_enough else b"") + os.urandom(16)
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


def shows_long_pin(stored: str) -> bool:
    """Was ``stored`` made by `hash_pin` from 6 or more digits (its salt carries :data:`LONG_PIN_MARK`)?"""
    parts = stored.split("$")
    try:
        return len(parts) == 6 and parts[0] == "scrypt" and bytes.fromhex(parts[4]).startswith(LONG_PIN_MARK)
    except ValueError:
        return False


@dataclass
class PinAttempt:
    ok: bool
    locked_for: float = 0.0  # seconds until the next try is allowed (0: not locked)
    remaining_tries: int = 0


MAX_LOCKOUT_SECONDS = 24 * 3600.0


def read_state(path: Path) -> dict[str, float]:
    """The persisted counters; a missing or damaged file counts as one lockout already served (fail closed)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {k: float(raw[k]) for k in ("failures", "lockouts", "locked_until")}
    except FileNotFoundError:
        return {"failures": 0.0, "lockouts": 0.0, "locked_until": 0.0}
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("technician PIN state %s unreadable: treated as one lockout", path.name)
        return {"failures": 0.0, "lockouts": 1.0, "locked_until": 0.0}


def state_report(path: Path, now: float) -> str:
    """One line for the heartbeat's device states: ok | failures N | locked N s (lockouts K)."""
    st = read_state(path)
    left = st["locked_until"] - now
    if left > 0:
        return f"locked {int(left + 0.999)} s (lockouts {int(st['lockouts'])})"
    if st["failures"] or st["lockouts"]:
        return f"failures {int(st['failures'])} (lockouts {int(st['lockouts'])})"
    return "ok"


class PinGate:
    """Counts wrong PINs; after ``max_failures`` it locks for base, 2×base, 4×base … seconds (at most a day).

    `now` is wall-clock time (time.time()): a lockout must outlast a reboot, which resets the monotonic clock."""

    def __init__(self, pin_hashes: list[str], max_failures: int = 5, base_lockout: float = 30.0,
                 state_path: Path | None = None) -> None:
        self._hashes = [h for h in pin_hashes if h]
        self._max = max_failures
        self._base = base_lockout
        self._path = state_path
        st = read_state(state_path) if state_path else {"failures": 0.0, "lockouts": 0.0, "locked_until": 0.0}
        self._failures, self._lockouts = int(st["failures"]), int(st["lockouts"])
        self._locked_until = st["locked_until"]

    def _save(self) -> None:
        if self._path is None:
            return
        tmp = self._path.with_suffix(".tmp")
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump({"failures": self._failures, "lockouts": self._lockouts,
                           "locked_until": self._locked_until}, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self._path)
        except OSError as exc:  # a read-only or full disk must not open the gate: counters stay in memory
            log.error("technician PIN state not saved: %s", type(exc).__name__)

    @property
    def failures(self) -> int:
        return self._failures

    def locked_for(self, now: float) -> float:
        return max(0.0, min(self._locked_until - now, MAX_LOCKOUT_SECONDS))

    def try_pin(self, pin: str, now: float) -> PinAttempt:
        if self.locked_for(now) > 0:
            return PinAttempt(ok=False, locked_for=self.locked_for(now))
        # Count the attempt as a failure on disk first: pulling the plug during the check keeps it counted.
        self._failures += 1
        self._save()
        if any(verify_pin(pin, h) for h in self._hashes):
            self._failures = 0
            self._lockouts = 0
            self._locked_until = 0.0
            self._save()
            return PinAttempt(ok=True)
        if self._failures >= self._max:
            self._failures = 0
            duration = min(self._base * (2**self._lockouts), MAX_LOCKOUT_SECONDS)
            self._lockouts += 1
            self._locked_until = now + duration
            self._save()
            return PinAttempt(ok=False, locked_for=duration)
        return PinAttempt(ok=False, remaining_tries=self._max - self._failures)
