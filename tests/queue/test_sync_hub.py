"""Sync against a real hub process on 127.0.0.1 (central.local.LocalHub) and a real SQLite queue."""

from __future__ import annotations

import random
import sqlite3

from central.local import free_port
from offline_queue.records import AttachmentIn
from offline_queue.runtime import ensure_token, load_token, make_client, open_store, queue_paths
from offline_queue.sync import read_status, sync_once
from tests.queue.conftest import NO_FAULTS, dossier, enrolled, hub_rows, kiosk_id, kiosk_rows, make_config


def drain(store, client, batch_size=50, max_runs=400):
    """Run until nothing is unsent (force: ignore backoff, as when the network returns). Returns the reports."""
    reports = []
    for _ in range(max_runs):
        reports.append(sync_once(store, client, batch_size, force=True))
        counts = store.counts()
        if counts["queued"] + counts["retry"] + counts["sending"] == 0:
            return reports
    raise AssertionError(f"queue not drained: {store.counts()} last={reports[-1]}")


def test_1000_queued_while_the_hub_is_down_arrive_exactly_once(local_hub_factory, data_dir):
    port = free_port()
    hub = local_hub_factory(port=port)
    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    hub.stop()
    store = open_store(config, data_dir)
    queued = {store.enqueue("dossier", dossier(i), {"full_name": f"Công dân {i}"}).uuid for i in range(1000)}

    down = sync_once(store, client, 100)
    assert down.stop == "network" and down.sent == 0
    status = read_status(store)
    assert status["phase"] == "offline" and not status["online"]
    assert status["counts"]["queued"] + status["counts"]["retry"] == 1000

    hub.start()
    drain(store, client, 100)
    rows = hub_rows(hub)
    assert len(rows) == 1000 and {r[0] for r in rows} == queued
    local = {v.uuid: v for v in store.list("sent", limit=2000)}
    assert {r[1] for r in rows} == {v.local_ref for v in local.values()}
    for view in random.Random(3).sample(list(local.values()), 10):  # the resident's tracking works by local ref
        assert client.get_dossier(view.local_ref).reference == view.server_ref
    assert read_status(store)["phase"] == "idle"


def test_with_30_percent_faults_everything_arrives_exactly_once(hub, data_dir):
    config = make_config(data_dir, hub.url, read_timeout_seconds=1.0)
    client = make_client(config, data_dir, url=hub.url, token="")
    client.timeout = (1.0, 1.0)
    assert ensure_token(client, config, data_dir)  # the kiosk enrols itself with the demo code
    store = open_store(config, data_dir)
    photos = {}
    for i in range(300):
        files = [AttachmentIn("front.jpg", "image/jpeg", f"photo {i}".encode())] if i % 10 == 0 else []
        sid = store.enqueue("dossier", dossier(i), {"full_name": "Đỗ Thị Mười"}, files).uuid
        photos[sid] = bool(files)
    hub.set_faults(0.3, kinds=["500", "503", "429", "delay", "drop"], phase="random", retry_after=1,
                   delay_seconds=2.0, seed=11)
    reports = drain(store, client, 25)
    hub.set_faults(0, **NO_FAULTS)
    assert any(not r.ok for r in reports)  # faults really happened
    assert {r.stop for r in reports} - {None} <= {"network", "timeout", "server", "rate_limited"}
    rows = kiosk_rows(hub, config, data_dir)
    assert len(rows) == 300 and {r[0] for r in rows} == set(photos)
    conn = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM attachments WHERE submission_seq IN (SELECT seq FROM submissions "
                            "WHERE kiosk_id = ?)", (kiosk_id(config, data_dir),)).fetchone() == (sum(photos.values()),)
    finally:
        conn.close()
    assert all(v.server_ref for v in store.list("sent", limit=400))


def test_a_rejected_item_does_not_block_the_ones_behind_it(hub, data_dir):
    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    store = open_store(config, data_dir)
    first = store.enqueue("dossier", dossier(1)).uuid
    bad = store.enqueue("dossier", dossier(2), schema_version=99).uuid
    last = store.enqueue("report", {"category": "den_duong", "text": "Đèn đường hỏng"}).uuid
    report = sync_once(store, client)
    assert report.ok and (report.sent, report.rejected) == (2, 1)
    assert store.lookup(first).status == store.lookup(last).status == "sent"
    assert store.lookup(last).server_ref.startswith("PA-")
    row = store.lookup(bad)
    assert row.status == "rejected" and row.last_error == "unsupported_schema_version"
    assert sync_once(store, client).claimed == 0  # it waits for an operator, not for the next run


def test_a_wrong_token_leaves_the_queue_intact_with_an_auth_problem(hub, data_dir):
    config = make_config(data_dir, hub.url)
    store = open_store(config, data_dir)
    ids = [store.enqueue("dossier", dossier(i)).uuid for i in range(3)]
    client = make_client(config, data_dir, url=hub.url, token="not-a-real-token")
    report = sync_once(store, client)
    assert report.stop == "auth" and report.sent == 0
    assert {(store.lookup(i).status, store.lookup(i).attempts) for i in ids} == {("queued", 0)}
    status = read_status(store)
    assert status["phase"] == "auth_problem" and "401" in status["last_error"]
    assert not set(ids) & {r[0] for r in hub_rows(hub)}
    # after re-enrolment the same rows go through
    ensure_token(make_client(config, data_dir, url=hub.url, token=""), config, data_dir)
    client = make_client(config, data_dir, url=hub.url)
    assert sync_once(store, client).sent == 3
    assert read_status(store)["phase"] == "idle"


def test_enrolment_stores_the_token_owner_only(hub, data_dir):
    import os
    import stat

    config = make_config(data_dir, hub.url)
    client = make_client(config, data_dir, url=hub.url)
    assert client.token is None
    assert ensure_token(client, config, data_dir)
    path = queue_paths(config, data_dir).token
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    saved = load_token(path)
    assert saved["token"] == client.token and saved["hub_url"] == hub.url
    assert saved["kiosk_id"].startswith("k_")


def test_an_answer_lost_after_the_hub_committed_is_resent_as_a_duplicate(hub, data_dir):
    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    store = open_store(config, data_dir)
    sid = store.enqueue("dossier", dossier(), None, [AttachmentIn("back.jpg", "image/jpeg", b"back side")]).uuid
    hub.set_faults(1.0, kinds=["drop"], phase="after", paths=["/v1/submissions"])
    assert sync_once(store, client).stop == "network"
    assert len(kiosk_rows(hub, config, data_dir)) == 1  # the hub has it, the kiosk does not know yet
    hub.set_faults(0, **NO_FAULTS)
    report = sync_once(store, client, force=True)
    assert report.ok and report.sent == 1
    assert store.lookup(sid).server_ref.startswith("HS-") and len(kiosk_rows(hub, config, data_dir)) == 1


def test_a_photo_the_hub_holds_with_other_content_rejects_the_row_with_a_reason(hub, data_dir):
    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    store = open_store(config, data_dir)
    sid = store.enqueue("dossier", dossier(), None, [AttachmentIn("front.jpg", "image/jpeg", b"the real photo")]).uuid
    behind = store.enqueue("dossier", dossier(2)).uuid
    # the hub already has this submission with a different front.jpg (e.g. from a restored old backup)
    item = store.claim_due(1)[0]
    assert client.submit_batch([item.body()])[0].status == "accepted"
    client.upload_attachment(sid, "front.jpg", b"another photo", "image/jpeg")
    store.recover_inflight()
    report = sync_once(store, client, force=True)
    assert report.ok and report.rejected == 1 and report.sent == 1
    row = store.lookup(sid)
    assert row.status == "rejected" and "front.jpg" in row.last_error and row.last_http_status == 409
    assert store.lookup(behind).status == "sent"


def test_retry_after_from_a_429_is_honoured(hub, data_dir):
    from datetime import UTC, datetime, timedelta

    config = make_config(data_dir, hub.url)
    client = enrolled(config, data_dir, hub.url)
    store = open_store(config, data_dir)
    sid = store.enqueue("dossier", dossier()).uuid
    hub.set_faults(1.0, kinds=["429"], phase="before", retry_after=600, paths=["/v1/submissions"])
    before = datetime.now(UTC)
    report = sync_once(store, client)
    assert report.stop == "rate_limited" and report.retry_after == 600
    row = store.lookup(sid)
    assert row.status == "retry" and row.last_http_status == 429
    assert row.next_attempt_at >= before + timedelta(seconds=600)
    status = read_status(store)
    assert status["phase"] == "idle" and status["online"] and "429" in status["last_error"]
    assert sync_once(store, client).claimed == 0  # not due yet
