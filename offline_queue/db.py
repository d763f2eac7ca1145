"""Open the queue database: SQLite engine with durable pragmas, Alembic migrations, backups, locks.

Called from the thread that will use the engine (a worker's ``on_start``, the CLI, tests).
Every engine is private to one thread; SQLite's WAL lets the StorageWorker and the SyncWorker
write the same file with short ``BEGIN IMMEDIATE`` transactions and a busy timeout.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = "offline_queue:migrations"


def make_engine(path: Path | str, max_page_count: int | None = None) -> Engine:
    """An engine on ``path`` with WAL, synchronous=FULL, busy timeout and foreign keys on every connection.

    ``max_page_count`` caps the file size (tests use it to simulate a full disk).
    """
    # Pooled connections (pragmas run once per connection); an engine is still used by one thread only.
    engine = create_engine(f"sqlite:///{path}", pool_size=2, max_overflow=2, connect_args={
        "timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        if max_page_count:
            cur.execute(f"PRAGMA max_page_count={int(max_page_count)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front: a deferred transaction that later upgrades can fail
        # with SQLITE_BUSY at once (busy_timeout does not apply), which would lose an enqueue.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions start with BEGIN IMMEDIATE."""
    return engine.execution_options(sqlite_immediate=True)


@contextmanager
def file_lock(path: Path, blocking: bool = True) -> Iterator[bool]:
    """An flock on ``path`` (released by the kernel if the process dies). Yields whether it was taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _alembic_config(engine_conn: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.attributes["connection"] = engine_conn
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(_alembic_config(None)).get_current_head())


class NewerDatabaseError(RuntimeError):
    """The queue database was written by a newer build (a rollback): this build must not touch it."""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config(None)).walk_revisions()}


def backups_of(path: Path) -> list[Path]:
    """The migration backups of `path`, oldest first (`<name>.bak-<revision>-<UTC stamp>`)."""
    return sorted(path.parent.glob(path.name + ".bak-*"), key=lambda p: p.name.rsplit("-", 1)[-1])


def prune_backups(path: Path, retention: timedelta, keep: int = 3, now: float | None = None) -> list[Path]:
    """Delete migration backups older than the retention period (they hold personal data like the queue) and all
    but the `keep` newest; returns what was deleted."""
    now = time.time() if now is None else now
    found = backups_of(path)
    gone = [p for p in found if now - p.stat().st_mtime > retention.total_seconds()] + found[:-keep]
    deleted = []
    for p in dict.fromkeys(gone):
        try:
            p.unlink()
            deleted.append(p)
        except FileNotFoundError:
            pass
    if deleted:
        log.info("deleted %d old queue backup(s)", len(deleted))
    return deleted


def _newer_message(path: Path, current: str) -> str:
    known = known_revisions()
    usable = [p for p in backups_of(path) if p.name[len(path.name) + 5:].rsplit("-", 1)[0] in known]
    way_back = (f"restore the backup made before the upgrade: stop the kiosk, move {path.name} aside and copy "
                f"{usable[-1].name} to {path.name} (items queued since then are only in the moved file)"
                if usable else "no backup of an older schema is left")
    return (f"The queue database {path.name} was written by a newer version of the kiosk software (schema "
            f"{current}); this version knows up to {head_revision()}. Install the newer version again, or "
            f"{way_back}. See docs/queue.md, 'Going back to an older version'.")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup(path: Path, label: str) -> Path:
    """Copy the database with SQLite's online backup API (consistent even with a WAL)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.bak-{label}-{stamp}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(target, 0o600)
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def open_database(path: Path | str, max_page_count: int | None = None) -> Engine:
    """Engine on ``path`` with the schema at head; backs the file up first if a migration is pending.

    A file lock serialises concurrent openers (two workers, the CLI) so only one migrates.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path, max_page_count)
    with file_lock(path.with_name(path.name + ".migrate.lock")):
        current = current_revision(engine)
        head = head_revision()
        if current is not None and current not in known_revisions():
            engine.dispose()
            raise NewerDatabaseError(_newer_message(path, current))
        if current != head:
            t0 = time.monotonic()
            if current is not None:
                saved = backup(path, current)
                log.info("queue database backed up to %s before migrating %s -> %s", saved.name, current, head)
            upgrade(engine)
            log.info("queue database migrated to %s in %.2f s", head, time.monotonic() - t0)
    if path.exists():
        os.chmod(path, 0o600)
    return engine
