"""``classify(text) -> ScanResult``: which of our known formats a scanned text is. Pure; any thread.

The order matters only for prefixes that could overlap; every branch is a strict parser, so the
first matching shape decides and a malformed payload becomes UNKNOWN with the parser's reason code.
"""

from __future__ import annotations

from core.formats import cccd, enrolment, procedure_link, tracking, vietqr
from core.formats.result import FormatError, Kind, ScanResult
from core.formats.text import MAX_PAYLOAD_CHARS, clean


def classify(text: str) -> ScanResult:
    """Classify untrusted text. Never raises (except for a non-``str`` argument)."""
    if not isinstance(text, str):
        raise TypeError("classify() takes str")
    if len(text) > MAX_PAYLOAD_CHARS:
        return ScanResult(Kind.UNKNOWN, reason="too_long")
    cleaned = clean(text)
    if not cleaned:
        return ScanResult(Kind.UNKNOWN, reason="empty")
    try:
        return _classify(text, cleaned)
    except FormatError as exc:  # a parser recognised the shape but not the content
        return ScanResult(Kind.UNKNOWN, reason=exc.code, looks_like=_looks_like(exc.code))


def _classify(raw: str, text: str) -> ScanResult:
    if text.startswith(enrolment.PREFIX + "|"):
        value = enrolment.parse_enrolment(text)
        return ScanResult(Kind.ENROLMENT, value, warnings=value.warnings)
    if text.startswith(tracking.PREFIX + "|"):
        return ScanResult(Kind.RECEIPT, tracking.parse_tracking_payload(text))
    if vietqr.looks_like_emv(raw):
        return ScanResult(Kind.PAYMENT, vietqr.parse_vietqr(raw))  # raw: the CRC covers the exact bytes
    if cccd.looks_like_cccd(text):
        card = cccd.parse_cccd(raw)
        return ScanResult(Kind.ID_CARD, card, warnings=card.warnings)
    if tracking.looks_like_status_url(text):  # before the link check: our own status link, not a web page
        return ScanResult(Kind.RECEIPT, tracking.parse_status_url(text))
    if procedure_link.is_procedure_code(text):
        return ScanResult(Kind.PROCEDURE, procedure_link.ProcedureRef(code=text))
    if procedure_link.looks_like_link(text):
        try:
            return ScanResult(Kind.PROCEDURE, procedure_link.parse_official_link(text))
        except procedure_link.LinkError as exc:
            if exc.code.startswith("link."):
                return ScanResult(Kind.UNTRUSTED_LINK, reason=exc.code)
            raise
    if tracking.is_local_ref(text) or tracking.is_hub_ref(text):
        return ScanResult(Kind.RECEIPT, tracking.parse_reference(text))
    if "|" in text and text.split("|", 1)[0].isdecimal():
        return ScanResult(Kind.UNKNOWN, reason="cccd.id_number", looks_like=Kind.ID_CARD)
    return ScanResult(Kind.UNKNOWN, reason="unrecognised")


_PREFIX_KIND = {
    "cccd.": Kind.ID_CARD,
    "procedure.": Kind.PROCEDURE,
    "tracking.": Kind.RECEIPT,
    "vietqr.": Kind.PAYMENT,
    "enrolment.": Kind.ENROLMENT,
}


def _looks_like(code: str) -> Kind | None:
    return next((kind for prefix, kind in _PREFIX_KIND.items() if code.startswith(prefix)), None)
