"""What the procedure pages say, as plain data: the summary card's facts, fees, dates, the link for the phone.

Pure (no Qt); any thread. The screens translate the captions and say "please ask the staff" where a fact is
missing (``Fact.text is None``): a new fact, or a new way of saying one is missing, is one entry here and one
caption in the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from core.formats.procedure_link import OFFICIAL_HOSTS

if TYPE_CHECKING:
    from core.catalogue import Catalogue
    from core.catalogue.models import Procedure

CatalogueGetter = Callable[[], "Catalogue | None"]  # the service's catalogue, switched between visits
SEARCH_LIMIT = 8
SUMMARY_KEYS = ("bring", "fee", "time", "where")  # the order residents ask in


@dataclass(frozen=True)
class Fee:
    """One way to submit (in person, online, by post) and its fee: None not stated, 0 free."""

    channel: str  # "in_person" | "online" | "post" | what the catalogue says
    amount: int | None
    free_for_some: bool = False  # a fee, but some people pay nothing
    note: str = ""  # curated procedures: the fee rule in words (per page, who is exempt) with its source


@dataclass(frozen=True)
class Fact:
    """One line of the summary card. ``missing``: the catalogue does not say (the screen tells whom to ask)."""

    key: str  # one of SUMMARY_KEYS
    text: str = ""  # "bring", "time", "where": the catalogue's own words (Vietnamese, as published)
    fees: tuple[Fee, ...] = ()  # "fee": one per channel, worded by the screen
    more_cases: bool = False  # "bring": other cases need other papers (listed in the details)

    @property
    def missing(self) -> bool:
        return not (self.text or self.fees)


def money(amount: int | None, free: str, unknown: str) -> str:
    """20000 → "20.000 đ" (Vietnamese thousands dots); 0 → ``free``; None → ``unknown``."""
    if amount is None:
        return unknown
    if amount == 0:
        return free
    return f"{amount:,}".replace(",", ".") + " đ"


def vn_date(iso: str) -> str:
    """"2026-11-21" → "21/11/2026" (left as is when it is not an ISO date)."""
    parts = (iso or "").split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 and all(p.isdigit() for p in parts) else iso


def official_url(procedure: Procedure) -> str | None:
    """The page to hand to the phone: only ever an https link on an allowlisted portal (DESIGN §5)."""
    for url in (procedure.portal_url, procedure.source_url):
        parts = urlsplit(url or "")
        if parts.scheme == "https" and (parts.hostname or "") in OFFICIAL_HOSTS:
            return url
    return None


def fees(procedure: Procedure) -> list[Fee]:
    return [Fee(ch.kind, ch.fee, bool(ch.fee) and any(f.amount == 0 for f in ch.fees), ch.fee_note or "")
            for ch in procedure.channels]


def list_fees(procedure: Procedure) -> list[int]:
    """The distinct stated fees, lowest first (a list row shows "Fee: 0 – 20.000 đ")."""
    return sorted({ch.fee for ch in procedure.channels if ch.fee is not None})


def summary_facts(procedure: Procedure) -> list[Fact]:
    """What a resident asks first, above the fold: what to bring (the first case), the fee, how long, where. A fact
    the catalogue does not give (a curated procedure leaves out what it cannot cite) is marked missing, never
    guessed; the fee is missing when no channel states one."""
    docs = procedure.required_documents
    first_case = [d for d in docs if d.case == docs[0].case] if docs else []
    return [Fact("bring", "; ".join(d.name for d in first_case), more_cases=len(first_case) < len(docs)),
            Fact("fee", fees=tuple(fees(procedure)) if any(ch.fee is not None for ch in procedure.channels) else ()),
            Fact("time", " ".join(procedure.processing_times)),
            Fact("where", procedure.agency.implementing or "")]

