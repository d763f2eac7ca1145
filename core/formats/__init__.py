"""Pure, Qt-free parsers and builders of every payload the kiosk scans or prints. Any thread.

Entry point: :func:`classify` (untrusted text -> :class:`ScanResult`). Builders: ``build_vietqr``,
``build_tracking_payload``, ``build_enrolment_payload``. Parsers raise subclasses of :class:`FormatError`
whose ``code`` is a short stable reason; screens map codes to translated text.
"""

from __future__ import annotations

from core.formats.cccd import CccdError, Gender, IdCard, parse_cccd
from core.formats.classify import classify
from core.formats.enrolment import Enrolment, EnrolmentError, build_enrolment_payload, parse_enrolment
from core.formats.procedure_link import OFFICIAL_HOSTS, LinkError, ProcedureRef, parse_procedure
from core.formats.result import FormatError, Kind, ScanResult
from core.formats.tracking import (
    TrackingError,
    TrackingRef,
    build_tracking_payload,
    parse_reference,
    parse_tracking_payload,
)
from core.formats.vietqr import VietQR, VietQRError, build_vietqr, crc16_ccitt_false, parse_vietqr

__all__ = [
    "OFFICIAL_HOSTS", "CccdError", "Enrolment", "EnrolmentError", "FormatError", "Gender", "IdCard", "Kind",
    "LinkError", "ProcedureRef", "ScanResult", "TrackingError", "TrackingRef", "VietQR", "VietQRError",
    "build_enrolment_payload", "build_tracking_payload", "build_vietqr", "classify", "crc16_ccitt_false",
    "parse_cccd", "parse_enrolment", "parse_procedure", "parse_reference", "parse_tracking_payload",
    "parse_vietqr",
]
