"""Parser for the QR code on Vietnamese ID cards (CCCD gắn chip 2021–2024, thẻ căn cước 2024+). Pure; any thread.

Layout (FORMATS §1.2): ``id12|cmnd9 or empty|full name|DDMMYYYY|Nam/Nữ|address|issue DDMMYYYY`` — 7 fields on
chip CCCDs, 11 on thẻ căn cước (4 trailing optional fields whose meaning no source confirms: kept raw).
The 12-digit number encodes century+gender and the birth year (FORMATS §1.3); a mismatch is reported as a
warning, never silently accepted.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass

from core.formats.result import FormatError
from core.formats.text import MAX_PAYLOAD_CHARS, ascii_digits, clean

LAYOUT_CHIP_2021 = "cccd_chip_2021"  # 7 fields
LAYOUT_CAN_CUOC_2024 = "can_cuoc_2024"  # 11 fields

_ID = re.compile(r"\d{12}")
_CMND = re.compile(r"\d{9}|\d{12}")
_DATE = re.compile(r"\d{8}")


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


_GENDER_WORDS = {"nam": Gender.MALE, "nữ": Gender.FEMALE, "nu": Gender.FEMALE}


class CccdError(FormatError):
    """Not a valid ID-card QR payload; ``code`` starts with ``cccd.``."""


@dataclass(frozen=True)
class IdCard:
    id_number: str  # 12 digits (số định danh cá nhân)
    old_id: str | None  # 9-digit CMND, when printed
    full_name: str
    date_of_birth: dt.date
    gender: Gender
    address: str
    issue_date: dt.date
    layout: str  # LAYOUT_CHIP_2021 | LAYOUT_CAN_CUOC_2024
    extra: tuple[str, ...] = ()  # fields 8–11 of the 2024 card, raw
    warnings: tuple[str, ...] = ()  # e.g. "cccd.gender_mismatch", "cccd.birth_year_mismatch"


def looks_like_cccd(text: str) -> bool:
    """Cheap test used by classify(): 12 digits (maybe full-width) then a ``|``."""
    head = ascii_digits(clean(text)[:13])
    return bool(re.fullmatch(r"\d{12}\|", head))


def parse_cccd(text: str) -> IdCard:
    """Parse an ID-card QR payload. Raises :class:`CccdError` with a reason code."""
    if len(text) > MAX_PAYLOAD_CHARS:
        raise CccdError("cccd.too_long")
    # CR/LF inside a field is never legitimate; NULs and BOMs are dropped by clean().
    fields = [f.strip() for f in clean(text).replace("\r", "").replace("\n", "").split("|")]
    if len(fields) not in (7, 11):
        raise CccdError("cccd.field_count", f"{len(fields)} fields")
    id_number = ascii_digits(fields[0])
    if not _ID.fullmatch(id_number):
        raise CccdError("cccd.id_number")
    old_id = ascii_digits(fields[1]) or None
    if old_id is not None and not _CMND.fullmatch(old_id):
        raise CccdError("cccd.old_id")
    full_name = " ".join(fields[2].split())
    if not full_name or any(ch.isdigit() for ch in full_name):
        raise CccdError("cccd.full_name")
    dob = _date(fields[3], "cccd.date_of_birth")
    gender = _GENDER_WORDS.get(unicodedata.normalize("NFC", fields[4]).casefold())
    if gender is None:
        raise CccdError("cccd.gender")
    address = " ".join(fields[5].split())
    issue = _date(fields[6], "cccd.issue_date")
    extra = tuple(fields[7:])
    return IdCard(
        id_number=id_number, old_id=old_id, full_name=full_name, date_of_birth=dob, gender=gender,
        address=address, issue_date=issue, layout=LAYOUT_CHIP_2021 if len(fields) == 7 else LAYOUT_CAN_CUOC_2024,
        extra=extra, warnings=tuple(cross_check(id_number, dob, gender, issue)),
    )


def cross_check(id_number: str, dob: dt.date, gender: Gender, issue: dt.date) -> list[str]:
    """Warnings where the 12-digit number disagrees with the printed birth year/gender (FORMATS §1.3)."""
    warnings = []
    g = int(id_number[3])
    if (Gender.FEMALE if g % 2 else Gender.MALE) != gender:
        warnings.append("cccd.gender_mismatch")
    year = (g // 2 + 19) * 100 + int(id_number[4:6])
    if year != dob.year:
        warnings.append("cccd.birth_year_mismatch")
    if issue < dob:
        warnings.append("cccd.issued_before_birth")
    return warnings


def _date(field: str, code: str) -> dt.date:
    digits = ascii_digits(field)
    if not _DATE.fullmatch(digits):
        raise CccdError(code)
    try:
        return dt.date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        raise CccdError(code) from None
