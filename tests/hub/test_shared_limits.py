"""State two hub processes must agree on lives in the database: the per-kiosk tracking limit counts the look-ups
made through every hub instance on one database (two apps here, as two worker processes), and a restart
forgets nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from central.app import create_app
from central.config import HubConfig
from tests.hub.conftest import enroll, item


def test_two_hub_processes_share_one_tracking_limit(tmp_path: Path, hub_db_url: str) -> None:
    config = HubConfig(db_url=hub_db_url, demo=True, tracking_per_minute=6, tracking_misses_per_10_min=3)
    first, second = create_app(config), create_app(config, migrate=False)
    with TestClient(first) as one, TestClient(second) as two:
        auth = enroll(one)
        ref = one.post("/v1/submissions", json={"items": [item()]}, headers=auth).json()["results"][0]["reference"]
        answers = [(one if n % 2 else two).get(f"/v1/dossiers/{ref}", headers=auth).status_code for n in range(7)]
        assert answers == [200] * 6 + [429]  # six in all, not six each
        assert two.get(f"/v1/dossiers/{ref}", headers=auth).headers["Retry-After"]
    first.state.db.dispose()
    second.state.db.dispose()


def test_guessing_is_remembered_across_a_restart(tmp_path: Path, hub_db_url: str) -> None:
    config = HubConfig(db_url=hub_db_url, demo=True, tracking_per_minute=60, tracking_misses_per_10_min=3)
    app = create_app(config)
    with TestClient(app) as c:
        auth = enroll(c)
        assert [c.get(f"/v1/dossiers/HS-2026-00000{n}", headers=auth).status_code for n in range(3)] == [404] * 3
    app.state.db.dispose()
    again = create_app(config)
    with TestClient(again) as c:
        r = c.get("/v1/dossiers/HS-2026-000009", headers=auth)
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 60  # the 10-minute window
    again.state.db.dispose()


def test_two_hub_processes_share_one_draft_creation_limit(tmp_path: Path, hub_db_url: str) -> None:
    """The public prepare-at-home page: drafts from one address are counted across processes and restarts, and
    the address itself is not stored (only a hash as the key)."""
    from sqlalchemy import select

    from central.models import KioskLookup
    from central.ratelimit import DraftCreationLimit

    app = create_app(HubConfig(db_url=hub_db_url, demo=True))
    with TestClient(app):
        db = app.state.db
        first, second = DraftCreationLimit(db, per_hour=3), DraftCreationLimit(db, per_hour=3)
        answers = [(first if n % 2 else second).allow("203.0.113.7") for n in range(4)]
        assert answers == [True, True, True, False]  # three in all, not three each
        assert DraftCreationLimit(db, per_hour=3).allow("198.51.100.2")  # another address has its own count
        with db.session() as s:
            keys = set(s.scalars(select(KioskLookup.kiosk_id)).all())
        assert not any("203.0.113.7" in k for k in keys) and DraftCreationLimit.key("203.0.113.7") in keys
    app.state.db.dispose()
