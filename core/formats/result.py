"""The result of classifying one scanned text: what kind of code it is and its parsed value. Pure; any thread."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any


class Kind(enum.StrEnum):
    ID_CARD = "id_card"  # CCCD / thẻ căn cước QR -> cccd.IdCard
    PROCEDURE = "procedure"  # bare procedure code or official portal link -> procedure_link.ProcedureRef
    RECEIPT = "receipt"  # our own tracking payload or a bare reference -> tracking.TrackingRef
    PAYMENT = "payment"  # VietQR (EMVCo) -> vietqr.VietQR
    ENROLMENT = "enrolment"  # hub enrolment code -> enrolment.Enrolment
    DRAFT = "draft"  # a dossier prepared at home on the phone -> prepared.DraftRef
    UNTRUSTED_LINK = "untrusted_link"  # a link to a host we do not trust: never opened
    UNKNOWN = "unknown"  # anything else; ``reason`` says why


class FormatError(ValueError):
    """A payload that looks like one of our formats but is not valid. ``code`` is a short, stable reason code."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True)
class ScanResult:
    kind: Kind
    value: Any = None  # the parsed dataclass for the kind, None for UNKNOWN
    reason: str = ""  # UNKNOWN / UNTRUSTED_LINK: short code such as "cccd.field_count", "link.host_not_allowed"
    looks_like: Kind | None = None  # UNKNOWN: the kind it resembled before parsing failed
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.kind not in (Kind.UNKNOWN, Kind.UNTRUSTED_LINK)

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly dict (dates as ISO strings)."""
        out: dict[str, Any] = {"kind": self.kind.value}
        if self.value is not None:
            value = self.value
            is_instance = dataclasses.is_dataclass(value) and not isinstance(value, type)
            out["value"] = _jsonable(dataclasses.asdict(value) if is_instance else value)  # type: ignore[arg-type]
        if self.reason:
            out["reason"] = self.reason
        if self.looks_like is not None:
            out["looks_like"] = self.looks_like.value
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value
