"""The procedure catalogue's wire contract: ONE schema and ONE check, shared by the hub and the kiosk (pure).

The hub validates a catalogue before it publishes it (``kiosk-hub catalog publish``, ``PUT /admin/catalog``);
the kiosk validates it again when it pulls ``GET /v1/catalog``, because what arrives over the network is
untrusted. Both import this module, which needs neither Qt nor the kiosk app.

A catalogue is refused with the exact JSONPath of every problem (``$.procedures[3].channels[0].fees[1].amount``).
Hostile documents (huge, deeply nested, wrong types, NUL characters) are refused before anything walks them,
so checking never raises anything but :class:`CatalogueRefused`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.catalogue.catalogue import schema_path
from core.catalogue.schema import member, problems

MAX_BYTES = 8 * 1024 * 1024  # the committed catalogue is 250 kB; a province's fits many times over
MAX_DEPTH = 24  # the schema nests 7 levels; anything deeper is not a catalogue
MAX_ERRORS = 50  # a refusal lists this many problems at most


@dataclass(frozen=True)
class ContractProblem:
    path: str  # JSONPath of the offending value, "$" for the whole document
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def as_json(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


class CatalogueRefused(ValueError):
    """The document breaks the contract; ``problems`` says where (the first one is in the message)."""

    def __init__(self, found: list[ContractProblem]) -> None:
        self.problems = found[:MAX_ERRORS]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        super().__init__(f"{found[0]}{more}")

    @property
    def first(self) -> ContractProblem:
        return self.problems[0]


@cache
def schema() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return doc


def parse(raw: bytes) -> dict[str, Any]:
    """Bytes from a file or the network → a checked catalogue document, or :class:`CatalogueRefused`."""
    if not isinstance(raw, bytes | bytearray):
        raise CatalogueRefused([ContractProblem("$", "expected bytes")])
    if len(raw) > MAX_BYTES:
        raise CatalogueRefused([ContractProblem("$", f"larger than {MAX_BYTES} bytes")])
    try:
        doc = json.loads(bytes(raw).decode("utf-8"))
    except UnicodeDecodeError:
        raise CatalogueRefused([ContractProblem("$", "not UTF-8 text")]) from None
    except RecursionError:
        raise CatalogueRefused([ContractProblem("$", "nested too deeply")]) from None
    except ValueError as exc:
        raise CatalogueRefused([ContractProblem("$", f"not JSON: {str(exc)[:120]}")]) from None
    return checked(doc)


def checked(doc: Any) -> dict[str, Any]:
    """``doc`` itself when it meets the contract, else :class:`CatalogueRefused` naming every problem's path."""
    found = check(doc)
    if found:
        raise CatalogueRefused(found)
    accepted: dict[str, Any] = doc  # the schema's root is an object, so a document without problems is a dict
    return accepted


def check(doc: Any) -> list[ContractProblem]:
    """Every contract problem of an already-parsed document (empty: it may be published and shown)."""
    deep = _too_deep(doc)
    if deep is not None:
        return [ContractProblem(deep, f"nested deeper than {MAX_DEPTH} levels")]
    nul = _nul_path(doc)
    if nul is not None:  # PostgreSQL text cannot hold NUL, and no procedure text needs it
        return [ContractProblem(nul, "contains a NUL character")]
    found = [ContractProblem(path, message) for path, message in problems(doc, schema())]
    if not found:
        found = _consistency(doc)
    return found


def _consistency(doc: dict[str, Any]) -> list[ContractProblem]:
    """What JSON Schema cannot say: procedure codes are unique and every procedure's field is declared."""
    found = []
    codes = Counter(p["code"] for p in doc["procedures"])
    for i, p in enumerate(doc["procedures"]):
        if codes[p["code"]] > 1:
            found.append(ContractProblem(f"$.procedures[{i}].code", f"duplicate procedure code {p['code']}"))
        if p["field"] not in doc["fields"]:
            found.append(ContractProblem(f"$.procedures[{i}].field",
                                         f"{p['field'][:40]!r} is not declared in {member('$', 'fields')}"))
    return found


def _walk(doc: Any) -> Iterator[tuple[str, int, Any]]:
    """(path, depth, value) of every value, iteratively: a hostile document cannot exhaust the stack."""
    stack: list[tuple[str, int, Any]] = [("$", 0, doc)]
    while stack:
        path, depth, value = stack.pop()
        yield path, depth, value
        if isinstance(value, dict):
            stack.extend((member(path, str(k)), depth + 1, v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", depth + 1, v) for i, v in enumerate(value))


def _too_deep(doc: Any) -> str | None:
    return next((path for path, depth, _ in _walk(doc) if depth > MAX_DEPTH), None)


def _nul_path(doc: Any) -> str | None:
    for path, _, value in _walk(doc):
        if isinstance(value, str) and "\x00" in value:
            return path
        if isinstance(value, dict) and any("\x00" in str(k) for k in value):
            return path
    return None


def canonical(doc: dict[str, Any]) -> bytes:
    """The bytes a version is identified by: sorted keys, no spaces, UTF-8."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def digest(doc: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(doc)).hexdigest()


def etag(version: int, sha256: str) -> str:
    """The HTTP entity tag of a published version (strong: versions never change once published)."""
    return f'"catalog-{int(version)}-{sha256[:16]}"'
