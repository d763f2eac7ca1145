"""Merge the hand-curated procedures (core/assets/catalogue/curated.json) into the built catalogue.

The portal pages cover residence, passports and ID cards only. ``curated.json`` adds the procedures residents come
to a ward for (births, deaths, judicial records, certification, driving licences, vehicles, VNeID, household
health insurance), written by the team from the legal documents they cite, and the legal processing times the
residence pages leave out. Every fact a curated record shows (documents, fee, time, where, steps, conditions,
result) names a source of ``curated["sources"]`` with its date; a fact without one must be left out (the kiosk
then says "Vui lòng hỏi cán bộ"). Used by tools/build_catalogue.py at build time only.
"""

from __future__ import annotations

import re
from typing import Any

INTERNAL_CODE = re.compile(r"^9\.[0-9]{6}$")  # the national portal's codes start with 1., 2. or 3.
FACTS = ("documents", "fee", "processing_time", "where", "steps", "conditions", "result")


def citations(cites: dict[str, list[dict[str, str]]], sources: dict[str, dict[str, str]], where: str
              ) -> dict[str, list[dict[str, str]]]:
    """{"fee": [{"source": "LHT2014", "article": "Điều 11"}]} → the same with each source's title and date."""
    out: dict[str, list[dict[str, str]]] = {}
    for fact, items in sorted(cites.items()):
        if fact not in FACTS:
            raise SystemExit(f"{where}: unknown fact {fact!r} in cite (one of {FACTS})")
        out[fact] = []
        for item in items:
            src = sources.get(item["source"])
            if src is None:
                raise SystemExit(f"{where}: cites unknown source {item['source']!r}")
            out[fact].append({"document": src["title"], "date": src["date"],
                              **{k: item[k] for k in ("article", "checked_by") if item.get(k)}})
    return out


def _shown_facts(rec: dict[str, Any]) -> set[str]:
    """The facts a curated record states, so each can be checked for a citation."""
    shown = set()
    if rec["documents"]:
        shown.add("documents")
    if any(ch["fees"] for ch in rec["channels"]):
        shown.add("fee")
    if any(ch["processing_time"] for ch in rec["channels"]):
        shown.add("processing_time")
    if rec["agency"]["implementing"]:
        shown.add("where")
    for fact in ("steps", "conditions"):
        if rec[fact]:
            shown.add(fact)
    return shown


def legal_basis(cites: dict[str, list[dict[str, str]]], extra: list[str]) -> list[str]:
    """Distinct cited documents as "title (dd/mm/yyyy)", then the documents named without a cited fact."""
    seen: list[str] = []
    for items in cites.values():
        for c in items:
            y, m, d = c["date"].split("-")
            text = f"{c['document']} ({d}/{m}/{y})"
            if text not in seen:
                seen.append(text)
    return sorted(seen) + [e for e in extra if e not in seen]


def curated_records(curated: dict[str, Any], portal_codes: set[str]) -> list[dict[str, Any]]:
    """Full catalogue records for the curated procedures (raises SystemExit on an uncited fact or a bad code)."""
    sources = curated["sources"]
    records = []
    for code, cur in sorted(curated["procedures"].items()):
        if not INTERNAL_CODE.match(code) or code in portal_codes:
            raise SystemExit(f"curated code {code}: must be 9.xxxxxx and not a portal page's code")
        cites = citations(cur["cite"], sources, code)
        rec: dict[str, Any] = {
            "code": code, "name_vi": cur["name_vi"], "name_en": cur["name_en"],
            "summary_vi": cur["summary_vi"], "summary_en": cur["summary_en"], "field": cur["field"],
            "agency": dict(cur["agency"]), "agency_printed": None, "level": None,
            "admin_level": cur["admin_level"],
            "channels": [{"case": None, **ch} for ch in cur["channels"]],
            "steps": list(cur["steps"]),
            "documents": [{"case": None, "forms": [], "is_note": False, **d} for d in cur["documents"]],
            "forms": [], "conditions": list(cur["conditions"]),
            "legal_basis": legal_basis(cites, cur.get("extra_legal", [])),
            "result_vi": cur["result_vi"], "result_en": cur["result_en"],
            "form_fields": [], "portal_ids": {}, "source_url": None, "portal_url": None,
            "fetched_at": curated["checked_at"], "origin": "curated", "citations": cites,
        }
        uncited = _shown_facts(rec) - set(cites)
        if uncited:
            raise SystemExit(f"curated {code}: facts without a legal source: {sorted(uncited)}")
        records.append(rec)
    return records


def add_legal_times(rec: dict[str, Any], curated: dict[str, Any]) -> None:
    """Give a portal procedure the legal processing time its page leaves out, with the article that states it."""
    extra = curated.get("portal_processing_times", {}).get(rec["code"])
    if extra is None:
        return
    for ch in rec["channels"]:
        if ch["processing_time"] is None:
            ch["processing_time"] = extra["text"]
    rec["citations"] = citations({"processing_time": extra["cite"]}, curated["sources"], rec["code"])
