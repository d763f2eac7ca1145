"""Pull the procedure catalogue from the hub during sync, check it again, keep the last good one on disk.

Qt-free; runs in the SyncWorker thread (and ``kiosk queue`` style CLIs). A conditional request
(If-None-Match with the stored ETag) makes the usual answer a bodiless 304. What arrives is untrusted: it is
checked against the shared wire contract (core.catalogue_contract) and only then written, atomically, to
``<data dir>/catalogue/current.json``. A refused document never replaces the last good one; the refusal
(version, JSONPath, reason) is kept in ``status.json`` so the technician's diagnostics can show it.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.catalogue_contract import CatalogueRefused, checked, digest

if TYPE_CHECKING:  # the kiosk reads the stored catalogue before home is shown: requests is not needed for that
    from offline_queue.hub_client import HubClient

log = logging.getLogger(__name__)

FOLDER = "catalogue"
CURRENT = "current.json"  # {"version", "etag", "published_at", "sha256", "fetched_at", "catalogue": {...}}
STATUS = "status.json"  # {"last_checked_at", "refused": {"version", "problem", "at", "etag"} | null}


@dataclass(frozen=True)
class StoredCatalogue:
    version: int
    etag: str | None
    published_at: str | None
    sha256: str
    fetched_at: str
    document: dict[str, Any]

    def info(self) -> dict[str, Any]:
        """What diagnostics show (no document)."""
        return {"source": "hub", "version": self.version, "published_at": self.published_at,
                "sha256": self.sha256, "fetched_at": self.fetched_at}


@dataclass(frozen=True)
class PullResult:
    outcome: str  # "unchanged" | "updated" | "refused" | "empty" (the hub has published nothing)
    stored: StoredCatalogue | None = None  # the new one when updated
    problem: str = ""  # the contract problem when refused (JSONPath: message)
    version: int | None = None


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def load_stored(data_dir: Path) -> StoredCatalogue | None:
    """The last good hub catalogue, checked again (the file may be damaged), or None. Never raises."""
    path = folder(data_dir) / CURRENT
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.error("cannot read the stored catalogue: %s", exc.strerror)
        return None
    try:
        envelope = json.loads(raw.decode("utf-8"))
        document = checked(envelope["catalogue"])
        version = envelope["version"]
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("version is not an integer")
        return StoredCatalogue(version, _text(envelope.get("etag")), _text(envelope.get("published_at")),
                               digest(document), str(envelope.get("fetched_at", "")), document)
    except (CatalogueRefused, ValueError, KeyError, TypeError, RecursionError, UnicodeDecodeError) as exc:
        log.error("the stored catalogue is unusable (%s): using the built-in one", str(exc)[:200])
        return None


def pull(client: HubClient, data_dir: Path, current: StoredCatalogue | None) -> PullResult:
    """One conditional GET /v1/catalog. Raises the client's HubError on transport problems; never on content."""
    refused_before = read_status(data_dir).get("refused")
    refused_etag = refused_before.get("etag") if isinstance(refused_before, dict) else None
    # Both tags: a version refused once is not downloaded again every minute (the hub answers 304 for either).
    tags = [t for t in (current.etag if current else None, refused_etag) if isinstance(t, str) and t]
    answer = client.fetch_catalog(", ".join(tags) or None)
    _write_status(data_dir, refused=None, keep_refusal=True)
    if answer.not_modified:
        return PullResult("unchanged", version=current.version if current else None)
    if answer.document is None:
        return PullResult("empty" if answer.version == 0 else "unchanged", version=answer.version)
    try:
        document = checked(answer.document)  # the body itself was capped by the client (MAX_CATALOG_BYTES)
    except CatalogueRefused as exc:
        log.warning("hub catalogue version %d refused: %s", answer.version, exc)
        _write_status(data_dir, refused={"version": answer.version, "problem": str(exc)[:300], "at": _now(),
                                         "etag": answer.etag})
        return PullResult("refused", problem=str(exc)[:300], version=answer.version)
    sha = digest(document)
    if current is not None and current.sha256 == sha and current.version == answer.version:
        return PullResult("unchanged", version=current.version)
    stored = StoredCatalogue(answer.version, answer.etag, answer.published_at, sha, _now(), document)
    save(data_dir, stored)
    _write_status(data_dir, refused=None)
    log.info("catalogue version %d received (%d procedures)", stored.version, len(document["procedures"]))
    return PullResult("updated", stored=stored, version=stored.version)


def save(data_dir: Path, stored: StoredCatalogue) -> None:
    envelope = {"version": stored.version, "etag": stored.etag, "published_at": stored.published_at,
                "sha256": stored.sha256, "fetched_at": stored.fetched_at, "catalogue": stored.document}
    _atomic_write(folder(data_dir) / CURRENT, json.dumps(envelope, ensure_ascii=False).encode())


def read_status(data_dir: Path) -> dict[str, Any]:
    """``{"last_checked_at", "refused"}`` for diagnostics; {} when there is none. Never raises."""
    try:
        doc = json.loads((folder(data_dir) / STATUS).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return doc if isinstance(doc, dict) else {}


def _write_status(data_dir: Path, refused: dict[str, Any] | None, keep_refusal: bool = False) -> None:
    status = {"last_checked_at": _now(), "refused": refused}
    if keep_refusal:
        status["refused"] = read_status(data_dir).get("refused")
    try:
        _atomic_write(folder(data_dir) / STATUS, json.dumps(status, ensure_ascii=False).encode())
    except OSError as exc:  # diagnostics only: never stop the pull for it
        log.warning("cannot write the catalogue status: %s", exc.strerror)


def _atomic_write(path: Path, data: bytes) -> None:
    """Write a temporary file, fsync it, rename it over ``path``, fsync the folder: old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _text(value: Any) -> str | None:
    return value[:200] if isinstance(value, str) else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
