"""Typed, immutable records of the offline procedure catalogue (pure; any thread).

Built from an already schema-validated dict by :func:`procedure_from_dict`; see docs/catalogue.md for the meaning
of each field and which ones come from the portal page versus the hand-curated overlay.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from types import MappingProxyType
from typing import Any, Literal

ChannelKind = Literal["in_person", "online", "post"]
FieldType = Literal["text", "date", "id_number", "phone", "choice", "address", "textarea"]
CHANNEL_KINDS: tuple[str, ...] = ("in_person", "online", "post")


@dataclass(frozen=True, slots=True)
class Fee:
    kind: str  # "phi" (fee) or "le_phi" (charge) as printed by the portal
    amount: int | None  # đồng; 0 = "Miễn phí" (exempt case); None = the page printed no figure


@dataclass(frozen=True, slots=True)
class Channel:
    kind: ChannelKind
    description: str  # how/where to submit, reception hours, as printed (Vietnamese)
    fees: tuple[Fee, ...]
    processing_time: str | None  # the time-limit sentence(s) for this channel, when printed
    case: str | None = None  # "In case X, declare through:" heading this channel belongs to
    fee_note: str | None = None  # curated: the fee rule in words (per page, who is exempt) with its source

    @property
    def fee(self) -> int | None:
        """The standard amount: the first non-zero figure, else 0 if only exemptions are listed, else None."""
        amounts = [f.amount for f in self.fees if f.amount is not None]
        paid = [a for a in amounts if a > 0]
        return paid[0] if paid else (0 if amounts else None)


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    case: str | None  # the dossier variant this document belongs to (heading truncated by the portal with "…")
    original: int  # "Bản chính"
    copies: int  # "Bản sao"
    forms: tuple[str, ...]  # form codes named in it, e.g. ("CT01",)
    is_note: bool  # a remark printed in the document table rather than a document to bring


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label_vi: str
    label_en: str


@dataclass(frozen=True, slots=True)
class FormField:
    key: str
    label_vi: str
    label_en: str
    type: FieldType
    required: bool
    prefill: str | None  # "identity.full_name" etc.: filled from the scanned ID card when present
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True, slots=True)
class Agency:
    implementing: str
    deciding: str


@dataclass(frozen=True, slots=True)
class Citation:
    """The legal document (and article) a curated fact comes from; ``checked_by`` a public page that confirms it."""

    document: str
    date: str  # ISO date of the document
    article: str | None = None
    checked_by: str | None = None


def _no_citations() -> MappingProxyType[str, tuple[Citation, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class FieldInfo:
    key: str  # "cu_tru"
    name_vi: str
    name_en: str
    count: int


@dataclass(frozen=True, slots=True)
class Procedure:
    code: str
    name_vi: str
    name_en: str
    summary_vi: str
    summary_en: str
    field: str
    agency: Agency
    agency_printed: str | None
    level: str | None  # "toan_trinh" / "mot_phan" when known (not on the scraped pages: None)
    admin_level: str | None  # "central" / "province" / "district" / "commune"
    channels: tuple[Channel, ...]
    steps: tuple[str, ...]
    documents: tuple[Document, ...]
    forms: tuple[str, ...]
    conditions: tuple[str, ...]
    legal_basis: tuple[str, ...]
    result_vi: str
    result_en: str
    form_fields: tuple[FormField, ...]
    portal_ids: MappingProxyType[str, str]
    source_url: str | None  # None for a curated procedure (its sources are its citations)
    portal_url: str | None
    fetched_at: str
    origin: str = "portal"  # "portal" (scraped page + overlay) or "curated" (core/assets/catalogue/curated.json)
    # fact ("documents", "fee", "processing_time", "where", ...) -> its legal sources; see tools/curated_catalogue.py
    citations: MappingProxyType[str, tuple[Citation, ...]] = dataclass_field(default_factory=_no_citations)

    def channel(self, kind: str) -> Channel | None:
        """The first channel of ``kind`` ("in_person", "online", "post"), or None."""
        return next((c for c in self.channels if c.kind == kind), None)

    def fee(self, kind: str) -> int | None:
        ch = self.channel(kind)
        return ch.fee if ch else None

    @property
    def processing_times(self) -> tuple[str, ...]:
        """Distinct time-limit sentences printed for any channel (pages often print it once for all channels)."""
        return tuple(dict.fromkeys(c.processing_time for c in self.channels if c.processing_time))

    @property
    def required_documents(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if not d.is_note)


def procedure_from_dict(d: dict[str, Any]) -> Procedure:
    return Procedure(
        code=d["code"], name_vi=d["name_vi"], name_en=d["name_en"], summary_vi=d["summary_vi"],
        summary_en=d["summary_en"], field=d["field"], agency=Agency(**d["agency"]),
        agency_printed=d["agency_printed"], level=d["level"], admin_level=d["admin_level"],
        channels=tuple(Channel(kind=c["kind"], description=c["description"], processing_time=c["processing_time"],
                               case=c["case"], fees=tuple(Fee(**f) for f in c["fees"]), fee_note=c.get("fee_note"))
                       for c in d["channels"]),
        steps=tuple(d["steps"]),
        documents=tuple(Document(name=x["name"], case=x["case"], original=x["original"], copies=x["copies"],
                                 forms=tuple(x["forms"]), is_note=x["is_note"]) for x in d["documents"]),
        forms=tuple(d["forms"]), conditions=tuple(d["conditions"]), legal_basis=tuple(d["legal_basis"]),
        result_vi=d["result_vi"], result_en=d["result_en"],
        form_fields=tuple(FormField(key=f["key"], label_vi=f["label_vi"], label_en=f["label_en"], type=f["type"],
                                    required=f["required"], prefill=f["prefill"],
                                    choices=tuple(Choice(**c) for c in f.get("choices", ())))
                          for f in d["form_fields"]),
        portal_ids=MappingProxyType(dict(d["portal_ids"])), source_url=d["source_url"], portal_url=d["portal_url"],
        fetched_at=d["fetched_at"], origin=d.get("origin", "portal"),
        citations=MappingProxyType({fact: tuple(Citation(**c) for c in cs)
                                    for fact, cs in d.get("citations", {}).items()}),
    )
