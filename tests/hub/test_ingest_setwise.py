"""Set-wise batch ingest: the statements a batch costs do not grow with its size (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient
from sqlalchemy import event, text

from tests.hub.conftest import item


@contextmanager
def _statements(engine) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement.split(None, 1)[0].upper())

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _submit(client: TestClient, auth: dict[str, str], items: list[dict]) -> list[dict]:
    r = client.post("/v1/submissions", json={"items": items}, headers=auth)
    assert r.status_code == 200, r.text
    return r.json()["results"]


def test_a_batch_costs_the_same_statements_whatever_its_size(client: TestClient, auth: dict[str, str]) -> None:
    engine = client.app.state.db.engine
    _submit(client, auth, [item()])  # warm: the catalogue's legal processing days are read once per version
    with _statements(engine) as small:
        assert {r["status"] for r in _submit(client, auth, [item() for _ in range(2)])} == {"accepted"}
    with _statements(engine) as large:
        assert {r["status"] for r in _submit(client, auth, [item() for _ in range(50)])} == {"accepted"}
    assert len(large) == len(small) and large.count("INSERT") == 2  # submissions, then their status events
    with engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM submissions")).scalar() == 53
        assert con.execute(text("SELECT count(*) FROM status_events")).scalar() == 53
        assert con.execute(text("SELECT count(DISTINCT reference) FROM submissions")).scalar() == 53


def test_a_retried_batch_is_answered_from_the_table_without_new_rows(client: TestClient,
                                                                     auth: dict[str, str]) -> None:
    batch = [item() for _ in range(20)]
    first = _submit(client, auth, batch)
    changed = [dict(b, payload={"changed": True}) if n % 2 else b for n, b in enumerate(batch)]
    again = _submit(client, auth, changed)
    for n, (a, b) in enumerate(zip(first, again, strict=True)):
        assert b == (a | {"status": "duplicate"} if n % 2 == 0 else a | {"status": "rejected", "reference": None,
                                                                         "reason": "conflict"})
    with client.app.state.db.engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM submissions")).scalar() == 20
        assert con.execute(text("SELECT count(*) FROM status_events")).scalar() == 20
