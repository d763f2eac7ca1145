"""A dossier prepared at home: the QR the hub's phone page gives, ``TCDS-DRAFT|1|<code>|<id>|<expires>|<sig>``.

Pure; any thread. The QR carries no personal data: only the procedure code, a random draft id, the expiry
(Unix seconds, UTC) and the hub's HMAC-SHA256 over the rest (128 bits, base64url). The answers stay on the hub
until a station redeems the code; the hub then checks the signature and the expiry, hands the answers over once
and deletes them. A kiosk only checks the shape (:func:`parse_draft`); the hub, which holds the key, checks the
signature (:func:`verify_draft`). Anything altered — code, id, expiry — fails the signature.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from core.formats.result import FormatError

PREFIX = "TCDS-DRAFT"
VERSION = "1"
_CODE = re.compile(r"\d\.\d{6}")
_ID = re.compile(r"[A-Za-z0-9_-]{16,32}")
_SIG = re.compile(r"[A-Za-z0-9_-]{22}")
_EXPIRES = re.compile(r"\d{9,11}")


class DraftError(FormatError):
    """Not a valid prepared-dossier code; ``code`` is draft.format | draft.signature | draft.expired."""


@dataclass(frozen=True)
class DraftRef:
    procedure_code: str
    draft_id: str
    expires_at: int  # Unix seconds (UTC)
    signature: str

    @property
    def signed_part(self) -> str:
        return "|".join([PREFIX, VERSION, self.procedure_code, self.draft_id, str(self.expires_at)])

    @property
    def payload(self) -> str:
        return f"{self.signed_part}|{self.signature}"


def new_draft_id() -> str:
    return secrets.token_urlsafe(15)  # 120 random bits, 20 characters


def _sign(key: bytes, signed_part: str) -> str:
    mac = hmac.new(key, signed_part.encode("ascii"), hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")


def build_draft(key: bytes, procedure_code: str, draft_id: str, expires_at: int) -> DraftRef:
    """The signed reference the phone page shows as a QR (``.payload``)."""
    if len(key) < 16:
        raise ValueError("the draft key must have at least 128 bits")
    unsigned = DraftRef(procedure_code, draft_id, int(expires_at), "")
    if not _CODE.fullmatch(procedure_code) or not _ID.fullmatch(draft_id):
        raise ValueError("procedure code or draft id")
    return DraftRef(procedure_code, draft_id, int(expires_at), _sign(key, unsigned.signed_part))


def looks_like_draft(text: str) -> bool:
    return text.startswith(PREFIX + "|")


def parse_draft(text: Any) -> DraftRef:
    """The shape of an untrusted prepared-dossier code (no key needed). Raises :class:`DraftError`."""
    if not isinstance(text, str) or len(text) > 200:
        raise DraftError("draft.format", "not a short text")
    fields = text.strip().split("|")
    if len(fields) != 6 or fields[0] != PREFIX:
        raise DraftError("draft.format", "field count or prefix")
    _, version, code, draft_id, expires, signature = fields
    if version != VERSION:
        raise DraftError("draft.format", "version")
    if not (_CODE.fullmatch(code) and _ID.fullmatch(draft_id) and _EXPIRES.fullmatch(expires)
            and _SIG.fullmatch(signature)):
        raise DraftError("draft.format", "a field has the wrong shape")
    return DraftRef(code, draft_id, int(expires), signature)


def verify_draft(key: bytes, text: Any, now: float) -> DraftRef:
    """The reference when the hub's signature holds and it has not expired; else :class:`DraftError`."""
    ref = parse_draft(text)
    if not hmac.compare_digest(_sign(key, ref.signed_part), ref.signature):
        raise DraftError("draft.signature", "the code was altered or not made by this hub")
    if now >= ref.expires_at:
        raise DraftError("draft.expired", "past its expiry")
    return ref


def phone_fields(fields: Any) -> list[Any]:
    """The form fields a resident fills on the phone: all but what the ID card gives at the station (name, date
    of birth, ID number, address…), so the prepared draft carries no more personal data than needed."""
    return [f for f in fields if not (f.prefill or "").startswith("identity.")]


def accepted_answers(fields: Any, answers: Any) -> dict[str, str]:
    """What a station takes from a redeemed draft: only the phone page's questions of this procedure, as text,
    normalised and cut to the kiosk's lengths (the hub's answer is untrusted like any other input). The form then
    checks them again with the same rules before the resident can go on."""
    from core.dossier_rules import normalise

    if not isinstance(answers, dict):
        return {}
    out = {}
    for f in phone_fields(fields):
        value = answers.get(f.key)
        if isinstance(value, str) and (text := normalise(f.type, value)):
            out[f.key] = text
    return out
