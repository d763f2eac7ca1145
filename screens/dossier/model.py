"""The dossier draft as pure data: prefill from the ID card, typed-answer checks, personal/public split, payload.

Pure (no Qt, no I/O); used on the GUI thread by the dossier screens and in tests. Error *codes* come back;
the screens translate them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from core.dossier_rules import MAX_TEXT, check_answer, check_answers, normalise  # noqa: F401 (shared with the hub)

SCHEMA_VERSION = 1
KIOSK_CHANNELS = ("online", "in_person")  # a kiosk dossier is electronic; fall back to the counter channel


@dataclass(frozen=True)
class Photo:
    name: str  # attachment name: [A-Za-z0-9._-]
    content_type: str
    data: bytes


@dataclass
class DossierDraft:
    """Everything the resident chose or typed for one dossier; lives in ``visit.data["dossier"]``."""

    code: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    photos: list[Photo] = field(default_factory=list)
    consent: bool = False
    prefilled_for: str = ""  # the ID number the answers were pre-filled from
    prefilled: dict[str, str] = field(default_factory=dict)  # key -> the value the card gave (not edited since)

    def wipe(self) -> None:
        self.code, self.prefilled_for, self.consent = "", "", False
        self.answers.clear()
        self.prefilled.clear()
        self.photos.clear()


def kiosk_channel(procedure: Any) -> str | None:
    """The channel a kiosk submission counts as: online when the procedure has it, else in person."""
    for kind in KIOSK_CHANNELS:
        if procedure.channel(kind) is not None:
            return kind
    return None


def fee_for(procedure: Any) -> int | None:
    """The fee (đồng) of a kiosk submission; None or 0: nothing to pay."""
    channel = kiosk_channel(procedure)
    return procedure.fee(channel) if channel else None


def identity_value(identity: Any, source: str | None) -> str:
    """The text an ID card gives for a ``prefill`` source such as ``identity.full_name`` ('' if none)."""
    if identity is None or not source or not source.startswith("identity."):
        return ""
    value = getattr(identity, source.split(".", 1)[1], None)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if source == "identity.gender":
        return "Nam" if str(getattr(value, "value", value)) == "male" else "Nữ"
    return str(value)


def prefill(fields: Any, identity: Any, answers: dict[str, str],
            prefilled: dict[str, str] | None = None) -> dict[str, str]:
    """Answers with what the ID card says filled in: empty fields, and fields still holding what an earlier
    card gave (``prefilled``), so scanning another card replaces it. What the resident typed is kept."""
    out = dict(answers)
    earlier = prefilled or {}
    for f in fields:
        value = identity_value(identity, f.prefill)
        current = out.get(f.key, "")
        if value and (not current or current == earlier.get(f.key)):
            out[f.key] = value
    return out


def card_values(fields: Any, identity: Any) -> dict[str, str]:
    """key -> what the ID card gives for it (to remember what was pre-filled)."""
    return {f.key: v for f in fields if (v := identity_value(identity, f.prefill))}


def is_personal(f: Any) -> bool:
    """Only answers picked from a fixed list say nothing about a person on their own; the rest is personal."""
    return not (f.type == "choice" and f.prefill is None)


def split_answers(fields: Any, answers: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(public, personal) answers; empty answers are left out."""
    public, personal = {}, {}
    for f in fields:
        value = normalise(f.type, answers.get(f.key, ""))
        if value:
            (personal if is_personal(f) else public)[f.key] = value
    return public, personal


def identity_json(identity: Any) -> dict[str, Any] | None:
    if identity is None:
        return None
    dob, gender = identity.date_of_birth, identity.gender
    return {"id_number": identity.id_number, "old_id": identity.old_id, "full_name": identity.full_name,
            "date_of_birth": dob.isoformat() if dob else None, "gender": str(getattr(gender, "value", gender)),
            "address": identity.address, "layout": identity.layout,
            "issue_date": identity.issue_date.isoformat() if identity.issue_date else None}


@dataclass(frozen=True)
class Submission:
    kind: str
    payload: dict[str, Any]
    personal: dict[str, Any]
    attachments: list[tuple[str, str, bytes]]


def build_submission(procedure: Any, draft: DossierDraft, identity: Any, language: str = "vi") -> Submission:
    """The queue item for a dossier: non-personal payload, personal fields apart, photos as attachments."""
    fields = procedure.form_fields
    public, personal = split_answers(fields, draft.answers)
    channel = kiosk_channel(procedure)
    fee = fee_for(procedure)
    payload = {
        "procedure_code": procedure.code,
        "procedure_name": procedure.name_vi,
        "channel": channel,
        "fee": {"amount": fee} if fee else None,
        "answers": public,
        "attachments": [p.name for p in draft.photos],
        "consent": {"given": bool(draft.consent), "text_version": CONSENT_VERSION},
        "language": language,
    }
    return Submission("dossier", payload, {"identity": identity_json(identity), "answers": personal},
                      [(p.name, p.content_type, p.data) for p in draft.photos])


CONSENT_VERSION = "nd13-2023-v1"
