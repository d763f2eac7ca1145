"""`kiosk-hub backup` and `restore`: a consistent copy of the hub database (attachments are rows of it) with a
manifest of checksums and row counts, kept N deep. SQLite through the online backup API (the hub keeps serving),
PostgreSQL through pg_dump's custom format and pg_restore. Runs in the main thread of the CLI (or a systemd timer).

A backup is a folder `hub-YYYYmmddTHHMMSSZ/` holding `hub.sqlite3` or `hub.pgdump` and `manifest.json`; it is
written under a temporary name and renamed when complete, so a crash never leaves a half backup that looks whole."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import make_url

from central.db import Database, current_revision, normalise_url
from central.pgtools import bin_dir, libpq

PREFIX = "hub-"
FILES = {"sqlite": "hub.sqlite3", "postgresql": "hub.pgdump"}


class BackupError(Exception):
    """What went wrong, in words an operator can act on."""


def _kind(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in FILES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {backend}")
    return backend


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as con:
        names = sorted(inspect(con).get_table_names())
        return {name: con.execute(select(func.count()).select_from(table(name))).scalar_one() for name in names}


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise BackupError(f"{what} failed ({done.returncode}): {done.stderr.strip()[-1500:]}")


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(database)


def _copy_sqlite(source: Path, target: Path) -> None:
    """sqlite3's online backup: a consistent snapshot while other connections keep writing."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst, pages=4096)
    finally:
        dst.close()
        src.close()


def backup(db_url: str, dest: Path, keep: int = 14) -> Path:
    """Write one backup under `dest`, then delete the oldest beyond `keep`; the new folder."""
    url = normalise_url(db_url)
    kind = _kind(url)
    db = Database(url)
    try:
        revision, counts = current_revision(db.engine), row_counts(db)
    finally:
        db.dispose()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest.mkdir(parents=True, exist_ok=True)
    partial = dest / f".partial-{PREFIX}{stamp}"
    partial.mkdir(mode=0o700)
    data = partial / FILES[kind]
    try:
        if kind == "sqlite":
            _copy_sqlite(_sqlite_path(url), data)
        else:
            args, env = libpq(url)
            _run([str(bin_dir() / "pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                  "--file", str(data), *args], env, "pg_dump")
        manifest = {"format": 1, "database": kind, "revision": revision, "created_at": datetime.now(UTC).isoformat(),
                    "files": {data.name: {"sha256": _sha256(data), "size": data.stat().st_size}},
                    "rows": counts}
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        final = dest / f"{PREFIX}{stamp}"
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    prune(dest, keep)
    return final


def backups(dest: Path) -> list[Path]:
    """Complete backups, oldest first."""
    return sorted(p for p in dest.glob(f"{PREFIX}*") if (p / "manifest.json").is_file())


def prune(dest: Path, keep: int) -> list[Path]:
    """Retention: the newest `keep` backups stay (at least one); stale partial folders go too."""
    gone = backups(dest)[:-max(1, keep)]
    gone += [p for p in dest.glob(f".partial-{PREFIX}*") if p.is_dir()]
    for path in gone:
        shutil.rmtree(path, ignore_errors=True)
    return gone


def verify(folder: Path) -> dict[str, Any]:
    """The manifest, after checking every file against its checksum."""
    try:
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} is not a hub backup (manifest.json unreadable: {exc})") from exc
    for name, meta in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _sha256(path) != meta["sha256"]:
            raise BackupError(f"{path} is missing or damaged (checksum differs from the manifest)")
    return manifest


def restore(folder: Path, db_url: str, force: bool = False) -> dict[str, int]:
    """Restore a backup into an empty database (or over one with `force`); the row counts now in it."""
    url = normalise_url(db_url)
    kind = _kind(url)
    manifest = verify(folder)
    if manifest["database"] != kind:
        raise BackupError(f"this backup is of a {manifest['database']} hub; restore it into {manifest['database']}")
    db = Database(url)
    try:
        existing = row_counts(db)
    finally:
        db.dispose()
    if any(existing.get(t, 0) for t in ("kiosks", "submissions")) and not force:
        raise BackupError("the target database already holds kiosks or submissions; restore into an empty one "
                          "(or pass --force to replace it)")
    data = folder / FILES[kind]
    if kind == "sqlite":
        target = _sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            stale.unlink(missing_ok=True)
        _copy_sqlite(data, target)
    else:
        args, env = libpq(url)
        _run([str(bin_dir() / "pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--exit-on-error", "--single-transaction", *args, str(data)], env, "pg_restore")
    db = Database(url)
    try:
        restored = row_counts(db)
    finally:
        db.dispose()
    missing = {t: n for t, n in manifest["rows"].items() if restored.get(t) != n}
    if missing:
        raise BackupError(f"row counts differ after the restore: expected {missing}, got "
                          f"{ {t: restored.get(t) for t in missing} }")
    return restored
