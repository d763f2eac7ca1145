"""Batch ingest: accepted / duplicate / conflict / malformed items, and concurrent retries of one item."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import uuid

import requests
from fastapi.testclient import TestClient

from central.references import check_digit_ok
from tests.hub.conftest import item


def _post(client: TestClient, auth: dict[str, str], *items: object) -> list[dict]:
    r = client.post("/v1/submissions", json={"items": list(items)}, headers=auth | {"Idempotency-Key": "batch-1"})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def test_accepted_items_get_hub_references_per_kind(client: TestClient, auth: dict[str, str]) -> None:
    results = _post(client, auth, item("dossier"), item("report", None, text="đèn hỏng"), item("health", None, bp=1))
    assert [r["status"] for r in results] == ["accepted"] * 3
    prefixes = [r["reference"][:2] for r in results]
    assert prefixes == ["HS", "PA", "SK"]
    # random (not sequential), 8 digits and a check digit
    assert all(re.fullmatch(r"[A-Z]{2}-\d{4}-\d{9}", r["reference"]) for r in results)
    assert all(check_digit_ok(r["reference"]) for r in results)
    assert all(r["reason"] is None for r in results)


def test_same_body_again_is_a_duplicate_with_the_first_reference(client: TestClient, auth: dict[str, str]) -> None:
    it = item()
    first = _post(client, auth, it)[0]
    # key order and whitespace do not matter: the canonical body is compared
    reordered = json.loads(json.dumps(dict(reversed(list(it.items())))))
    again = _post(client, auth, reordered)[0]
    assert again == {"id": it["id"], "status": "duplicate", "reference": first["reference"], "reason": None}


def test_same_id_with_another_body_is_a_conflict(client: TestClient, auth: dict[str, str]) -> None:
    it = item()
    _post(client, auth, it)
    changed = dict(it, payload={"procedure_code": "1.004222", "fee": {"amount": 10000}})
    assert _post(client, auth, changed)[0] == {"id": it["id"], "status": "rejected", "reference": None,
                                               "reason": "conflict"}


def test_malformed_items_are_rejected_one_by_one_without_blocking_others(client: TestClient,
                                                                          auth: dict[str, str]) -> None:
    good = item()
    bad = [
        (dict(item(), kind="parcel"), "unknown_kind"),
        (dict(item(), schema_version=7), "unsupported_schema_version"),
        (dict(item(), id="not-a-uuid"), "invalid_payload"),
        (dict(item(), payload=[1, 2]), "invalid_payload"),
        (dict(item(), created_at="yesterday"), "invalid_payload"),
        (dict(item(), created_at="2026-11-21T10:20:00"), "invalid_payload"),  # no offset
        (dict(item(), local_ref=""), "invalid_payload"),
        ("just text", "invalid_payload"),
    ]
    results = _post(client, auth, *[b for b, _ in bad], good)
    assert [(r["status"], r["reason"]) for r in results[:-1]] == [("rejected", reason) for _, reason in bad]
    assert results[-1]["status"] == "accepted"
    assert results[0]["id"] == bad[0][0]["id"]  # ids are echoed so the kiosk can match rows


def test_a_malformed_batch_is_a_422_problem(client: TestClient, auth: dict[str, str]) -> None:
    cases = [b"{not json", b"[]", b'{"items": 5}', b'{"things": []}', json.dumps({"items": [item()] * 101}).encode()]
    for body in cases:
        r = client.post("/v1/submissions", content=body, headers=auth | {"Content-Type": "application/json"})
        assert r.status_code == 422, body[:30]
        assert r.headers["content-type"] == "application/problem+json"
        assert set(r.json()) >= {"type", "title", "status", "detail"}


def test_concurrent_posts_of_one_item_store_one_row(hub) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    it = item()
    barrier, results, errors = threading.Barrier(8), [], []

    def post() -> None:
        try:
            barrier.wait()
            r = requests.post(hub.url + "/v1/submissions", json={"items": [it]}, timeout=30,
                              headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())})
            results.append(r.json()["results"][0])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    statuses = sorted(r["status"] for r in results)
    assert statuses == ["accepted"] + ["duplicate"] * 7
    assert len({r["reference"] for r in results}) == 1
    with sqlite3.connect(hub.db_path) as con:
        assert con.execute("SELECT count(*) FROM submissions WHERE id = ?", (it["id"],)).fetchone()[0] == 1


def test_losing_the_insert_race_answers_duplicate_or_conflict(client: TestClient, auth: dict[str, str]) -> None:
    """The path taken when a concurrent request inserts between our look-up and our insert."""
    from central.ingest import validate_item
    from central.records import ingest_item

    db = client.app.state.db
    it = item()
    first = _post(client, auth, it)[0]
    with db.engine.connect() as con:
        kiosk_id = con.exec_driver_sql("SELECT kiosk_id FROM submissions").scalar()
    assert ingest_item(db, kiosk_id, validate_item(it), check_first=False) == first | {"status": "duplicate"}
    other = validate_item(dict(it, payload={"changed": True}))
    assert ingest_item(db, kiosk_id, other, check_first=False)["reason"] == "conflict"


def test_upper_case_ids_are_echoed_as_sent_and_deduplicated(client: TestClient, auth: dict[str, str]) -> None:
    it = item()
    upper = dict(it, id=it["id"].upper())
    first = _post(client, auth, upper)[0]
    assert first["id"] == upper["id"] and first["status"] == "accepted"
    assert _post(client, auth, upper)[0]["status"] == "duplicate"
