"""Pure validation of submission items (untrusted kiosk JSON) and their canonical form; no I/O, any thread."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.wire import ITEM_KINDS as KINDS
from core.wire import MAX_FEE, MAX_LOCAL_REF, SCHEMA_VERSIONS, canonical_json

__all__ = ["KINDS", "MAX_FEE", "MAX_LOCAL_REF", "SCHEMA_VERSIONS", "Rejection", "ValidItem", "canonical_json",
           "fee_of", "reference_for", "validate_item"]


@dataclass(frozen=True)
class ValidItem:
    id: str  # normalised (lower-case) UUID text: the unique key
    sent_id: str  # as the kiosk sent it: echoed in the result so the kiosk can match its rows
    kind: str
    schema_version: int
    created_at: str
    local_ref: str | None
    payload: dict[str, Any]
    canonical: str  # sorted-keys JSON of the whole item
    body_hash: str
    fee_amount: int | None


@dataclass(frozen=True)
class Rejection:
    id: Any  # echoed back as sent (it may be missing or not a string)
    reason: str  # invalid_payload | unknown_kind | unsupported_schema_version
    detail: str


def _echo_id(item: Any) -> Any:
    raw = item.get("id") if isinstance(item, dict) else None
    return raw if isinstance(raw, str) and len(raw) <= 64 else None


def _parse_uuid(raw: Any) -> str | None:
    if not isinstance(raw, str) or len(raw) != 36:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return None


def _valid_time(raw: Any) -> bool:
    if not isinstance(raw, str) or len(raw) > 40:
        return False
    try:
        return datetime.fromisoformat(raw).tzinfo is not None
    except ValueError:
        return False


def fee_of(payload: dict[str, Any]) -> int | None:
    """A dossier's fee: `"fee": {"amount": 20000}`, `"fee": 20000` or `"fee_amount": 20000` (null/absent: none)."""
    raw = payload.get("fee", payload.get("fee_amount"))
    if isinstance(raw, dict):
        raw = raw.get("amount")
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 < raw <= MAX_FEE:
        return None
    return raw


def validate_item(item: Any) -> ValidItem | Rejection:
    """Check one submission item; never raises."""
    echo = _echo_id(item)
    if not isinstance(item, dict):
        return Rejection(None, "invalid_payload", "an item must be a JSON object")
    item_id = _parse_uuid(item.get("id"))
    if item_id is None:
        return Rejection(echo, "invalid_payload", "id must be a UUID (36 characters with hyphens)")
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        return Rejection(echo, "unknown_kind", f"kind must be one of {sorted(KINDS)}")
    version = item.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        return Rejection(echo, "invalid_payload", "schema_version must be an integer")
    if version not in SCHEMA_VERSIONS:
        return Rejection(echo, "unsupported_schema_version", f"supported: {sorted(SCHEMA_VERSIONS)}")
    if not _valid_time(item.get("created_at")):
        return Rejection(echo, "invalid_payload", "created_at must be an ISO 8601 time with an offset")
    local_ref = item.get("local_ref")
    if local_ref is not None and (not isinstance(local_ref, str) or not 0 < len(local_ref) <= MAX_LOCAL_REF
                                  or "\x00" in local_ref):
        return Rejection(echo, "invalid_payload", f"local_ref must be a string of 1..{MAX_LOCAL_REF} characters")
    payload = item.get("payload")
    if not isinstance(payload, dict):
        return Rejection(echo, "invalid_payload", "payload must be a JSON object")
    try:
        canonical = canonical_json(dict(item, id=item_id))  # id case does not make a conflict
    except (ValueError, TypeError):
        return Rejection(echo, "invalid_payload", "item is not representable as JSON")
    return ValidItem(
        id=item_id, sent_id=item["id"], kind=kind, schema_version=version, created_at=item["created_at"],
        local_ref=local_ref, payload=payload, canonical=canonical,
        body_hash=hashlib.sha256(canonical.encode()).hexdigest(),
        fee_amount=fee_of(payload) if kind == "dossier" else None,
    )


def reference_for(kind: str, year: int) -> str:
    """A new random hub reference with a check digit (central/references.py): HS-2026-123456780."""
    from central.references import new_reference

    return new_reference(KINDS[kind], year)
