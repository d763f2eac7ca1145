"""Public dossier references: random (not guessable from the previous one), with a Damm check digit, unique
across the fleet (the database's unique index backs the random draw). Pure apart from the random source.

Format: ``HS-2026-123456780``: kind prefix, year, 8 random digits and 1 check digit. References issued before
(``HS-2026-000123``, six digits, sequential) stay valid for look-ups."""

from __future__ import annotations

import re
import secrets

# Damm's quasigroup of order 10: catches every single-digit error and every swap of neighbouring digits.
_DAMM = ("0317598642", "7092154863", "4206871359", "1750983426", "6123045978",
         "3674209581", "5869720134", "8945362017", "9438617205", "2581436790")
RANDOM_DIGITS = 8
NEW_FORMAT = re.compile(r"(HS|PA|SK|TT)-([0-9]{4})-([0-9]{9})")


def damm(digits: str) -> str:
    interim = 0
    for ch in digits:
        interim = int(_DAMM[interim][int(ch)])
    return str(interim)


def new_reference(prefix: str, year: int) -> str:
    body = "".join(secrets.choice("0123456789") for _ in range(RANDOM_DIGITS))
    return f"{prefix}-{year}-{body}{damm(body)}"


def check_digit_ok(reference: str) -> bool:
    """True for a new-format reference whose check digit matches (a typo is caught before any look-up)."""
    m = NEW_FORMAT.fullmatch(reference)
    return m is not None and damm(m.group(3)) == "0"
