"""Alembic migrations: an existing database is upgraded at start-up and keeps its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from central.app import create_app
from central.config import HubConfig
from central.db import Database, current_revision
from central.models import Base


def test_upgrade_from_the_first_schema_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "hub.db"
    old = Database(str(path))
    old.migrate("0001")
    with sqlite3.connect(path) as con:  # rows as a 0001 hub wrote them
        con.execute("INSERT INTO kiosks (id, token_hash, station_code, name, version, enrolled_at) "
                    "VALUES ('k_old', 'h', 'BN01', 'Trạm cũ', '0.0.9', '2026-11-01 08:00:00')")
        con.execute("INSERT INTO submissions (id, kiosk_id, kind, schema_version, created_at, received_at, local_ref, "
                    "reference, body_hash, body, status, updated_at) VALUES ('6f1c3e0a-6f5e-4c3b-9a8e-2d3c4b5a6e7f', "
                    "'k_old', 'dossier', 1, '2026-11-01T15:00:00+07:00', '2026-11-01 08:00:00', 'BN01-261101-0001', "
                    "'HS-2026-000001', 'x', '{\"payload\": {\"procedure_code\": \"1.004222\", \"personal\": "
                    "{\"identity\": {\"full_name\": \"Lê Thị Hoa\"}}}}', 'processing', '2026-11-01 08:00:00')")
        con.execute("INSERT INTO status_events (submission_seq, status, at) VALUES (1, 'received', '2026-11-01 08:00')")
    old.dispose()

    app = create_app(HubConfig(db_url=str(path), demo=True))  # start-up runs the migrations
    from alembic.script import ScriptDirectory

    from central.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config(str(path))).get_current_head()
    assert current_revision(app.state.db.engine) == head
    from central import records

    tracked = records.track(app.state.db, "BN01-261101-0001")  # as staff see it (kiosks see only their own)
    assert tracked["reference"] == "HS-2026-000001" and tracked["status"] == "processing"
    assert tracked["fee"] is None  # the new column is empty for old rows
    from fastapi.testclient import TestClient

    from tests.staff_fixtures import sign_in

    with TestClient(app) as c:  # 0005 filled the inbox columns of old rows from their stored body
        sign_in(c, "officer")
        html = c.get("/office/dossiers", params={"q": "le thi hoa"}).text
    assert "HS-2026-000001" in html and "1.004222" in html
    app.state.db.dispose()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "hub.db"))
    db.migrate()
    with db.engine.connect() as con:
        assert compare_metadata(MigrationContext.configure(con), Base.metadata) == []
    db.dispose()


def test_migrate_command(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from central.cli import main as cli_main

    assert cli_main(["migrate", "--db", str(tmp_path / "hub.db")]) == 0
    assert "revision 0009_telehealth_bus" in capsys.readouterr().out
