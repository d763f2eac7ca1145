"""PostgreSQL-specific behaviour of the hub (on the throw-away cluster of tests/postgres.py): races between
concurrent writers, the migrations rendered for PostgreSQL. The rest of the hub suite runs on
both databases through the `client` fixture."""

from __future__ import annotations

import functools
import threading
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from central.app import create_app
from central.config import HubConfig
from central.db import Database
from central.ingest import validate_item
from central.records import ingest_batch, ingest_item
from tests.hub.conftest import enroll, item
from tests.hub.test_batch_ingest import _check_concurrent_answers, _mixed, _run_together


@pytest.fixture
def pg_client(pg_url: str):  # type: ignore[no-untyped-def]
    db = Database(pg_url)
    app = create_app(HubConfig(db_url=pg_url, demo=True), db=db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    db.dispose()


def _enrolled(pg_client: TestClient) -> tuple[Database, str]:
    enroll(pg_client)
    db = pg_client.app.state.db
    with db.engine.connect() as con:
        return db, con.execute(text("SELECT id FROM kiosks")).scalar()


def test_ingest_tracking_and_payments_on_postgres(pg_client: TestClient) -> None:
    auth = enroll(pg_client)
    it = item(local_ref="BN01-261121-0001")
    first = pg_client.post("/v1/submissions", json={"items": [it]}, headers=auth).json()["results"][0]
    again = pg_client.post("/v1/submissions", json={"items": [it]}, headers=auth).json()["results"][0]
    assert first["status"] == "accepted" and again == first | {"status": "duplicate"}
    changed = dict(it, payload={"other": 1})
    assert pg_client.post("/v1/submissions", json={"items": [changed]}, headers=auth).json()["results"][0][
        "reason"] == "conflict"
    assert pg_client.get("/v1/dossiers/BN01-261121-0001", headers=auth).json()["reference"] == first["reference"]
    key = str(uuid.uuid4())
    body = {"reference": first["reference"], "amount": 20000, "purpose": "phi"}
    p1 = pg_client.post("/v1/payments", json=body, headers=auth | {"Idempotency-Key": key}).json()
    p2 = pg_client.post("/v1/payments", json=body, headers=auth | {"Idempotency-Key": key}).json()
    assert p1["id"] == p2["id"]


def test_concurrent_inserts_on_postgres_store_one_row(pg_client: TestClient) -> None:
    db, kiosk_id = _enrolled(pg_client)
    valid = validate_item(item())
    barrier, results = threading.Barrier(6), []

    def insert() -> None:
        barrier.wait()
        results.append(ingest_item(db, kiosk_id, valid, check_first=False))

    threads = [threading.Thread(target=insert) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r["status"] for r in results) == ["accepted"] + ["duplicate"] * 5
    with db.engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM submissions")).scalar() == 1



def test_concurrent_mixed_batches_on_postgres_store_each_item_once(pg_client: TestClient) -> None:
    """A batch waiting on another's unique-index entries skips them (ON CONFLICT) and answers from the committed row."""
    db, kiosk_id = _enrolled(pg_client)
    stored, conflicting = item(), item()
    stored_ref = ingest_batch(db, kiosk_id, [stored, conflicting])[0]["reference"]
    batch, expected = _mixed(stored, conflicting)

    def send(reverse: bool, check_first: bool) -> list[dict]:
        if not reverse:
            return ingest_batch(db, kiosk_id, batch, check_first=check_first)
        return list(reversed(ingest_batch(db, kiosk_id, list(reversed(batch)), check_first=check_first)))

    answers = _run_together([functools.partial(send, n % 2 == 1, n % 3 != 0) for n in range(6)])
    _check_concurrent_answers(answers, batch, expected, stored_ref)
    with db.engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM submissions")).scalar() == 4
        assert con.execute(text("SELECT count(*) FROM status_events")).scalar() == 4

def _offline_sql(url: str) -> str:
    import io

    from alembic import command

    from central.db import alembic_config

    cfg = alembic_config(url)
    cfg.output_buffer = io.StringIO()
    command.upgrade(cfg, "head", sql=True)
    return cfg.output_buffer.getvalue()


def test_migrations_render_for_postgresql_without_a_server() -> None:
    sql = _offline_sql("postgresql+psycopg://hub@127.0.0.1/hub")
    assert "CREATE TABLE submissions" in sql and "seq BIGSERIAL NOT NULL" in sql
    assert "TIMESTAMP WITH TIME ZONE" in sql and "ALTER TABLE submissions ADD COLUMN fee_amount" in sql
