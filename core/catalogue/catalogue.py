"""The procedure catalogue: load + validate, browse by field, look up by code or portal link, search (pure; any thread).

Loaded once at start (kiosk/services/setup.py) from core/assets/catalogue/procedures.json; everything is in memory
and immutable, so screens may call it from the GUI thread.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from core.catalogue.models import FieldInfo, Procedure, procedure_from_dict
from core.catalogue.schema import validate
from core.catalogue.search import SearchHit, SearchIndex
from core.formats.procedure_link import LinkError, is_procedure_code, parse_procedure
from core.paths import asset

# Portal-ID namespaces: the MPS portal (matt=…) and the national portal (ma_thu_tuc=<number>).
HOST_NAMESPACE = {
    "dichvucong.bocongan.gov.vn": "mps",
    "dichvucong.gov.vn": "national",
    "thutuc.dichvucong.gov.vn": "national",
    "csdl.dichvucong.gov.vn": "national",
}


class CatalogueError(Exception):
    """The catalogue file is missing, not JSON, or does not match the schema. ``code`` is for the screen."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code  # "catalogue.missing" | "catalogue.not_json" | "catalogue.invalid"
        self.detail = detail


def default_path() -> Path:
    return asset("catalogue", "procedures.json")


def schema_path() -> Path:
    return asset("catalogue", "procedures.schema.json")


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """Read, validate and index the catalogue. Raises :class:`CatalogueError`, never anything else, on bad input."""
    path = Path(path) if path is not None else default_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError("catalogue.missing", f"{path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogueError("catalogue.not_json", f"{path}: {exc}") from None
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    errors = validate(data, schema)
    if errors:
        raise CatalogueError("catalogue.invalid", f"{path}: {len(errors)} problem(s); first: {errors[0]}")
    return Catalogue(data)


class Catalogue:
    """In-memory procedures with field browsing, code/portal-ID resolution and ranked search."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.source: dict[str, Any] = dict(data["source"])
        self._field_names = {k: (v["vi"], v["en"]) for k, v in data["fields"].items()}
        procs = sorted((procedure_from_dict(p) for p in data["procedures"]), key=lambda p: p.code)
        self._by_code = {p.code: p for p in procs}
        if len(self._by_code) != len(procs):
            raise CatalogueError("catalogue.invalid", "duplicate procedure code")
        unknown = {p.field for p in procs} - set(self._field_names)
        if unknown:
            raise CatalogueError("catalogue.invalid", f"procedures use undeclared fields {sorted(unknown)}")
        self._by_portal: dict[tuple[str, str], Procedure] = {}
        for p in procs:
            for ns, pid in p.portal_ids.items():
                self._by_portal[(ns, pid)] = p
        self._index = SearchIndex(procs, self._field_names)

    def __len__(self) -> int:
        return len(self._by_code)

    def all(self) -> list[Procedure]:
        return list(self._by_code.values())

    def fields(self) -> list[FieldInfo]:
        """Every lĩnh vực that has procedures, with Vietnamese and English names and a count, largest first."""
        counts = Counter(p.field for p in self._by_code.values())
        infos = [FieldInfo(k, vi, en, counts[k]) for k, (vi, en) in self._field_names.items() if counts[k]]
        return sorted(infos, key=lambda f: (-f.count, f.key))

    def by_field(self, field: str) -> list[Procedure]:
        return [p for p in self._by_code.values() if p.field == field]

    def get(self, code: str) -> Procedure | None:
        return self._by_code.get(code.strip()) if isinstance(code, str) else None

    def resolve(self, ref: Any, host: str | None = None) -> Procedure | None:
        """A procedure from a code, a portal ID (+ host it came from), an official link, or a ProcedureRef.

        Unknown, untrusted or ambiguous references give None.
        """
        if not isinstance(ref, str):  # core.formats.procedure_link.ProcedureRef or alike
            code, pid, host = getattr(ref, "code", None), getattr(ref, "portal_id", None), getattr(ref, "host", host)
            return self.get(code) if code else self._by_portal_id(pid, host) if pid else None
        text = ref.strip()[:2048]
        if is_procedure_code(text):
            return self.get(text)
        if text.isascii() and text.isdigit():
            return self._by_portal_id(text, host)
        try:
            parsed = parse_procedure(text)
        except (LinkError, ValueError):
            return None
        return self.resolve(parsed)

    def _by_portal_id(self, pid: str | None, host: str | None) -> Procedure | None:
        if not pid:
            return None
        if host is not None:
            ns = HOST_NAMESPACE.get(host.lower().strip())
            return self._by_portal.get((ns, pid)) if ns else None
        found = {p.code: p for (_, i), p in self._by_portal.items() if i == pid}
        return next(iter(found.values())) if len(found) == 1 else None  # same number in two portals: ambiguous

    def search(self, query: str, limit: int = 10) -> list[Procedure]:
        """Ranked procedures for what a resident typed (accents, Telex, typos, codes, partial words)."""
        return [h.procedure for h in self.search_hits(query, limit)]

    def search_hits(self, query: str, limit: int = 10) -> list[SearchHit]:
        if not isinstance(query, str):
            return []
        return self._index.search(query, limit)

    def field_name(self, field: str, lang: str = "vi") -> str:
        vi, en = self._field_names.get(field, (field, field))
        return str(en if lang == "en" else vi)
