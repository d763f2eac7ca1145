"""The rules a dossier answer must meet, shared by the kiosk's form and the hub's phone page (pure; any thread).

One place for them so a dossier prepared at home on the phone passes the same checks as one typed at the kiosk.
Error *codes* come back (form.required, form.date, …); each side translates them for the resident.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from core.formats.text import ascii_digits, clean

MAX_TEXT = {"text": 120, "address": 250, "textarea": 1000, "phone": 20, "id_number": 20, "date": 10, "choice": 100}
_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_PHONE = re.compile(r"0\d{9}")


def normalise(field_type: str, text: str) -> str:
    """What we store for a typed answer: NFC, single spaces (line breaks kept in long text), digits folded."""
    text = clean(text or "")
    if field_type == "textarea":
        text = "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
    else:
        text = " ".join(text.split())
    if field_type in ("id_number", "phone"):
        text = ascii_digits(text).replace(" ", "")
    return text[:MAX_TEXT.get(field_type, 250)]


def check_answer(f: Any, text: str) -> str | None:
    """None when ``text`` is acceptable for form field ``f``, else an error code (form.required, …)."""
    value = normalise(f.type, text)
    if not value:
        return "form.required" if f.required else None
    if f.type == "date":
        m = _DATE.fullmatch(value)
        try:
            day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
        except ValueError:
            day = None
        if day is None or not 1900 <= day.year <= 2100:
            return "form.date"
    elif f.type == "id_number":
        if not re.fullmatch(r"\d{12}|\d{9}", value):
            return "form.id_number"
    elif f.type == "phone":
        digits = "0" + value[3:] if value.startswith("+84") else value
        if not _PHONE.fullmatch(digits):
            return "form.phone"
    elif f.type == "choice":
        if f.choices and value not in {c.value for c in f.choices}:
            return "form.choice"
    elif f.type == "text" and f.key == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return "form.email"
    return None


def check_answers(fields: Any, answers: dict[str, str]) -> dict[str, str]:
    """{field key: error code} for every field that is not acceptable yet."""
    errors = {}
    for f in fields:
        code = check_answer(f, answers.get(f.key, ""))
        if code:
            errors[f.key] = code
    return errors
