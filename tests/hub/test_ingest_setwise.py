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
    assert len(large) == len(small)
    if engine.dialect.name == "postgresql":  # one statement writes the rows and their status events (one round trip)
        assert large.count("WITH") == 1 and "INSERT" not in large and len(large) <= 3  # with the token and catalogue
    else:
        assert large.count("INSERT") == 2  # submissions, then their status events
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


def test_a_reference_already_taken_is_drawn_again_for_its_row_alone(client: TestClient, auth: dict[str, str],
                                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from central import records

    taken = _submit(client, auth, [item()])[0]["reference"]
    real = records.reference_for
    clashes = iter([taken, taken, real("dossier", 2026)])  # both rows draw a stored reference; one draws it again
    monkeypatch.setattr(records, "reference_for", lambda kind, year: next(clashes, None) or real(kind, year))
    batch = [item(), item(), item()]
    results = _submit(client, auth, batch)
    assert [r["status"] for r in results] == ["accepted"] * 3
    references = {r["reference"] for r in results}
    assert len(references) == 3 and taken not in references
    assert _submit(client, auth, batch) == [r | {"status": "duplicate"} for r in results]  # the first answer again
    with client.app.state.db.engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM submissions")).scalar() == 4
        assert con.execute(text("SELECT count(*) FROM status_events")).scalar() == 4
