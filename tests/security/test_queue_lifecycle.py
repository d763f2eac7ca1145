"""Issue 13: queue migration backups (personal data) are rotated under the retention period; an older build that
meets a newer queue says so clearly and names the backup to go back to."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pytest

from offline_queue.db import NewerDatabaseError, backups_of, make_engine, open_database, prune_backups, upgrade

DAY = 86400.0


def _backup(path: Path, label: str, stamp: str, age_days: float) -> Path:
    b = path.with_name(f"{path.name}.bak-{label}-{stamp}")
    b.write_bytes(b"personal data")
    old = time.time() - age_days * DAY
    os.utime(b, (old, old))
    return b


def test_backups_older_than_the_retention_period_are_deleted(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    db.write_bytes(b"")
    stale = _backup(db, "0001", "20250101T000000", 40)
    fresh = _backup(db, "0002", "20261201T000000", 2)
    assert prune_backups(db, timedelta(days=30)) == [stale]
    assert backups_of(db) == [fresh]


def test_at_most_three_backups_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    made = [_backup(db, f"000{i}", f"2026120{i}T000000", 1) for i in range(1, 6)]
    prune_backups(db, timedelta(days=30))
    assert backups_of(db) == made[-3:]


def test_opening_the_queue_rotates_its_backups(tmp_path: Path) -> None:
    from offline_queue.runtime import open_store, queue_paths
    from tests.queue.conftest import make_config

    config = make_config(tmp_path)
    db = queue_paths(config, tmp_path).db
    db.parent.mkdir(parents=True, exist_ok=True)
    stale = _backup(db, "0001", "20250101T000000", config.queue.retention_days + 1)
    store = open_store(config, tmp_path)
    store.engine.dispose()
    assert not stale.exists()


def test_a_newer_queue_is_refused_with_the_way_back(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    engine = make_engine(db)
    upgrade(engine, "0001")
    engine.dispose()
    open_database(db).dispose()  # migrating makes the backup kiosk.db.bak-0001-<stamp>
    with sqlite3.connect(db) as con:  # what a newer build leaves behind
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(NewerDatabaseError) as caught:
        open_database(db)
    message = str(caught.value)
    assert "newer version" in message and "9999_from_the_future" in message
    assert "kiosk.db.bak-0001-" in message and "docs/queue.md" in message
    with sqlite3.connect(db) as con:  # untouched: nothing was migrated or written
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_from_the_future",)
