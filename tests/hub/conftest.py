"""Hub test fixtures: a real hub process (`hub`) and an in-process app (`client`) with helpers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from central.app import create_app
from central.config import HubConfig
from central.faults import KINDS
from central.local import LocalHub
from tests.hub_fixtures import local_hub, local_hub_factory  # noqa: F401
from tests.staff_fixtures import sign_in


@pytest.fixture(scope="session")
def _session_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalHub]:
    with LocalHub(tmp_path_factory.mktemp("shared-hub")) as shared:
        yield shared


@pytest.fixture
def hub(_session_hub: LocalHub) -> Iterator[LocalHub]:
    """A real demo hub process on 127.0.0.1, shared by the tests of one worker (starting one is the slow part):
    tests enrol their own kiosk and must not assume an empty hub. Faults are reset after each test; a test that
    kills or restarts its hub uses `local_hub` instead."""
    yield _session_hub
    if not _session_hub.running:
        _session_hub.start()
    _session_hub.set_faults(0, kinds=list(KINDS), phase="random", paths=["/v1/"], retry_after=1, delay_seconds=2.0)


def make_client(tmp_path: Path, db_url: str | None = None, staff: str | None = "admin", **config: Any) -> TestClient:
    """An in-process hub; `staff` signs it in with a new account of that role (None: no staff session)."""
    cfg = HubConfig(db_url=db_url or str(tmp_path / "hub.db"), **({"demo": True} | config))
    client = TestClient(create_app(cfg), raise_server_exceptions=False)
    if staff:
        sign_in(client, staff)
    return client


@pytest.fixture
def client(tmp_path: Path, hub_db_url: str) -> Iterator[TestClient]:
    """An in-process demo hub (FastAPI TestClient) on a fresh database, signed in as an administrator: every test
    that uses it runs twice, on a SQLite file and on the throw-away PostgreSQL cluster."""
    with make_client(tmp_path, hub_db_url) as c:
        yield c
    c.app.state.db.dispose()


def enroll(client: TestClient, code: str = "DEMO-0000", station: str = "BN01") -> dict[str, str]:
    r = client.post("/v1/kiosks/enroll", json={"code": code, "station_code": station, "name": "Trạm 1",
                                                "version": "0.1.0"})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture
def auth(client: TestClient) -> dict[str, str]:
    """Headers of an enrolled kiosk on `client`."""
    return enroll(client)


def item(kind: str = "dossier", local_ref: str | None = "BN01-261121-0007", **payload: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "kind": kind, "schema_version": 1, "created_at": "2026-11-21T10:20:00+07:00",
            "local_ref": local_ref, "payload": payload or {"procedure_code": "1.004222", "fee": {"amount": 20000}}}
