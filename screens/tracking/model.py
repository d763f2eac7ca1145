"""What tracking tells the resident, as pure data: the hub's answer, this station's row, or the last known.

Pure (no Qt, no I/O); any thread. :func:`combine` decides the honest message from what is known now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.formats import TrackingRef, parse_reference

UNSENT = ("queued", "sending", "retry", "rejected")
HUB_STATUSES = ("received", "processing", "needs_info", "completed", "rejected")
MAX_CACHED = 500


_RUN_TOGETHER_HUB = re.compile(r"(HS|PA|SK)([0-9]{4})([0-9]{6})")
_RUN_TOGETHER_LOCAL = re.compile(r"([A-Z0-9]{2,8})([0-9]{6})([0-9]{4})")


def parse_typed_reference(text: str) -> TrackingRef:
    """``parse_reference``, also for a reference typed without its dashes ("BN012611210007", "HS2026000123"):
    the digits pad has no dash key. Raises :class:`core.formats.TrackingError`."""
    compact = "".join(str(text or "").split()).upper()
    for pattern in (_RUN_TOGETHER_HUB, _RUN_TOGETHER_LOCAL):
        if m := pattern.fullmatch(compact):
            return parse_reference("-".join(m.groups()))
    return parse_reference(text)


@dataclass(frozen=True)
class HistoryEntry:
    status: str
    at: str  # ISO time from the hub
    note: str = ""


@dataclass(frozen=True)
class TrackingView:
    reference: str  # what was looked up
    state: str  # hub | queued_here | cached | sent_offline | unknown | offline_unknown
    status: str = ""  # hub status code (received, processing, …)
    status_label_vi: str = ""
    history: tuple[HistoryEntry, ...] = ()
    known_at: datetime | None = None  # cached: when the hub said so; sent_offline: when it was sent
    local_ref: str = ""
    hub_ref: str = ""
    fee_amount: int | None = None
    fee_paid: bool = False


def from_dossier(reference: str, dossier: Any, known_at: datetime, state: str = "hub") -> TrackingView:
    """A view of the hub's ``Dossier`` answer (offline_queue.hub_client.Dossier)."""
    history = tuple(HistoryEntry(str(h.get("status", "")), str(h.get("at", "")), str(h.get("note") or ""))
                    for h in (dossier.history or []) if isinstance(h, dict))
    fee = dossier.fee if isinstance(dossier.fee, dict) else None
    amount = fee.get("amount") if fee else None
    return TrackingView(reference, state, dossier.status, dossier.status_label_vi or "", history, known_at,
                        dossier.local_ref or "", dossier.reference or "",
                        amount if isinstance(amount, int) and not isinstance(amount, bool) else None,
                        bool(fee.get("paid")) if fee else False)


def combine(reference: str, local: Any, hub: Any, cached: TrackingView | None, now: datetime) -> TrackingView:
    """The view to show. ``local``: this station's SubmissionView or None; ``hub``: a HubResult."""
    local_ref = getattr(local, "local_ref", "") or ""
    hub_ref = getattr(local, "server_ref", "") or ""
    if local is not None and local.status in UNSENT:
        return TrackingView(reference, "queued_here", local_ref=local_ref, hub_ref=hub_ref,
                            known_at=getattr(local, "created_at", None))
    if hub is not None and getattr(hub, "ok", False) and hub.data is not None:
        return from_dossier(reference, hub.data, now)
    if hub is not None and getattr(hub, "error_code", None) == "not_found":
        return TrackingView(reference, "unknown", local_ref=local_ref, hub_ref=hub_ref)
    if cached is not None:  # the hub cannot be asked now: say what it said last, and when
        return TrackingView(reference, "cached", cached.status, cached.status_label_vi, cached.history,
                            cached.known_at, cached.local_ref, cached.hub_ref, cached.fee_amount, cached.fee_paid)
    if local is not None:
        return TrackingView(reference, "sent_offline", known_at=getattr(local, "sent_at", None), local_ref=local_ref,
                            hub_ref=hub_ref)
    return TrackingView(reference, "offline_unknown")


class TrackingCache:
    """The last hub answer per reference (both the hub's and the station's reference), newest kept."""

    def __init__(self, limit: int = MAX_CACHED) -> None:
        self.limit = limit
        self._views: dict[str, TrackingView] = {}

    def put(self, view: TrackingView) -> None:
        if view.state != "hub":
            return
        for key in {view.reference, view.local_ref, view.hub_ref} - {""}:
            self._views.pop(key, None)
            self._views[key] = view
        while len(self._views) > self.limit:
            self._views.pop(next(iter(self._views)))

    def views(self) -> list[TrackingView]:
        """Each cached answer once, oldest first."""
        return list({id(v): v for v in self._views.values()}.values())

    def get(self, *references: str) -> TrackingView | None:
        for ref in references:
            if ref and ref in self._views:
                return self._views[ref]
        return None

    def __len__(self) -> int:
        return len(self._views)


def view_to_json(view: TrackingView) -> dict[str, Any]:
    return {"reference": view.reference, "status": view.status, "status_label_vi": view.status_label_vi,
            "history": [[h.status, h.at, h.note] for h in view.history],
            "known_at": view.known_at.isoformat() if view.known_at else None, "local_ref": view.local_ref,
            "hub_ref": view.hub_ref, "fee_amount": view.fee_amount, "fee_paid": view.fee_paid}


def view_from_json(doc: Any) -> TrackingView | None:
    """A cached hub answer read back from the station's cache file; None if it is not one we wrote."""
    try:
        known_at = datetime.fromisoformat(doc["known_at"]) if doc.get("known_at") else None
        history = tuple(HistoryEntry(str(s), str(a), str(n or "")) for s, a, n in doc.get("history") or [])
        fee = doc.get("fee_amount")
        return TrackingView(str(doc["reference"]), "hub", str(doc.get("status") or ""),
                            str(doc.get("status_label_vi") or ""), history, known_at, str(doc.get("local_ref") or ""),
                            str(doc.get("hub_ref") or ""), fee if isinstance(fee, int) else None,
                            bool(doc.get("fee_paid")))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
