"""One transaction per batch: per-item answers, ON CONFLICT on the id, concurrent mixed batches, faults after commit."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from central import store
from central.db import Database
from central.models import EnrolmentCode, StatusEvent, Submission, utcnow
from central.records import ingest_batch
from tests.hub.conftest import item


@pytest.fixture
def db_and_kiosk(tmp_path: Path) -> Iterator[tuple[Database, str]]:
    """A migrated hub database in a real SQLite file and one enrolled kiosk."""
    db = Database(str(tmp_path / "hub.db"))
    db.migrate()
    store.seed_demo(db, "DEMO-0000")
    kiosk_id, _token = store.enroll(db, "DEMO-0000", "BN01", "Trạm 1", "0.1.0")
    yield db, kiosk_id
    db.dispose()


def _count(db: Database, model: type, **where: Any) -> int:
    with db.session() as s:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return s.scalar(query)


def _mixed(stored: dict[str, Any], conflicting: dict[str, Any]) -> tuple[list[Any], list[tuple[str, str | None]]]:
    """A batch of every kind of answer, and the (status, reason) each item must get from any sender."""
    new1, new2 = item(local_ref="BN01-261121-0101"), item("report", None, text="đèn hỏng")
    changed = dict(conflicting, payload={"procedure_code": "1.004222", "fee": {"amount": 10000}})
    batch = [new1, dict(stored), changed, dict(item(), kind="parcel"), new2, "just text", dict(new1),
             dict(item(), created_at="yesterday")]
    expected = [("new", None), ("duplicate", None), ("rejected", "conflict"), ("rejected", "unknown_kind"),
                ("new", None), ("rejected", "invalid_payload"), ("duplicate", None), ("rejected", "invalid_payload")]
    return batch, expected


def _check_concurrent_answers(answers: list[list[dict[str, Any]]], batch: list[Any],
                              expected: list[tuple[str, str | None]], stored_ref: str) -> None:
    """Every sender gets its answers in item order; each new id is accepted by exactly one of them."""
    expected = [("new", None) if position == 6 else e for position, e in enumerate(expected)]  # new1 again
    for results in answers:
        assert [r["id"] for r in results] == [b["id"] if isinstance(b, dict) else None for b in batch]
        for r, (status, reason) in zip(results, expected, strict=True):
            if status == "new":
                assert r["status"] in {"accepted", "duplicate"} and r["reference"]
            else:
                assert (r["status"], r["reason"]) == (status, reason)
        # new1 twice in one batch: stored once, whichever copy came first in that sender's order
        assert results[0]["reference"] == results[6]["reference"] and "duplicate" in {results[0]["status"],
                                                                                      results[6]["status"]}
    assert all(results[1]["reference"] == stored_ref for results in answers)
    for positions in ((0, 6), (4,)):
        column = [results[p] for results in answers for p in positions]
        assert [r["status"] for r in column].count("accepted") == 1
        assert len({r["reference"] for r in column}) == 1


def _run_together(senders: list[Callable[[], list[dict[str, Any]]]]) -> list[list[dict[str, Any]]]:
    barrier, answers, errors = threading.Barrier(len(senders)), [], []

    def run(send: Callable[[], list[dict[str, Any]]]) -> None:
        try:
            barrier.wait()
            answers.append(send())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(send,)) for send in senders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return answers


def test_a_mixed_batch_gets_one_answer_per_item_in_order(db_and_kiosk: tuple[Database, str]) -> None:
    db, kiosk_id = db_and_kiosk
    stored, conflicting = item(), item()
    first = ingest_batch(db, kiosk_id, [stored, conflicting])
    assert [r["status"] for r in first] == ["accepted", "accepted"]
    batch, expected = _mixed(stored, conflicting)
    results = ingest_batch(db, kiosk_id, batch)
    assert [(r["status"], r["reason"]) for r in results] == [
        ("accepted" if s == "new" else s, reason) for s, reason in expected]
    assert results[1]["reference"] == first[0]["reference"]
    assert results[6] == results[0] | {"status": "duplicate"}
    assert results[3]["detail"] and results[5]["id"] is None
    assert _count(db, Submission) == 4 and _count(db, StatusEvent) == 4


def test_a_lost_insert_race_rolls_back_only_that_item(db_and_kiosk: tuple[Database, str]) -> None:
    """Without the look-up every known id reaches the INSERT: ON CONFLICT skips it, the SELECT answers it."""
    db, kiosk_id = db_and_kiosk
    stored, conflicting = item(), item()
    first = ingest_batch(db, kiosk_id, [stored, conflicting])
    batch, _ = _mixed(stored, conflicting)
    results = ingest_batch(db, kiosk_id, batch, check_first=False)
    assert [r["status"] for r in results] == ["accepted", "duplicate", "rejected", "rejected", "accepted",
                                              "rejected", "duplicate", "rejected"]
    assert results[1]["reference"] == first[0]["reference"] and results[2]["reason"] == "conflict"
    assert _count(db, Submission) == 4 and _count(db, StatusEvent) == 4
    assert _count(db, Submission, id=batch[0]["id"]) == 1


def test_a_released_savepoint_is_undone_with_its_transaction(db_and_kiosk: tuple[Database, str]) -> None:
    """pysqlite's legacy transaction mode would commit a savepoint opened outside a BEGIN on its own."""
    db, _kiosk_id = db_and_kiosk
    with pytest.raises(RuntimeError), db.session() as s:
        with s.begin_nested():
            s.add(EnrolmentCode(code="SAVE-POINT", created_at=utcnow()))
        raise RuntimeError("the batch fails after the item's savepoint was released")
    assert _count(db, EnrolmentCode, code="SAVE-POINT") == 0


def test_concurrent_mixed_batches_store_each_item_once(db_and_kiosk: tuple[Database, str], tmp_path: Path) -> None:
    """Request threads sharing one Database send the same mixed batch, in both orders, at the same moment."""
    db, kiosk_id = db_and_kiosk
    stored, conflicting = item(), item()
    stored_ref = ingest_batch(db, kiosk_id, [stored, conflicting])[0]["reference"]
    batch, expected = _mixed(stored, conflicting)

    def sender(reverse: bool) -> Callable[[], list[dict[str, Any]]]:
        def send() -> list[dict[str, Any]]:
            if not reverse:
                return ingest_batch(db, kiosk_id, batch)
            return list(reversed(ingest_batch(db, kiosk_id, list(reversed(batch)))))
        return send

    answers = _run_together([sender(n % 2 == 1) for n in range(8)])
    _check_concurrent_answers(answers, batch, expected, stored_ref)
    # committed before the answers: another connection to the file sees every accepted row
    with sqlite3.connect(tmp_path / "hub.db") as con:
        assert con.execute("SELECT count(*) FROM submissions").fetchone()[0] == 4


def test_concurrent_mixed_batches_over_http_store_each_item_once(hub) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    stored, conflicting = item(), item()
    headers = {"Authorization": f"Bearer {token}"}
    first = requests.post(hub.url + "/v1/submissions", json={"items": [stored, conflicting]}, headers=headers,
                          timeout=30).json()["results"]
    batch, expected = _mixed(stored, conflicting)

    def send() -> list[dict[str, Any]]:
        r = requests.post(hub.url + "/v1/submissions", json={"items": batch}, timeout=30,
                          headers=headers | {"Idempotency-Key": str(uuid.uuid4())})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    answers = _run_together([send] * 6)
    _check_concurrent_answers(answers, batch, expected, first[0]["reference"])
    with sqlite3.connect(hub.db_path) as con:
        ids = [b["id"] for b in batch if isinstance(b, dict)]
        rows = con.execute(f"SELECT id FROM submissions WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
    assert sorted(r[0] for r in rows) == sorted({stored["id"], conflicting["id"], batch[0]["id"], batch[4]["id"]})


@pytest.mark.parametrize("kind", ["drop", "503"])
def test_a_fault_after_the_batch_commit_leaves_every_item_stored(hub, kind: str) -> None:  # type: ignore[no-untyped-def]
    """The answer to a whole batch is lost after its commit: the retry gets `duplicate` for every stored item."""
    headers = {"Authorization": f"Bearer {hub.enroll()['token']}"}
    stored, conflicting = item(), item()
    requests.post(hub.url + "/v1/submissions", json={"items": [stored, conflicting]}, headers=headers, timeout=30)
    batch, expected = _mixed(stored, conflicting)
    hub.set_faults(1.0, kinds=[kind], phase="after", paths=["/v1/submissions"])
    try:
        r = requests.post(hub.url + "/v1/submissions", json={"items": batch}, headers=headers, timeout=30)
        assert r.status_code == 503
    except requests.ConnectionError:
        assert kind == "drop"
    hub.set_faults(0)
    retry = requests.post(hub.url + "/v1/submissions", json={"items": batch}, headers=headers, timeout=30)
    statuses = [(r["status"], r["reason"]) for r in retry.json()["results"]]
    assert statuses == [("duplicate" if s == "new" else s, reason) for s, reason in expected]
