"""What the officer inbox filters and searches on, taken from a submission's payload at ingest. Pure, no I/O.

Kept in columns (migration 0003) so that filters and search use indexes instead of reading 100,000 JSON bodies.
An anonymous report keeps no name anywhere: the name column stays empty and the body holds none either.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

_DAYS = re.compile(r"(\d{1,3})\s*ngày", re.IGNORECASE)


def name_key(name: str) -> str:
    """Search form of a Vietnamese name: lower case, no diacritics, single spaces.

    "Nguyễn Văn Đức" → "nguyen van duc"."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def _applicant(payload: dict[str, Any]) -> str | None:
    personal = payload.get("personal")
    identity = personal.get("identity") if isinstance(personal, dict) else None
    name = identity.get("full_name") if isinstance(identity, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None
    return " ".join(name.split())[:200]


def fields_of(kind: str, payload: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(procedure code, applicant name, name key) of a stored item; names never for anonymous reports."""
    code = payload.get("procedure_code")
    code = code.strip()[:32] if isinstance(code, str) and code.strip() else None
    if kind == "report" and payload.get("anonymous", True) is not False:
        return code, None, None
    name = _applicant(payload) if kind in ("dossier", "report") else None
    return code, name, name_key(name) if name else None


def processing_days(procedure: dict[str, Any]) -> int | None:
    """The longest legal processing time in days stated for a catalogue procedure ("07 ngày làm việc"), if any."""
    days = []
    for channel in procedure.get("channels") or []:
        text = channel.get("processing_time") if isinstance(channel, dict) else None
        if isinstance(text, str):
            days += [int(m) for m in _DAYS.findall(text) if 0 < int(m) <= 365]
    return max(days) if days else None


def add_working_days(start: datetime, days: int) -> datetime:
    """`start` plus `days` working days (Monday to Friday; public holidays are not known to the hub)."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        return None
