"""The receipt model and its layout: what a printed slip says, as pure data. Any thread, no I/O.

A :class:`Receipt` is built by the caller (dossier, payment, report, health or test page) from an
already-saved submission. :func:`layout` turns it into a flat list of blocks (text lines, rules,
one QR code) that :mod:`devices.printer.raster` draws. Nothing here knows about fonts or printers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from devices.printer.strings import LANGUAGES, text

KINDS = ("dossier", "payment", "report", "health", "test", "help", "consult")
STATUSES = ("queued", "accepted", "")  # "" = no status line (test page)
STYLES = ("title", "heading", "body", "bold", "small")


@dataclass(frozen=True)
class ReceiptItem:
    """One label/value line, e.g. ("Lệ phí", "20.000 đ") or ("Huyết áp", "128/82", "mmHg", "Bình thường")."""

    label: str
    value: str
    unit: str = ""
    note: str = ""  # health: the category, printed under the value


@dataclass(frozen=True)
class Receipt:
    kind: str  # one of KINDS
    station_name: str
    station_address: str
    created_at: datetime
    service_name: str = ""
    local_reference: str = ""  # e.g. BN01-261121-0007, made at enqueue
    hub_reference: str = ""  # the hub's reference, once the hub accepted the submission
    resident_name: str = ""
    show_full_name: bool = False  # False: printed masked ("Nguyễn V. A.")
    items: tuple[ReceiptItem, ...] = ()
    qr_payload: str = ""  # tracking payload (TCDS|1|…) or a VietQR string; "" = no QR
    status: str = "queued"  # queued: saved on this station; accepted: the hub has it
    notes: tuple[str, ...] = ()  # printed small at the end (device validation/calibration notes)
    language: str = "vi"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown receipt kind {self.kind!r}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown receipt status {self.status!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown receipt language {self.language!r}")
        # tuples keep the receipt hashable/immutable even when callers pass lists
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "notes", tuple(self.notes))


# --- blocks produced by layout() ---------------------------------------------------------------


@dataclass(frozen=True)
class TextBlock:
    text: str
    style: str = "body"  # one of STYLES
    center: bool = False
    indent: bool = False


@dataclass(frozen=True)
class RuleBlock:
    """A horizontal separator."""


@dataclass(frozen=True)
class QrBlock:
    payload: str


@dataclass(frozen=True)
class GapBlock:
    dots: int = 12


Block = TextBlock | RuleBlock | QrBlock | GapBlock


# --- pure helpers -------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """NFC-normalised printable text: control/format characters and lone surrogates become spaces.

    Newlines survive (they are hard line breaks). Untrusted text (names from ID-card QR codes,
    typed text) goes through here before it is measured or drawn.
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", str(value)):
        if ch == "\n":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def mask_name(name: str) -> str:
    """Family name kept, other names as initials: "Nguyễn Văn An" → "Nguyễn V. A."; one word → "A.".

    Receipts leave the kiosk in people's pockets and bins, so the full name is printed only where
    the caller says it is needed.
    """
    words = clean_text(name).split()
    if not words:
        return ""
    if len(words) == 1:
        return f"{words[0][0]}."
    return " ".join([words[0], *(f"{w[0]}." for w in words[1:])])


def format_datetime(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y %H:%M")


def resident_display_name(receipt: Receipt) -> str:
    return clean_text(receipt.resident_name).strip() if receipt.show_full_name else mask_name(receipt.resident_name)


# --- layout -------------------------------------------------------------------------------------

_QR_CAPTION = {"dossier": "qr.tracking", "payment": "qr.payment", "report": "qr.report",
               "health": "qr.health", "test": "qr.test"}


def layout(receipt: Receipt) -> list[Block]:
    """The receipt as blocks, top to bottom. Every text is cleaned (NFC, no control characters)."""
    lang = receipt.language

    def t(key: str) -> str:
        return text(key, lang)

    blocks: list[Block] = [
        TextBlock(clean_text(receipt.station_name), "heading", center=True),
        TextBlock(clean_text(receipt.station_address), "small", center=True),
        RuleBlock(),
        TextBlock(t(f"title.{receipt.kind}"), "title", center=True),
        GapBlock(8),
    ]

    def field_line(label: str, value: str, style: str = "body") -> None:
        value = clean_text(value).strip()
        if value:
            blocks.append(TextBlock(f"{label}: {value}", style))

    field_line(t("field.service"), receipt.service_name)
    # One code for the resident (issue 17): the station's reference, printed the moment it is saved and known to
    # the hub too, with what to do with it; the hub's own number only when there is no station reference.
    if clean_text(receipt.local_reference).strip():
        field_line(t("field.local_reference"), receipt.local_reference, "bold")
        blocks.append(TextBlock(t("field.keep_code"), "small"))
    else:
        field_line(t("field.hub_reference"), receipt.hub_reference, "bold")
    field_line(t("field.datetime"), format_datetime(receipt.created_at))
    field_line(t("field.resident"), resident_display_name(receipt))

    if receipt.items:
        blocks.append(RuleBlock())
        for item in receipt.items:
            value = " ".join(part for part in (clean_text(item.value).strip(), clean_text(item.unit).strip()) if part)
            blocks.append(TextBlock(f"{clean_text(item.label).strip()}: {value}"))
            if item.note.strip():
                blocks.append(TextBlock(clean_text(item.note).strip(), "small", indent=True))

    if receipt.kind == "consult":
        blocks += [GapBlock(6), TextBlock(t("consult.disclaimer"), "small")]
    if receipt.kind == "health":
        blocks += [GapBlock(6), TextBlock(t("health.disclaimer"), "bold"), TextBlock(t("health.see_doctor"), "small")]

    if receipt.qr_payload:
        blocks += [RuleBlock(), QrBlock(receipt.qr_payload),
                   TextBlock(t(_QR_CAPTION[receipt.kind]), "small", center=True)]

    if receipt.status:
        blocks += [RuleBlock(), TextBlock(t(f"status.{receipt.status}"), "bold", center=True)]

    notes = [clean_text(n).strip() for n in receipt.notes]
    if any(notes):
        blocks.append(RuleBlock())
        blocks += [TextBlock(n, "small") for n in notes if n]

    blocks += [GapBlock(10), TextBlock(t("footer"), "small", center=True)]
    return blocks


def status_text(receipt: Receipt) -> str:
    """The honest status line printed on this receipt ("" for none)."""
    return text(f"status.{receipt.status}", receipt.language) if receipt.status else ""


@dataclass(frozen=True)
class PrinterSetup:
    """What a test page shows about the printer set-up."""

    width_dots: int
    profile: str
    connection: str = ""
    extra: tuple[str, ...] = field(default_factory=tuple)


def make_test_page(station_name: str, station_address: str, info: PrinterSetup, now: datetime,
              language: str = "vi") -> Receipt:
    """A test page: the full Vietnamese alphabet, the set-up, and a QR code to scan."""
    items = (
        ReceiptItem(text("test.width", language), f"{info.width_dots} {text('dots', language)}"),
        ReceiptItem(text("test.profile", language),
                    info.profile + (f" ({info.connection})" if info.connection else "")),
    )
    notes = (text("test.alphabet", language), text("test.alphabet_lower", language), *info.extra)
    return Receipt(kind="test", station_name=station_name, station_address=station_address, created_at=now,
                   items=items, qr_payload="TCDS|TEST|Trạm công dân số", status="", notes=notes, language=language)


def make_consult_receipt(station_name: str, station_address: str, now: datetime, doctor: str, note: str,
                         advice: str, language: str = "vi") -> Receipt:
    """The doctor's note and advice after a video consultation (the resident's name is not printed)."""
    items = tuple(ReceiptItem(text(key, language), value) for key, value in
                  (("consult.doctor", doctor), ("consult.note", note), ("consult.advice", advice)) if value.strip())
    return Receipt(kind="consult", station_name=station_name, station_address=station_address, created_at=now,
                   items=items, status="", language=language)
