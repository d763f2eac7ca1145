"""The queue store on a real SQLite file: durable enqueue, local references, encryption, transitions, purge."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest

from offline_queue.crypto import Cipher, load_or_create_key
from offline_queue.db import open_database
from offline_queue.records import AttachmentIn, Rejected, Released, Retry, Sent
from offline_queue.store import InvalidSubmission, QueueStore
from offline_queue.sync import read_status, start_of_process
from tests.queue.conftest import dossier


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 21, 3, 0, tzinfo=UTC))  # 10:00 in Ha Noi


@pytest.fixture
def cstore(tmp_path, clock) -> QueueStore:
    from zoneinfo import ZoneInfo

    engine = open_database(tmp_path / "kiosk.db")
    s = QueueStore(engine, Cipher(load_or_create_key(tmp_path / "queue.key")), "BN01", clock,
                   tz=ZoneInfo("Asia/Ho_Chi_Minh"))
    yield s
    engine.dispose()


def fixed(seconds: float):
    return lambda attempts: seconds


def test_local_reference_counts_per_local_day(cstore, clock):
    refs = [cstore.enqueue("dossier", dossier(i)).local_ref for i in range(3)]
    assert refs == ["BN01-261121-0001", "BN01-261121-0002", "BN01-261121-0003"]
    clock.now = datetime(2026, 11, 21, 17, 30, tzinfo=UTC)  # 00:30 on the 22nd in Viet Nam
    assert cstore.enqueue("report", {}).local_ref == "BN01-261122-0001"


def test_personal_fields_and_photos_are_encrypted_at_rest(cstore, tmp_path):
    name = "Nguyễn Thị Hồng Nhung"
    res = cstore.enqueue("dossier", dossier(), {"full_name": name, "cccd": "079190001234"},
                         [AttachmentIn("front.jpg", "image/jpeg", b"\xff\xd8 PHOTO-OF-CARD 079190001234")])
    raw = (tmp_path / "kiosk.db").read_bytes() + (tmp_path / "kiosk.db-wal").read_bytes()
    assert name.encode() not in raw and b"079190001234" not in raw and b"PHOTO-OF-CARD" not in raw
    assert stat.S_IMODE(os.stat(tmp_path / "queue.key").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "kiosk.db").st_mode) == 0o600
    item = cstore.claim_due(10)[0]
    assert item.id == res.uuid and item.payload["personal"]["full_name"] == name
    assert cstore.attachment_bytes(res.uuid, "front.jpg").startswith(b"\xff\xd8 PHOTO")


def test_the_key_is_kept_across_restarts(tmp_path):
    first = load_or_create_key(tmp_path / "k")
    assert load_or_create_key(tmp_path / "k") == first


@pytest.mark.parametrize("kind,payload,files", [
    ("Dossier!", {}, []),
    ("dossier", {"x": object()}, []),
    ("dossier", {"x": float("nan")}, []),
    ("dossier", {"personal": {"full_name": "in the wrong place"}}, []),
    ("dossier", {}, [AttachmentIn("../../etc/passwd", "image/jpeg", b"x")]),
    ("dossier", {}, [AttachmentIn("a.jpg", "image/jpeg", b"x"), AttachmentIn("a.jpg", "image/jpeg", b"y")]),
])
def test_bad_input_is_refused_and_nothing_is_stored(cstore, kind, payload, files):
    with pytest.raises(InvalidSubmission):
        cstore.enqueue(kind, payload, None, files)
    assert sum(cstore.counts().values()) == 0


def test_claim_is_committed_oldest_first_and_results_are_recorded(cstore, clock):
    ids = []
    for i in range(5):
        ids.append(cstore.enqueue("dossier", dossier(i)).uuid)
        clock.advance(seconds=1)
    batch = cstore.claim_due(3)
    assert [i.id for i in batch] == ids[:3]
    assert cstore.counts()["sending"] == 3  # visible from another connection: committed before any I/O
    cstore.record([Sent(ids[0], "HS-2026-000001"), Rejected(ids[1], "invalid_payload", 200),
                   Retry(ids[2], "HTTP 503", 503, 0)], fixed(30))
    assert cstore.lookup(ids[0]).server_ref == "HS-2026-000001"
    assert cstore.lookup("HS-2026-000001").status == "sent"
    rejected = cstore.lookup(ids[1])
    assert rejected.status == "rejected" and rejected.last_error == "invalid_payload"
    retry = cstore.lookup(ids[2])
    assert retry.status == "retry" and retry.attempts == 1 and retry.last_http_status == 503
    assert retry.next_attempt_at == clock.now + timedelta(seconds=30)
    # the retry row is not due yet, the two behind it are
    assert [i.id for i in cstore.claim_due(10)] == ids[3:]
    clock.advance(seconds=31)
    assert [i.id for i in cstore.claim_due(10)] == [ids[2]]


def test_retry_after_wins_over_a_shorter_backoff(cstore, clock):
    sid = cstore.enqueue("dossier", dossier()).uuid
    cstore.claim_due(1)
    cstore.record([Retry(sid, "HTTP 429", 429, 120)], fixed(30))
    assert cstore.lookup(sid).next_attempt_at == clock.now + timedelta(seconds=120)


def test_auth_problem_puts_rows_back_to_queued_without_counting_an_attempt(cstore):
    sid = cstore.enqueue("dossier", dossier()).uuid
    cstore.claim_due(1)
    cstore.record([Released(sid, "HTTP 401", 401)], fixed(30))
    row = cstore.lookup(sid)
    assert (row.status, row.attempts, row.last_http_status) == ("queued", 0, 401)


def test_rows_left_sending_by_a_crash_become_retry_at_start(cstore):
    sid = cstore.enqueue("dossier", dossier()).uuid
    cstore.claim_due(1)
    cstore.set_meta(phase="syncing")
    assert start_of_process(cstore) == 1
    assert cstore.lookup(sid).status == "retry"
    assert read_status(cstore)["phase"] == "idle"
    assert [i.id for i in cstore.claim_due(1)] == [sid]


def test_sent_is_never_downgraded_by_a_late_result(cstore):
    sid = cstore.enqueue("dossier", dossier()).uuid
    cstore.claim_due(1)
    cstore.record([Sent(sid, "HS-2026-000009")], fixed(30))
    cstore.record([Retry(sid, "late", 503)], fixed(30))
    assert cstore.lookup(sid).status == "sent"


def test_sent_rows_are_purged_after_retention_rejected_rows_stay(cstore, clock, tmp_path):
    sent = cstore.enqueue("dossier", dossier(1), {"full_name": "Trần Văn Bảy"},
                          [AttachmentIn("p.jpg", "image/jpeg", b"abc")]).uuid
    rejected = cstore.enqueue("dossier", dossier(2)).uuid
    cstore.claim_due(2)
    cstore.record([Sent(sent, "HS-2026-000001"), Rejected(rejected, "conflict")], fixed(30))
    assert cstore.purge_sent(timedelta(days=30)) == 0
    clock.advance(days=31)
    assert cstore.purge_sent(timedelta(days=30)) == 1
    assert cstore.lookup(sent) is None and cstore.lookup(rejected).status == "rejected"
    with sqlite3.connect(tmp_path / "kiosk.db") as conn:
        assert conn.execute("SELECT count(*) FROM attachments").fetchone() == (0,)


def test_operator_requeues_a_rejected_row(cstore):
    sid = cstore.enqueue("dossier", dossier()).uuid
    cstore.claim_due(1)
    cstore.record([Rejected(sid, "conflict")], fixed(30))
    ref = cstore.lookup(sid).local_ref
    view = cstore.requeue(ref)
    assert (view.status, view.attempts) == ("queued", 0)
    assert cstore.requeue("BN01-000000-9999") is None


def test_receipt_print_status_is_kept_for_reprints(cstore, clock):
    sid = cstore.enqueue("dossier", dossier()).uuid
    assert cstore.lookup(sid).receipt_status == "pending"
    cstore.mark_receipt(sid, False)
    assert cstore.lookup(sid).receipt_status == "failed"
    cstore.mark_receipt(sid, True)
    row = cstore.lookup(sid)
    assert row.receipt_status == "printed" and row.receipt_printed_at == clock.now


def test_status_is_computed_from_the_database(cstore, clock, tmp_path):
    cstore.enqueue("dossier", dossier())
    clock.advance(minutes=5)
    cstore.set_meta(phase="offline", last_error="network: ConnectionError", reachable="0")
    # a second store on the same file (another thread/process) sees the same status
    other = QueueStore(open_database(tmp_path / "kiosk.db"), cstore.cipher, "BN01", clock)
    status = read_status(other)
    assert status["counts"]["queued"] == 1 and status["oldest_unsent_age_seconds"] == 300
    assert status["phase"] == "offline" and status["online"] is False
    assert status["last_error"] == "network: ConnectionError"


def test_export_has_personal_data_only_when_asked(cstore):
    cstore.enqueue("dossier", dossier(), {"full_name": "Lê Thị Tám"})
    plain = next(cstore.export())
    assert "personal" not in plain and "Lê Thị Tám" not in str(plain)
    assert next(cstore.export(include_personal=True))["personal"] == {"full_name": "Lê Thị Tám"}


def test_two_threads_starting_together_get_the_same_whole_key(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    for n in range(20):
        path = tmp_path / f"key{n}"
        with ThreadPoolExecutor(4) as pool:
            keys = list(pool.map(load_or_create_key, [path] * 4))
        assert len(set(keys)) == 1 and len(keys[0]) == 32
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"key{n}" for n in range(20))
