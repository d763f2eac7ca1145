"""The headless sync service: drains the GUI's queue, reports the session state, exactly-once under kill -9."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.health.registry import REGISTRY_FILE
from kiosk.appliance.gui_state import parse_show, session_state
from kiosk.appliance.sync_service import HeadlessSync
from offline_queue.runtime import open_store, queue_paths
from offline_queue.sync import start_of_process, sync_once
from tests.appliance.notify_listener import NotifyListener
from tests.queue.conftest import dossier, enrolled, kiosk_id, kiosk_rows, make_config

ROOT = Path(__file__).resolve().parents[2]


def appliance_config(data_dir: Path, url: str):
    """As installed: the GUI does not send, the sync service does."""
    return make_config(data_dir, url, sync_in_gui=False, enrolment_code="DEMO-0000", sync_interval_seconds=5,
                       heartbeat_interval_seconds=30)


def hub_devices(hub, config, data_dir) -> dict:
    conn = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT hb_devices FROM kiosks WHERE id = ?", (kiosk_id(config, data_dir),)).fetchone()
    finally:
        conn.close()
    return json.loads(row[0]) if row and row[0] else {}


@pytest.mark.parametrize(("session", "repair", "expected"), [
    ("ActiveState=active\nSubState=running\nNRestarts=0\nResult=success", "ActiveState=inactive", "up"),
    ("ActiveState=activating\nSubState=auto-restart\nNRestarts=2", "ActiveState=inactive", "restarting"),
    ("ActiveState=activating\nSubState=start\nNRestarts=0", "ActiveState=inactive", "starting"),
    ("ActiveState=failed\nSubState=failed\nResult=start-limit-hit", "ActiveState=inactive", "crash_looping"),
    ("ActiveState=inactive\nSubState=dead", "ActiveState=active\nSubState=running", "crash_looping"),
    ("ActiveState=failed\nResult=watchdog", "ActiveState=inactive", "restarting"),
    ("ActiveState=inactive\nSubState=dead", "ActiveState=inactive", "stopped"),
    ("", "", "unknown"),
])
def test_session_state_from_systemd_properties(session, repair, expected):
    assert session_state(parse_show(session), parse_show(repair)) == expected


def test_service_sends_what_the_gui_queued_and_reports_the_session_state(hub, data_dir):
    config = appliance_config(data_dir, hub.url)
    enrolled(config, data_dir, hub.url)
    gui_store = open_store(config, data_dir)
    done = [gui_store.enqueue("dossier", dossier(n), {"full_name": "Lê Thị Hoa"}, []) for n in range(3)]
    gui_store.set_meta(gui_devices=json.dumps({"printer": "ready", "oximeter": "missing"}))
    service = HeadlessSync(config, data_dir, gui_state=lambda: "restarting", poll_seconds=0.05)
    service.store, service.client = open_store(config, data_dir), None
    from offline_queue.runtime import make_client

    service.client = make_client(config, data_dir)
    service.tick()
    assert {r[0] for r in kiosk_rows(hub, config, data_dir)} == {d.uuid for d in done}
    assert gui_store.counts()["sent"] == 3
    devices = hub_devices(hub, config, data_dir)
    oximeter = devices.pop("oximeter")  # a health device goes with its identity, for the ward's device registry
    assert devices == {"printer": "ready", "gui": "restarting"}
    assert oximeter["state"] == "missing" and oximeter["model"] == config.health.oximeter.model
    assert (data_dir / REGISTRY_FILE).exists()  # the hub's registry answer is kept for the health workers
    # after the good run, the hub's documents are in the data dir, where the kiosk app reads them
    from offline_queue.catalogue_pull import load_stored
    from screens.bills.model import HUB_COPY

    assert load_stored(data_dir) is not None and load_stored(data_dir).version >= 1
    assert (data_dir / HUB_COPY).is_file()
    gui_store.engine.dispose()
    service.store.engine.dispose()
    service.client.close()


def test_the_gui_with_sync_in_gui_false_never_takes_the_lock(hub, data_dir):
    """On an installed station the GUI's SyncWorker leaves sending to the service."""
    from offline_queue.sync_worker import SyncWorker

    config = appliance_config(data_dir, hub.url)
    worker = SyncWorker(config, data_dir)
    worker.store = open_store(config, data_dir)
    assert worker._take_lock() is False
    worker._devices = {"camera": "ready"}
    worker._share_devices()
    assert json.loads(worker.store.meta()["gui_devices"]) == {"camera": "ready"}
    worker.store.engine.dispose()


def test_kiosk_sync_service_command_under_systemd_notify(hub, data_dir, tmp_path):
    """The real command as the unit starts it: READY=1, watchdog pings, a new submission reaches the hub."""
    config = appliance_config(data_dir, hub.url)
    enrolled(config, data_dir, hub.url)
    toml = tmp_path / "kiosk.toml"
    toml.write_text(f'data_dir = "{data_dir}"\n[hub]\nurl = "{hub.url}"\nsync_in_gui = false\n'
                    f'enrolment_code = "DEMO-0000"\nconnect_timeout_seconds = 1.0\n', encoding="utf-8")
    listener = NotifyListener(tmp_path / "notify.sock")
    env = dict(os.environ, NOTIFY_SOCKET=listener.path, WATCHDOG_USEC="1000000", JOURNAL_STREAM="1:1")
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(toml), "sync-service"], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    store = open_store(config, data_dir)
    try:
        assert listener.wait_for("READY=1", timeout=60)
        item = store.enqueue("dossier", dossier(7), {"full_name": "Lê Thị Hoa"}, [])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and item.uuid not in {r[0] for r in kiosk_rows(hub, config, data_dir)}:
            time.sleep(0.1)
        assert item.uuid in {r[0] for r in kiosk_rows(hub, config, data_dir)}
        assert listener.wait_for("WATCHDOG=1", count=3, timeout=10)
        assert "gui" in hub_devices(hub, config, data_dir)  # no systemd here: "unknown", but reported
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(30)
        listener.close()
        store.engine.dispose()
    assert code == 0, proc.stderr.read().decode()[-2000:]


# -- two processes on one queue, kill -9 of either -------------------------------------------------------------

def _gui_child(config, data_dir, wfd, seed) -> None:
    """The kiosk app's side: enqueue (committed = reported), share device states; never send."""
    try:
        rng = random.Random(seed)
        store = open_store(config, data_dir)
        while True:
            res = store.enqueue("dossier", dossier(rng.randint(0, 10**6)), {"full_name": "Đinh Văn Năm"}, [])
            os.write(wfd, f"{res.uuid}\n".encode())
            store.set_meta(gui_devices=json.dumps({"printer": "ready"}))
            time.sleep(rng.uniform(0, 0.02))
    finally:
        os._exit(0)


def _sync_child(config, data_dir) -> None:
    try:
        service = HeadlessSync(config, data_dir, gui_state=lambda: "up", poll_seconds=0.01)
        service.run()
    finally:
        os._exit(0)


def _fork(target, *args) -> int:
    pid = os.fork()
    if pid == 0:
        target(*args)
    return pid


def test_two_processes_exactly_once_under_kill_9_of_either(hub, data_dir):
    config = appliance_config(data_dir, hub.url)
    enrolled(config, data_dir, hub.url)
    open_store(config, data_dir).engine.dispose()  # migrate once, before forking
    rng = random.Random(16)
    committed: set[str] = set()
    rfd, wfd = os.pipe()
    os.set_blocking(rfd, False)
    gui = _fork(_gui_child, config, data_dir, wfd, 1)
    sync = _fork(_sync_child, config, data_dir)
    kills = {"gui": 0, "sync": 0}
    buffer = b""
    for trial in range(24):
        time.sleep(rng.uniform(0.05, 0.25))
        victim = rng.choice(("gui", "sync"))
        pid = gui if victim == "gui" else sync
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills[victim] += 1
        if victim == "gui":
            gui = _fork(_gui_child, config, data_dir, wfd, 100 + trial)
        else:
            sync = _fork(_sync_child, config, data_dir)
        try:
            buffer += os.read(rfd, 1 << 20)
        except BlockingIOError:
            pass
    # A loaded machine may have killed every sync child before its first batch: let the last one deliver
    # something (then kill it too), so the test shows the service sending, not only the final catch-up.
    probe = open_store(config, data_dir)
    deadline = time.monotonic() + 60
    while probe.counts()["sent"] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    probe.engine.dispose()
    for pid in (gui, sync):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(wfd)
    os.set_blocking(rfd, True)
    with os.fdopen(rfd, "rb") as pipe:
        buffer += pipe.read()
    committed = {line for line in buffer.decode().splitlines() if line}
    assert kills["gui"] and kills["sync"], kills
    assert committed

    # The next start of the service sends the rest; the hub holds every acknowledged submission once.
    store = open_store(config, data_dir)
    with sqlite3.connect(queue_paths(config, data_dir).db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    local = {v.uuid for v in store.list(limit=100_000)}
    assert committed <= local, "acknowledged submissions lost"
    assert store.counts()["sent"] > 0, "the killed-and-restarted service never delivered anything"
    start_of_process(store)
    from offline_queue.runtime import make_client

    client = make_client(config, data_dir)
    for _ in range(20):
        if sync_once(store, client, 100, force=True).ok and store.counts()["sent"] == len(local):
            break
    rows = kiosk_rows(hub, config, data_dir)
    assert len(rows) == len({r[0] for r in rows}) == len(local), "duplicates or losses at the hub"
    assert {r[0] for r in rows} == local
    assert hub_devices(hub, config, data_dir).get("gui") == "up"
    client.close()
    store.engine.dispose()


def test_service_waits_while_another_process_holds_the_sync_lock(data_dir):
    from offline_queue.db import file_lock

    config = dataclasses.replace(appliance_config(data_dir, ""))
    service = HeadlessSync(config, data_dir, gui_state=lambda: "up", poll_seconds=0.01)
    with file_lock(queue_paths(config, data_dir).sync_lock) as held:
        assert held
        import threading

        t = threading.Thread(target=service.run)
        t.start()
        time.sleep(0.5)
        assert t.is_alive() and service.store.meta().get("phase") in (None, "idle")
        service.stop_event.set()
        t.join(5)
    assert not t.is_alive()
