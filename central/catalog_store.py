"""Published procedure catalogues: validate (the shared wire contract), keep every version, roll back.

Called from request threads and the CLI. Each row of ``catalog_versions`` holds one published version; its
``procedures`` column (named by migration 0002) holds an envelope ``{"catalogue": <document>, "sha256",
"rollback_of"}``. Versions only grow: a roll-back publishes the old document again under a new number, so a
kiosk's conditional request always sees a change and no kiosk ever has to go "backwards". Rows from before
this format (a bare JSON list of procedures) are listed but never served.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from central.db import Database
from central.models import CatalogVersion, as_utc, utcnow
from core.catalogue_contract import canonical, checked, digest, etag

log = logging.getLogger(__name__)
# A real one-procedure catalogue (1.004222, copied from the kiosk's built catalogue): what a demo hub serves
# when it was given no --catalog file.
DEMO_CATALOGUE = Path(__file__).resolve().parent / "demo_catalogue.json"


class UnknownVersion(LookupError):
    """No published catalogue has that version (or it predates the document format)."""


@dataclass(frozen=True)
class Published:
    version: int
    published_at: datetime
    sha256: str | None  # None: a legacy row that cannot be served
    rollback_of: int | None
    procedures: int  # how many procedures (for listings)
    document: dict[str, Any] | None = None

    @property
    def etag(self) -> str:
        return etag(self.version, self.sha256 or "legacy")

    def summary(self) -> dict[str, Any]:
        return {"version": self.version, "published_at": as_utc(self.published_at).isoformat(),
                "sha256": self.sha256, "rollback_of": self.rollback_of, "procedures": self.procedures}


def _published(row: CatalogVersion, with_document: bool = False) -> Published:
    try:
        envelope = json.loads(row.procedures)
    except ValueError:
        envelope = None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("catalogue"), dict):
        count = len(envelope) if isinstance(envelope, list) else 0
        return Published(row.version, row.published_at, None, None, count)
    doc = envelope["catalogue"]
    return Published(row.version, row.published_at, envelope.get("sha256") or digest(doc), envelope.get("rollback_of"),
                     len(doc.get("procedures", [])), doc if with_document else None)


def procedures_of(stored: str) -> list[dict[str, Any]]:
    """The procedures of a stored ``catalog_versions.procedures`` value (this envelope, or a legacy bare list);
    [] for anything else. For the hub's own readers (due dates, form labels)."""
    try:
        value = json.loads(stored)
    except (ValueError, TypeError, RecursionError):
        return []
    if isinstance(value, dict) and isinstance(value.get("catalogue"), dict):
        value = value["catalogue"].get("procedures")
    return [p for p in value if isinstance(p, dict)] if isinstance(value, list) else []


def publish(db: Database, document: Any, rollback_of: int | None = None) -> tuple[Published, bool]:
    """Check and publish ``document``: (the version, True) — or (the latest, False) when it is already the
    latest, so publishing the same file twice does not make every kiosk download it again.
    Raises :class:`core.catalogue_contract.CatalogueRefused` with the JSONPath of each problem."""
    document = checked(document)
    sha = digest(document)
    current = latest(db)
    if current is not None and current.sha256 == sha and rollback_of is None:
        return current, False
    envelope = json.dumps({"catalogue": document, "sha256": sha, "rollback_of": rollback_of}, ensure_ascii=False)
    for _attempt in range(3):  # two staff publishing at once: one of them takes the next number
        try:
            with db.session() as s:
                version = (s.scalar(select(func.max(CatalogVersion.version))) or 0) + 1
                now = utcnow()
                s.add(CatalogVersion(version=version, published_at=now, procedures=envelope))
            break
        except IntegrityError:
            continue
    else:
        raise RuntimeError("could not allocate a catalogue version")
    log.info("catalogue version %d published (%s, %d procedures%s)", version, sha[:12], len(document["procedures"]),
             f", roll-back to {rollback_of}" if rollback_of else "")
    return Published(version, now, sha, rollback_of, len(document["procedures"]), document), True


def rollback(db: Database, version: int) -> Published:
    """Publish version ``version``'s document again, as the newest version."""
    old = get(db, version)
    published, _ = publish(db, old.document, rollback_of=version)
    return published


def latest(db: Database) -> Published | None:
    with db.session() as s:
        row = s.scalar(select(CatalogVersion).order_by(CatalogVersion.version.desc()).limit(1))
        return _published(row) if row is not None else None


def latest_version(db: Database) -> tuple[int, datetime] | None:
    """The newest version number and time, without reading its document (every kiosk asks every sync)."""
    with db.session() as s:
        row = s.execute(select(CatalogVersion.version, CatalogVersion.published_at)
                        .order_by(CatalogVersion.version.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def get(db: Database, version: int) -> Published:
    with db.session() as s:
        row = s.get(CatalogVersion, version)
        published = _published(row, with_document=True) if row is not None else None
    if published is None or published.document is None:
        raise UnknownVersion(version)
    return published


def versions(db: Database, limit: int = 200) -> list[Published]:
    with db.session() as s:
        rows = s.scalars(select(CatalogVersion).order_by(CatalogVersion.version.desc()).limit(limit))
        return [_published(r) for r in rows]


@dataclass(frozen=True)
class Servable:
    version: int
    published_at: str
    etag: str
    body: bytes  # the whole 200 answer of GET /v1/catalog


class ServedCatalogue:
    """The newest version ready to send, encoded once per version per process (kiosks ask every sync)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cached: Servable | None = None

    def current(self, db: Database) -> Servable | None:
        newest = latest_version(db)
        if newest is None:
            return None
        with self._lock:
            if self._cached is not None and self._cached.version == newest[0]:
                return self._cached
        try:
            published = get(db, newest[0])
        except UnknownVersion:  # a legacy row on top: nothing servable
            return None
        when = as_utc(published.published_at).isoformat()
        body = json.dumps({"version": published.version, "published_at": when, "sha256": published.sha256,
                           "catalogue": None}, separators=(",", ":")).encode()
        body = body[:-len(b"null}")] + canonical(published.document or {}) + b"}"
        entry = Servable(published.version, when, published.etag, body)
        with self._lock:
            self._cached = entry
        return entry


def seed_demo_catalogue(db: Database) -> None:
    """Demo mode: a one-procedure catalogue when nothing was ever published (idempotent across restarts)."""
    if latest_version(db) is None:
        publish(db, json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8")))

