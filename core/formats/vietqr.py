"""VietQR / EMVCo merchant-presented QR: TLV parser with CRC and nesting checks, and the payment-code builder.

Pure; any thread. Layout and rules: FORMATS §2. Lengths are counted in UTF-8 bytes (what real generators
do when non-ASCII slips in) and the CRC is CRC-16/CCITT-FALSE over every byte up to and including "6304".
A valid CRC says nothing about structure, so the nesting of tag 38 is checked too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.formats.result import FormatError
from core.formats.text import MAX_PAYLOAD_CHARS, strip_diacritics, trim

NAPAS_GUID = "A000000727"
VNPAY_GUID = "A000000775"
SERVICE_CODES = frozenset({"QRIBFTTA", "QRIBFTTC", "QRPUSH", "QRCASH"})
DEFAULT_SERVICE = "QRIBFTTA"
_MAX_LEN = 512


class VietQRError(FormatError):
    """``code`` starts with ``vietqr.`` (crc_mismatch, tlv, nesting, not_vietqr, ...)."""


@dataclass(frozen=True)
class VietQR:
    bank_bin: str
    account: str
    service_code: str | None
    amount: int | None  # đồng; None on a static code
    dynamic: bool  # point of initiation 12
    currency: str
    country: str
    purpose: str | None = None  # 62/08
    bill_number: str | None = None  # 62/01
    reference_label: str | None = None  # 62/05
    merchant_name: str | None = None
    city: str | None = None
    tags: dict[str, str] = field(default_factory=dict)  # every root tag, raw (templates as their raw value)


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def parse_tlv(data: bytes) -> list[tuple[str, bytes]]:
    """Split EMVCo TLV bytes into (2-digit id, value bytes). Raises on truncation or a bad length."""
    out = []
    i = 0
    while i < len(data):
        head = data[i:i + 4]
        if len(head) < 4 or not head.isdigit():
            raise VietQRError("vietqr.tlv", f"bad header at byte {i}")
        tag, length = head[:2].decode(), int(head[2:])
        value = data[i + 4:i + 4 + length]
        if len(value) != length or length == 0:
            raise VietQRError("vietqr.tlv", f"tag {tag} truncated")
        out.append((tag, value))
        i += 4 + length
    return out


def looks_like_emv(text: str) -> bool:
    return trim(text).startswith("000201")


def parse_emv(text: str) -> dict[str, bytes]:
    """Root TLV of an EMVCo MPM payload after checking its CRC. Raises :class:`VietQRError`."""
    text = trim(text)
    if len(text) > MAX_PAYLOAD_CHARS:
        raise VietQRError("vietqr.too_long")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a broken decoder upstream): no scanner sends these
        raise VietQRError("vietqr.bad_text") from None
    if len(data) < 12 or data[-8:-4] != b"6304":
        raise VietQRError("vietqr.crc_missing")
    try:
        expected = int(data[-4:].decode("ascii"), 16)
    except ValueError:
        raise VietQRError("vietqr.crc_missing") from None
    if crc16_ccitt_false(data[:-4]) != expected:
        raise VietQRError("vietqr.crc_mismatch")
    root: dict[str, bytes] = {}
    items = parse_tlv(data)
    for tag, value in items:
        if tag in root:
            raise VietQRError("vietqr.duplicate_tag", tag)
        root[tag] = value
    if items[0] != ("00", b"01"):
        raise VietQRError("vietqr.format_indicator")
    if items[-1][0] != "63":
        raise VietQRError("vietqr.crc_missing")
    return root


def parse_vietqr(text: str) -> VietQR:
    """A VietQR (NAPAS, tag 38) payment code. Raises :class:`VietQRError` (``vietqr.not_vietqr`` for other
    EMVCo schemes such as VNPAY-QR)."""
    root = parse_emv(text)
    if "38" not in root:
        raise VietQRError("vietqr.not_vietqr")
    account_info = _template(root["38"], allowed={"00", "01", "02"})
    if _s(account_info.get("00")) != NAPAS_GUID:
        raise VietQRError("vietqr.not_vietqr")
    if "01" not in account_info:
        raise VietQRError("vietqr.nesting", "38/01 missing")
    # Only 00 (BIN) and 01 (account) belong inside 38/01; a service code here is the mis-nesting of FORMATS §2.2.
    beneficiary = _template(account_info["01"], allowed={"00", "01"})
    bank_bin, account = _s(beneficiary.get("00")), _s(beneficiary.get("01"))
    if not re.fullmatch(r"[0-9]{6}", bank_bin) or not re.fullmatch(r"[0-9A-Za-z]{1,19}", account):
        raise VietQRError("vietqr.beneficiary")
    service = _s(account_info["02"]) if "02" in account_info else None
    if service is not None and service not in SERVICE_CODES:
        raise VietQRError("vietqr.service_code")
    initiation = _s(root.get("01", b"11"))
    if initiation not in ("11", "12"):
        raise VietQRError("vietqr.point_of_initiation")
    amount = None
    if "54" in root:
        raw = _s(root["54"])
        if not re.fullmatch(r"[0-9]{1,13}", raw):
            raise VietQRError("vietqr.amount")
        amount = int(raw)
    extra = _template(root["62"], allowed=None) if "62" in root else {}
    return VietQR(
        bank_bin=bank_bin, account=account, service_code=service, amount=amount, dynamic=initiation == "12",
        currency=_s(root.get("53", b"")), country=_s(root.get("58", b"")),
        purpose=_opt(extra.get("08")), bill_number=_opt(extra.get("01")), reference_label=_opt(extra.get("05")),
        merchant_name=_opt(root.get("59")), city=_opt(root.get("60")),
        tags={tag: _s(value) for tag, value in root.items()},
    )


def ascii_text(text: str, limit: int = 25) -> str:
    """Tag-62/59/60 text as the banks want it: ASCII, no diacritics, single spaces, at most ``limit`` chars."""
    return " ".join(strip_diacritics(text).replace("|", " ").split())[:limit].strip()


def build_vietqr(bank_bin: str, account: str, amount: int, purpose: str, bill_number: str | None = None,
                 merchant_name: str | None = None, city: str | None = None) -> str:
    """A dynamic (point of initiation 12) VietQR to pay ``amount`` đồng to ``account`` at ``bank_bin``.

    ``purpose`` becomes ASCII without diacritics, ≤ 25 chars (62/08); ``bill_number`` goes to 62/01.
    Raises :class:`VietQRError` on values a bank app would reject.
    """
    if not re.fullmatch(r"[0-9]{6}", bank_bin):
        raise VietQRError("vietqr.bank_bin")
    if not re.fullmatch(r"[0-9A-Za-z]{1,19}", account):
        raise VietQRError("vietqr.account")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount < 10**13:
        raise VietQRError("vietqr.amount")
    beneficiary = _tlv("00", bank_bin) + _tlv("01", account)
    parts = [
        _tlv("00", "01"),
        _tlv("01", "12"),
        _tlv("38", _tlv("00", NAPAS_GUID) + _tlv("01", beneficiary) + _tlv("02", DEFAULT_SERVICE)),
        _tlv("53", "704"),
        _tlv("54", str(amount)),
        _tlv("58", "VN"),
    ]
    if merchant_name and (name := ascii_text(merchant_name, 25)):
        parts.append(_tlv("59", name))
    if city and (city_text := ascii_text(city, 15)):
        parts.append(_tlv("60", city_text))
    additional = ""
    if bill_number and (bill := ascii_text(bill_number, 25)):
        additional += _tlv("01", bill)
    if purpose_text := ascii_text(purpose, 25):
        additional += _tlv("08", purpose_text)
    if additional:
        parts.append(_tlv("62", additional))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def _tlv(tag: str, value: str) -> str:
    length = len(value.encode("utf-8"))
    if not 0 < length <= 99:
        raise VietQRError("vietqr.value_length", tag)
    return f"{tag}{length:02d}{value}"


def _template(value: bytes, allowed: set[str] | None) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for tag, sub in parse_tlv(value):
        if (allowed is not None and tag not in allowed) or tag in out:
            raise VietQRError("vietqr.nesting", f"unexpected sub-tag {tag}")
        out[tag] = sub
    return out


def _s(value: bytes | None) -> str:
    if value is None:
        return ""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise VietQRError("vietqr.encoding") from None


def _opt(value: bytes | None) -> str | None:
    return _s(value) if value is not None else None
