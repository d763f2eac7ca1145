"""Workers in real QThreads behind the GUI-thread facades; callbacks and status arrive on the GUI thread."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QThread

from central.local import free_port
from kiosk.services.bus import AppBus
from kiosk.services.hub import HubService
from kiosk.services.storage import StorageService
from kiosk.services.sync import SyncService
from offline_queue.records import AttachmentIn
from offline_queue.runtime import open_store
from offline_queue.sync import sync_once
from tests.queue.conftest import dossier, enrolled, kiosk_id, make_config


class Recorder:
    def __init__(self) -> None:
        self.results: list = []
        self.on_gui_thread: list[bool] = []

    def __call__(self, result) -> None:
        self.on_gui_thread.append(QThread.currentThread() == _gui_thread())
        self.results.append(result)


def _gui_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def wait_for(qtbot, recorder: Recorder, n: int = 1, timeout: int = 10_000):
    qtbot.waitUntil(lambda: len(recorder.results) >= n, timeout=timeout)
    assert all(recorder.on_gui_thread)
    return recorder.results[n - 1]


def test_storage_service_enqueue_lookup_list_requeue_receipt(qtbot, threads, data_dir):
    config = make_config(data_dir)
    storage = StorageService(config, data_dir, threads, AppBus())
    storage.start()
    done = Recorder()
    storage.enqueue("dossier", dossier(), {"full_name": "Ngô Thị Ba"},
                    [AttachmentIn("front.jpg", "image/jpeg", b"jpeg")], on_done=done)
    outcome = wait_for(qtbot, done)
    assert outcome.ok and outcome.error_code is None and outcome.local_ref.startswith("BN01-")
    storage.enqueue("Not A Kind", {}, on_done=done)
    assert wait_for(qtbot, done, 2).error_code == "invalid"

    found = Recorder()
    storage.lookup(outcome.local_ref, found)
    row = wait_for(qtbot, found)
    assert row.uuid == outcome.uuid and row.status == "queued" and row.attachments == ("front.jpg",)
    storage.lookup("BN01-000000-0000", found)
    assert wait_for(qtbot, found, 2) is None

    storage.mark_receipt(outcome.uuid, True, found)
    wait_for(qtbot, found, 3)
    storage.list_submissions("queued", found)
    rows = wait_for(qtbot, found, 4)
    assert [r.uuid for r in rows] == [outcome.uuid] and rows[0].receipt_status == "printed"
    storage.requeue(outcome.uuid, found)
    assert wait_for(qtbot, found, 5).status == "queued"


def test_a_full_disk_is_reported_as_disk_full(qtbot, threads, data_dir):
    storage = StorageService(make_config(data_dir), data_dir, threads, max_page_count=30)
    storage.start()
    done = Recorder()
    for _ in range(40):
        storage.enqueue("dossier", dossier(), None, [("a.jpg", "image/jpeg", bytes(3000))], on_done=done)
    wait_for(qtbot, done, 40)
    codes = [r.error_code for r in done.results]
    assert codes[0] is None and codes[-1] == "disk_full"


def test_sync_service_sends_soon_after_an_enqueue_and_reports_status(qtbot, threads, hub, data_dir):
    config = make_config(data_dir, hub.url, heartbeat_interval_seconds=1)
    bus = AppBus()
    storage = StorageService(config, data_dir, threads, bus)
    sync = SyncService(config, data_dir, threads, bus, storage=storage)
    statuses = []
    bus.sync_status_changed.connect(statuses.append)
    storage.start()
    sync.start()
    bus.device_state_changed.emit("printer", "ready", "")
    done = Recorder()
    with qtbot.waitSignal(bus.sync_status_changed, timeout=15_000,
                          check_params_cb=lambda s: s["counts"]["sent"] == 1 and s["phase"] == "idle"):
        storage.enqueue("dossier", dossier(), {"full_name": "Mai Văn Tư"}, on_done=done)
    uuid = wait_for(qtbot, done).uuid
    last = statuses[-1]
    assert last["phase"] == "idle" and last["online"] and last["last_success_at"]
    assert sync.last_status == last
    found = Recorder()
    storage.lookup(uuid, found)
    assert wait_for(qtbot, found).server_ref.startswith("HS-")
    # the first good contact also sent a heartbeat: the hub's dashboard shows this kiosk's queue
    def ours() -> dict:
        return next(k for k in hub.fleet()["kiosks"] if k["kiosk_id"] == kiosk_id(config, data_dir))

    qtbot.waitUntil(lambda: bool(ours()["queue"] and ours()["queue"]["sent"] == 1 and ours()["devices"]),
                    timeout=10_000)
    assert ours()["station_code"] == config.station.code
    # PIN failures/lockouts reported too, and that no payee is pinned (this kiosk makes no payment QR: issue 13)
    assert ours()["devices"] == {"printer": "ready", "technician_pin": "ok", "payee": "not_pinned"}
    # paper running low reaches the hub with the next heartbeat, and its metrics (the PrinterPaperLow alert)
    bus.device_state_changed.emit("printer", "ready", "paper_low")
    qtbot.waitUntil(lambda: ours()["devices"].get("printer") == "paper_low", timeout=10_000)
    metrics = hub.request("GET", "/metrics")[1]
    assert (f'hub_station_printer_paper{{kiosk="{kiosk_id(config, data_dir)}",state="low",'
            f'station="{config.station.code}"}} 1.0' in metrics)


def test_sync_now_during_a_run_answers_already_syncing(qtbot, threads, hub, data_dir):
    config = make_config(data_dir, hub.url, batch_size=1)
    storage = StorageService(config, data_dir, threads)
    storage.start()
    queued = Recorder()
    for i in range(6):
        storage.enqueue("dossier", dossier(i), on_done=queued)
    wait_for(qtbot, queued, 6)
    hub.set_faults(1.0, kinds=["delay"], delay_seconds=0.3, paths=["/v1/submissions"])
    sync = SyncService(config, data_dir, threads)
    sync.start()
    first, second = Recorder(), Recorder()
    sync.sync_now(first)
    qtbot.wait(400)
    sync.sync_now(second)
    busy = wait_for(qtbot, second, timeout=15_000)
    assert busy["stop"] == "already_syncing"
    report = wait_for(qtbot, first, timeout=15_000)
    assert report["ok"] and report["sent"] == 6


def test_sync_goes_offline_then_resumes_when_the_hub_returns(qtbot, threads, local_hub_factory, data_dir):
    port = free_port()
    hub = local_hub_factory(port=port)
    config = make_config(data_dir, hub.url, offline_probe_seconds=2)
    storage = StorageService(config, data_dir, threads)
    sync = SyncService(config, data_dir, threads, storage=storage)
    statuses = []
    sync.status_changed.connect(statuses.append)
    storage.start()
    sync.start()
    qtbot.waitUntil(lambda: bool(statuses and statuses[-1]["last_success_at"]), timeout=10_000)  # enrolled
    hub.stop()
    done = Recorder()
    storage.enqueue("dossier", dossier(), on_done=done)
    wait_for(qtbot, done)
    qtbot.waitUntil(lambda: statuses[-1]["phase"] == "offline", timeout=15_000)
    assert statuses[-1]["counts"]["retry"] == 1
    with qtbot.waitSignal(sync.status_changed, timeout=20_000,
                          check_params_cb=lambda s: s["counts"]["sent"] == 1 and s["phase"] == "idle"):
        hub.start()
    assert statuses[-1]["phase"] == "idle"


def test_hub_service_tracks_and_takes_payments(qtbot, threads, hub, data_dir):
    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    store = open_store(config, data_dir)
    ref = store.enqueue("dossier", dossier()).local_ref
    assert sync_once(store, client).sent == 1
    service = HubService(config, data_dir, threads)
    service.start()
    got = Recorder()
    service.track(ref, got)
    result = wait_for(qtbot, got)
    assert result.ok and result.data.local_ref == ref and result.data.status == "received"
    service.track("HS-2026-999999", got)
    assert wait_for(qtbot, got, 2).error_code == "not_found"
    service.create_payment(ref, 20000, f"{ref} phi", got)
    payment = wait_for(qtbot, got, 3).data
    assert payment.status == "pending" and payment.payee["bank_bin"]
    hub.mark_paid(payment.id)
    service.payment_status(payment.id, got)
    assert wait_for(qtbot, got, 4).data.status == "paid"


def test_hub_service_fails_fast_with_offline(qtbot, threads, data_dir):
    config = make_config(data_dir, f"http://127.0.0.1:{free_port()}")
    hub = HubService(config, data_dir, threads)
    hub.start()
    got = Recorder()
    hub.track("BN01-261121-0001", got)
    hub.create_payment("BN01-261121-0001", 20000, "phi", got)
    assert [r.error_code for r in (wait_for(qtbot, got), wait_for(qtbot, got, 2))] == ["offline", "offline"]


def test_hub_service_without_a_token_reports_auth(qtbot, threads, hub, data_dir):
    config = make_config(data_dir, hub.url)
    config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, local_hub=False))
    hub = HubService(config, data_dir, threads)
    hub.start()
    got = Recorder()
    hub.track("BN01-261121-0001", got)
    assert wait_for(qtbot, got).error_code == "auth"


def test_an_unusable_database_is_answered_not_crashed(qtbot, threads, data_dir):
    blocker = data_dir / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    config = make_config(data_dir)
    config = dataclasses.replace(config, queue=dataclasses.replace(config.queue, db_path=str(blocker / "kiosk.db")))
    storage = StorageService(config, data_dir, threads)
    sync = SyncService(config, data_dir, threads, storage=storage)
    storage.start()
    sync.start()
    saved, synced = Recorder(), Recorder()
    storage.enqueue("dossier", dossier(), on_done=saved)
    sync.sync_now(synced)
    assert wait_for(qtbot, saved).error_code == "not_started"
    report = wait_for(qtbot, synced)
    assert report["stop"] == "unavailable" and not report["ok"]
