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
from central.local import LocalHub
from tests.hub_fixtures import local_hub, local_hub_factory  # noqa: F401


@pytest.fixture
def hub(local_hub: LocalHub) -> LocalHub:  # noqa: F811
    """A real demo hub process on 127.0.0.1."""
    return local_hub


def make_client(tmp_path: Path, **config: Any) -> TestClient:
    cfg = HubConfig(db_url=str(tmp_path / "hub.db"), **({"demo": True} | config))
    return TestClient(create_app(cfg), raise_server_exceptions=False)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """An in-process demo hub (FastAPI TestClient) on a fresh SQLite file."""
    with make_client(tmp_path) as c:
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
