"""A security-and-order report (phản ánh ANTT) as data: categories, places, the draft, the submission. Pure.

The draft lives in ``visit.data["report"]`` (wiped with the visit). :func:`build_submission` makes the queue
item: ``payload`` (sent to the hub, never personal data) and ``personal`` (encrypted at rest; ``None`` when the
resident chose to stay anonymous, whatever identity the visit holds).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from screens.identity.model import personal_fields

DRAFT_KEY = "report"
SCHEMA_VERSION = 1
CONSENT_VERSION = 1
MIN_DESCRIPTION = 5
MAX_DESCRIPTION = 1000

# key -> Vietnamese label sent to the ward police with the report (screens translate the key themselves)
CATEGORIES: dict[str, str] = {
    "disorder_noise": "Mất trật tự, gây ồn ào",
    "theft": "Trộm cắp",
    "fighting": "Đánh nhau, gây rối",
    "gathering": "Tụ tập đông người",
    "fire_risk": "Nguy cơ cháy, nổ",
    "drugs": "Ma túy",
    "fraud": "Lừa đảo",
    "traffic": "Vi phạm giao thông trong khu dân cư",
    "other": "Việc khác",
}
AREAS: dict[str, str] = {
    "lobby": "Sảnh",
    "parking": "Hầm xe",
    "elevator": "Thang máy",
    "corridor": "Hành lang, cầu thang",
    "apartment": "Căn hộ",
    "yard": "Sân, khuôn viên",
    "street": "Đường, lối đi quanh tòa nhà",
    "other": "Nơi khác",
}
CONSENT_TEXT_VI = ("Tôi đồng ý gửi phản ánh này cho Công an phường để xác minh, xử lý; nếu tôi không chọn "
                   "ẩn danh, Công an phường được dùng họ tên và số định danh của tôi để liên hệ.")


def new_draft() -> dict[str, Any]:
    return {"category": "", "area": "", "block": "", "floor": "", "apartment": "", "description": "",
            "anonymous": None, "consent": False, "photos": []}


def clean(text: str, limit: int) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch == "\n" else " " for ch in text)
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()[:limit]


def location_text(draft: dict[str, Any]) -> str:
    """"Hầm xe · Tòa A · Tầng B2" (Vietnamese, for the payload and the receipt)."""
    parts = [AREAS.get(draft.get("area", ""), "")]
    for key, word in (("block", "Tòa"), ("floor", "Tầng"), ("apartment", "Căn")):
        value = clean(draft.get(key, ""), 20)
        if value:
            parts.append(f"{word} {value}")
    return " · ".join(p for p in parts if p)


def problems(draft: dict[str, Any]) -> list[str]:
    """What is still missing before the report can be sent (codes)."""
    out = []
    if draft.get("category") not in CATEGORIES:
        out.append("category")
    if draft.get("area") not in AREAS:
        out.append("area")
    if len(clean(draft.get("description", ""), MAX_DESCRIPTION)) < MIN_DESCRIPTION:
        out.append("description")
    if draft.get("anonymous") is None:
        out.append("anonymous")
    if not draft.get("consent"):
        out.append("consent")
    return out


def attachments(draft: dict[str, Any]) -> list[tuple[str, str, bytes]]:
    """The photos the resident took on purpose, as queue attachments (encrypted at rest by the store)."""
    return [(f"photo-{i}.jpg", "image/jpeg", bytes(data)) for i, data in enumerate(draft.get("photos") or (), 1)]


def build_submission(draft: dict[str, Any], identity: Any, language: str = "vi") -> tuple[dict, dict | None]:
    """(payload, personal). Raises ValueError("report.incomplete") when :func:`problems` is not empty."""
    anonymous = bool(draft.get("anonymous"))
    if problems(draft) or (not anonymous and identity is None):
        raise ValueError("report.incomplete")
    payload = {
        "category": draft["category"],
        "category_vi": CATEGORIES[draft["category"]],
        "location": {"area": draft["area"], "area_vi": AREAS[draft["area"]],
                     "block": clean(draft.get("block", ""), 20), "floor": clean(draft.get("floor", ""), 20),
                     "apartment": clean(draft.get("apartment", ""), 20), "text_vi": location_text(draft)},
        "description": clean(draft["description"], MAX_DESCRIPTION),
        "anonymous": anonymous,
        "photos": len(draft.get("photos") or ()),
        "consent": {"given": True, "version": CONSENT_VERSION, "text_vi": CONSENT_TEXT_VI},
        "language": language,
    }
    personal = None if anonymous else personal_fields(identity)
    return payload, personal
