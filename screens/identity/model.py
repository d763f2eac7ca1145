"""The identity draft the resident checks and edits: from a scanned ID card or typed in. Pure; any thread.

The draft is a plain dict kept in ``visit.data["identity.draft"]`` (wiped with the visit) until the resident
confirms it; then :func:`to_card` makes the :class:`core.formats.cccd.IdCard` stored as ``visit.identity``.
Validation returns error *codes* per field; the screens translate them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from core.formats.cccd import Gender, IdCard, cross_check

DRAFT_KEY = "identity.draft"
JOURNEY_KEY = "identity.journey"  # {"return_to", "return_params", "purpose", "step"} of the current sub-journey
FIELDS = ("full_name", "id_number", "date_of_birth", "gender", "address")
LAYOUT_MANUAL = "manual"
MAX_NAME, MAX_ADDRESS = 60, 200
OLDEST_YEARS = 130


def empty_draft() -> dict[str, Any]:
    return {"full_name": "", "id_number": "", "date_of_birth": "", "gender": "", "address": "", "old_id": None,
            "issue_date": None, "layout": LAYOUT_MANUAL, "extra": [], "scanned_warnings": [], "edited": []}


def from_card(card: IdCard) -> dict[str, Any]:
    draft = empty_draft()
    draft.update(full_name=card.full_name, id_number=card.id_number, date_of_birth=card.date_of_birth.strftime(
        "%d/%m/%Y"), gender=card.gender.value, address=card.address, old_id=card.old_id,
        issue_date=card.issue_date.isoformat(), layout=card.layout, extra=list(card.extra),
        scanned_warnings=list(card.warnings))
    return draft


def clean_text(text: str) -> str:
    """NFC, single spaces, no control characters (typed text is untrusted input too)."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())


def format_dob(text: str) -> str:
    """What the date box shows while digits are typed: "1503" → "15/03", "15031985" → "15/03/1985"."""
    digits = re.sub(r"[^0-9]", "", text or "")[:8]
    parts = [digits[:2], digits[2:4], digits[4:]]
    return "/".join(p for p in parts if p)


def parse_dob(text: str, today: dt.date | None = None) -> dt.date:
    """"15/03/1985" → date. Raises ValueError with a code: dob.format, dob.future, dob.too_old."""
    today = today or dt.date.today()
    m = re.fullmatch(r"([0-9]{2})/([0-9]{2})/([0-9]{4})", (text or "").strip())
    if not m:
        raise ValueError("dob.format")
    try:
        value = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        raise ValueError("dob.format") from None
    if value > today:
        raise ValueError("dob.future")
    if value.year < today.year - OLDEST_YEARS:
        raise ValueError("dob.too_old")
    return value


def validate(draft: dict[str, Any], today: dt.date | None = None) -> dict[str, str]:
    """{field: error code} for every field that is not acceptable; {} when the draft can be confirmed."""
    errors: dict[str, str] = {}
    name = clean_text(draft.get("full_name", ""))
    if not name:
        errors["full_name"] = "name.empty"
    elif any(ch.isdigit() for ch in name) or len(name) > MAX_NAME:
        errors["full_name"] = "name.invalid"
    if not re.fullmatch(r"[0-9]{12}", draft.get("id_number", "") or ""):  # ASCII only: \d takes any script
        errors["id_number"] = "id.length"
    try:
        parse_dob(draft.get("date_of_birth", ""), today)
    except ValueError as exc:
        errors["date_of_birth"] = str(exc)
    if draft.get("gender") not in (Gender.MALE.value, Gender.FEMALE.value):
        errors["gender"] = "gender.missing"
    address = clean_text(draft.get("address", ""))
    if not address:
        errors["address"] = "address.empty"
    elif len(address) > MAX_ADDRESS:
        errors["address"] = "address.long"
    return errors


def warnings(draft: dict[str, Any], today: dt.date | None = None) -> list[str]:
    """Where the 12-digit number disagrees with the birth date/gender (codes of core.formats.cccd)."""
    if validate(draft, today):
        return []
    issue = dt.date.fromisoformat(draft["issue_date"]) if draft.get("issue_date") else (today or dt.date.today())
    return cross_check(draft["id_number"], parse_dob(draft["date_of_birth"], today), Gender(draft["gender"]), issue)


def to_card(draft: dict[str, Any], today: dt.date | None = None) -> IdCard:
    """The confirmed identity. Typed-in identities have layout "manual" and issue_date None (not on paper)."""
    if validate(draft, today):
        raise ValueError("identity.invalid")
    issue = dt.date.fromisoformat(draft["issue_date"]) if draft.get("issue_date") else None
    return IdCard(id_number=draft["id_number"], old_id=draft.get("old_id"), full_name=clean_text(draft["full_name"]),
                  date_of_birth=parse_dob(draft["date_of_birth"], today), gender=Gender(draft["gender"]),
                  address=clean_text(draft["address"]), issue_date=issue,  # type: ignore[arg-type]
                  layout=draft.get("layout") or LAYOUT_MANUAL, extra=tuple(draft.get("extra") or ()),
                  warnings=tuple(warnings(draft, today)))


def personal_fields(card: IdCard) -> dict[str, Any]:
    """The JSON a submission carries in its encrypted ``personal`` part."""
    return {"full_name": card.full_name, "id_number": card.id_number, "old_id": card.old_id,
            "date_of_birth": card.date_of_birth.isoformat(), "gender": card.gender.value, "address": card.address,
            "issue_date": card.issue_date.isoformat() if card.issue_date else None, "source": (
                "typed" if card.layout == LAYOUT_MANUAL else "id_card_qr")}


# A made-up resident (screenshots, layout checks and sample params): never a real person's details.
SAMPLE_DRAFT = {**empty_draft(), "full_name": "Nguyễn Văn An", "id_number": "001085012345",
                "date_of_birth": "15/03/1986", "gender": "male", "layout": "cccd_chip_2021",
                "address": "Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội", "issue_date": "2022-06-22"}
