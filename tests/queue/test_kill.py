"""SIGKILL of a kiosk process at random points of enqueue and sync: nothing lost, nothing duplicated at the hub.

Each trial forks a child (the imports are already done, so a trial costs milliseconds) that behaves like a
restarted kiosk: start-up recovery under the sync lock, then enqueue and sync in a loop, reporting every
enqueue after it returned (= committed). The parent kills it with SIGKILL after a random short delay.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

import pytest

from offline_queue.db import file_lock
from offline_queue.records import AttachmentIn
from offline_queue.runtime import make_client, open_store, queue_paths
from offline_queue.sync import SyncRun, start_of_process, sync_once
from tests.queue.conftest import dossier, enrolled, kiosk_id, kiosk_rows, make_config


def _child(config, data_dir, url, wfd, seed) -> None:
    try:
        rng = random.Random(seed)
        store = open_store(config, data_dir)
        client = make_client(config, data_dir, url=url)
        with file_lock(queue_paths(config, data_dir).sync_lock):
            start_of_process(store)
            while True:
                for _ in range(rng.randint(1, 4)):
                    photo = [AttachmentIn("front.jpg", "image/jpeg", rng.randbytes(2000))] if rng.random() < 0.3 else []
                    res = store.enqueue("dossier", dossier(rng.randint(0, 10**6)), {"full_name": "Đinh Văn Năm"},
                                        photo)
                    os.write(wfd, f"{res.uuid} {res.local_ref}\n".encode())
                SyncRun(store, client, batch_size=rng.randint(1, 6), force=rng.random() < 0.5).step()
    finally:
        os._exit(0)


def run_trials(hub, data_dir, trials: int, seed: int) -> None:
    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    open_store(config, data_dir).engine.dispose()  # migrate once, and import everything before forking
    rng = random.Random(seed)
    committed: dict[str, str] = {}
    for trial in range(trials):
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(rfd)
            _child(config, data_dir, hub.url, wfd, seed * 10_000 + trial)
        os.close(wfd)
        time.sleep(rng.uniform(0.01, 0.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(rfd, "rb") as pipe:
            for line in pipe.read().decode().splitlines():
                uuid, ref = line.split()
                committed[uuid] = ref

    store = open_store(config, data_dir)
    with sqlite3.connect(queue_paths(config, data_dir).db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    local = {v.uuid: v.local_ref for v in store.list(limit=100_000)}
    assert committed, "no child got as far as an enqueue"
    missing = set(committed) - set(local)
    assert not missing, f"{len(missing)} acknowledged submissions lost"
    assert all(local[u] == ref for u, ref in committed.items())

    start_of_process(store)  # the next real start
    for _ in range(50):
        if sync_once(store, client, 100, force=True).ok and store.counts()["sent"] == len(local):
            break
    rows = kiosk_rows(hub, config, data_dir)
    assert len(rows) == len(local), "duplicates or losses at the hub"
    assert {r[0] for r in rows} == set(local)
    assert sorted(r[1] for r in rows) == sorted(local.values())
    with_photos = sum(1 for v in store.list(limit=100_000) if v.attachments)
    conn = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM attachments WHERE submission_seq IN (SELECT seq FROM submissions "
                            "WHERE kiosk_id = ?)", (kiosk_id(config, data_dir),)).fetchone() == (with_photos,)
    finally:
        conn.close()
    store.engine.dispose()


def test_sigkill_during_enqueue_and_sync_loses_and_duplicates_nothing(hub, data_dir):
    run_trials(hub, data_dir, trials=50, seed=1)


@pytest.mark.slow
def test_sigkill_many_more_trials(hub, data_dir):
    run_trials(hub, data_dir, trials=400, seed=2)
