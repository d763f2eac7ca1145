"""Alembic migrations: an upgrade keeps unsent rows, backs the file up first, and only when one is pending."""

from __future__ import annotations

import sqlite3

from offline_queue.crypto import Cipher, load_or_create_key
from offline_queue.db import current_revision, head_revision, make_engine, open_database, upgrade
from offline_queue.store import QueueStore


def test_upgrade_from_the_first_schema_keeps_unsent_rows(tmp_path):
    path = tmp_path / "kiosk.db"
    old = make_engine(path)
    upgrade(old, "0001")
    assert current_revision(old) == "0001"
    # rows written by a kiosk running the first release
    store = QueueStore(old, Cipher(load_or_create_key(tmp_path / "k")), "BN01")
    refs = [store.enqueue("dossier", {"n": i}, {"full_name": "Phạm Văn Chín"}).local_ref for i in range(3)]
    store.claim_due(1)  # one was mid-send when the kiosk was upgraded
    old.dispose()

    engine = open_database(path)
    assert current_revision(engine) == head_revision() != "0001"
    backups = list(tmp_path.glob("kiosk.db.bak-0001-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT count(*) FROM submissions").fetchone() == (3,)
    with sqlite3.connect(path) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_submissions_due" in indexes
    new = QueueStore(engine, Cipher(load_or_create_key(tmp_path / "k")), "BN01")
    assert new.counts() == {"queued": 2, "sending": 1, "sent": 0, "retry": 0, "rejected": 0}
    assert new.recover_inflight() == 1
    items = new.claim_due(10)
    assert sorted(i.local_ref for i in items) == sorted(refs)
    assert all(i.payload["personal"]["full_name"] == "Phạm Văn Chín" for i in items)
    engine.dispose()


def test_no_backup_for_a_new_file_or_when_nothing_is_pending(tmp_path):
    path = tmp_path / "kiosk.db"
    open_database(path).dispose()
    open_database(path).dispose()
    assert not list(tmp_path.glob("*.bak-*"))
