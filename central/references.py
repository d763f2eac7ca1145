"""Public dossier references: random (not guessable from the previous one), with a Damm check digit, unique
across the fleet (the database's unique index backs the random draw). The format is part of the wire contract
(core/wire.py); kiosks check the digit when a resident types a reference."""

from __future__ import annotations

import re
import secrets

from core.wire import REFERENCE_RANDOM_DIGITS, damm_digit, reference_number_ok

NEW_FORMAT = re.compile(r"(HS|PA|SK|TT)-([0-9]{4})-([0-9]{9})")


def new_reference(prefix: str, year: int) -> str:
    # One draw from the OS's CSPRNG per reference (the ingest of a 50-item batch makes 50 of these).
    body = f"{secrets.randbelow(10 ** REFERENCE_RANDOM_DIGITS):0{REFERENCE_RANDOM_DIGITS}d}"
    return f"{prefix}-{year}-{body}{damm_digit(body)}"


def check_digit_ok(reference: str) -> bool:
    """True for a new-format reference whose check digit matches (a typo is caught before any look-up)."""
    m = NEW_FORMAT.fullmatch(reference)
    return bool(m) and reference_number_ok(m.group(3))
