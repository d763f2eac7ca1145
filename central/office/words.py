"""The words an officer reads instead of the codes a kiosk sends: a report's category and place, a procedure's
name, a payment's state. Pure (the procedure names come in from the catalogue); request threads.

A report carries its category both as a key (``disorder_noise``) and in the kiosk's Vietnamese words
(``category_vi``, screens/report/model.py); the page shows the words. A body from an older or foreign kiosk
without them still shows something an officer can read, never a bare key."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from central.models import as_utc, utcnow
from central.records import PAYMENT_STATUSES

UNKNOWN_CATEGORY = "Nội dung khác"


def _text(value: Any, limit: int = 200) -> str:
    return " ".join(value.split())[:limit] if isinstance(value, str) else ""


def report_category(payload: dict[str, Any]) -> str:
    """"Mất trật tự, gây ồn ào"; a category without words: "Nội dung khác (mã: noise)"."""
    words = _text(payload.get("category_vi"))
    if words:
        return words
    code = _text(payload.get("category"), 40)
    return f"{UNKNOWN_CATEGORY} (mã: {code})" if code else ""


def report_place(payload: dict[str, Any]) -> str:
    """"Hầm xe · Tòa A · Tầng B2" from the kiosk's location block (or a plain text place)."""
    location = payload.get("location")
    if isinstance(location, str):
        return _text(location)
    if not isinstance(location, dict):
        return ""
    if text := _text(location.get("text_vi")):
        return text
    parts = [_text(location.get("area_vi"))]
    for key, word in (("block", "Tòa"), ("floor", "Tầng"), ("apartment", "Căn")):
        if value := _text(location.get(key), 20):
            parts.append(f"{word} {value}")
    return " · ".join(p for p in parts if p)


def report_details(payload: dict[str, Any]) -> list[tuple[str, str]]:
    """The labelled lines of a report (case page and CSV export), in reading order."""
    lines = [("Nội dung phản ánh", report_category(payload)), ("Địa điểm", report_place(payload)),
             ("Mô tả", _text(payload.get("description"), 2000))]
    photos = payload.get("photos")
    if isinstance(photos, int) and not isinstance(photos, bool) and photos > 0:
        lines.append(("Số ảnh chụp", str(photos)))
    return [(label, value) for label, value in lines if value]


def procedure_name(code: str, names: dict[str, str], payload: dict[str, Any] | None = None) -> str:
    """The procedure's name from the catalogue, else the one the kiosk sent, else ""."""
    return names.get(code) or _text((payload or {}).get("procedure_name"))


def payment_state(payment: Any, now: datetime | None = None) -> str:
    """"Chờ thanh toán", "Đã thanh toán" or "Hết hạn" (a pending payment past its expiry has expired)."""
    status = str(getattr(payment, "status", ""))
    expires = getattr(payment, "expires_at", None)
    if status == "pending" and isinstance(expires, datetime) and as_utc(expires) <= (now or utcnow()):
        status = "expired"
    return PAYMENT_STATUSES.get(status, "Không rõ")


BHYT_ACTIONS = {"register": "Đăng ký tham gia", "renew": "Gia hạn"}


def _amount(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**11 else None


def bhyt_household(payload: dict[str, Any], personal: dict[str, Any]) -> dict[str, Any] | None:
    """A household BHYT application in an officer's words (screens/bhyt/model.py sends it): what, for how long,
    each person with their amount, the total in figures and in words, the legal basis. None for any other dossier
    or a body that does not have this shape (a kiosk's body is untrusted: nothing here raises)."""
    from core.money import format_vnd, vnd_in_words

    bhyt = payload.get("bhyt")
    if not isinstance(bhyt, dict):
        return None
    total, months = _amount(bhyt.get("total_vnd")), _amount(bhyt.get("months"))
    if total is None or months is None:
        return None
    given = personal.get("bhyt_members")
    people = []
    for i, m in enumerate(given if isinstance(given, list) else [], start=1):
        if not isinstance(m, dict):
            continue
        period = _amount(m.get("period_vnd"))
        born = _text(m.get("date_of_birth"), 10)
        try:
            born = date.fromisoformat(born).strftime("%d/%m/%Y")
        except ValueError:
            pass
        people.append({"n": i, "name": _text(m.get("full_name"), 80), "id_number": _text(m.get("id_number"), 20),
                       "born": born,
                       "source": "quét thẻ căn cước" if m.get("source") == "card" else "nhập tay",
                       "amount": format_vnd(period) if period is not None else "—"})
    base, since = _amount(bhyt.get("base_salary_vnd")), _text(bhyt.get("base_salary_from"), 10)
    try:
        since = date.fromisoformat(since).strftime("%d/%m/%Y")
    except ValueError:
        pass  # shown as sent
    return {"action": BHYT_ACTIONS.get(str(bhyt.get("action")), "Không rõ"), "months": f"{months} tháng",
            "people": people, "count": _amount(bhyt.get("members")) or len(people),
            "total": format_vnd(total), "total_words": vnd_in_words(total),
            "base": (f"{format_vnd(base)} từ {since} ({_text(bhyt.get('base_salary_source'))})" if base else ""),
            "rule": _text(bhyt.get("rule_source"), 400)}
