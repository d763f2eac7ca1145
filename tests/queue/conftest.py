"""Queue test fixtures: a kiosk config on a temp data dir, a store on a real SQLite file, real hub helpers."""

from __future__ import annotations

import dataclasses
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from central.local import LocalHub
from kiosk.config import KioskConfig
from offline_queue.hub_client import HubClient
from offline_queue.runtime import enrol, load_token, make_client, open_store, queue_paths
from offline_queue.store import QueueStore
from tests.hub_fixtures import local_hub, local_hub_factory  # noqa: F401


def make_config(data_dir: Path, hub_url: str = "", **hub: Any) -> KioskConfig:
    """With a hub, a station code of its own: hubs refuse a second active kiosk with one code (issue 13)."""
    cfg = KioskConfig()
    hub_settings = dataclasses.replace(cfg.hub, **({"url": hub_url, "connect_timeout_seconds": 1.0,
                                                    "read_timeout_seconds": 3.0} | hub))
    station = dataclasses.replace(cfg.station, code="Q" + secrets.token_hex(3).upper()) if hub_url else cfg.station
    return dataclasses.replace(cfg, data_dir=str(data_dir), hub=hub_settings, station=station)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk"
    path.mkdir()
    return path


@pytest.fixture
def config(data_dir: Path) -> KioskConfig:
    return make_config(data_dir)


@pytest.fixture
def store(config: KioskConfig, data_dir: Path) -> QueueStore:
    s = open_store(config, data_dir)
    yield s
    s.engine.dispose()


NO_FAULTS = {"kinds": ["500", "503", "429", "delay", "drop"], "phase": "random", "retry_after": 1,
             "delay_seconds": 2.0, "seed": None, "paths": ["/v1/"]}


@pytest.fixture(scope="session")
def shared_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalHub]:
    """One real hub process per test worker; each test enrols its own kiosk (see ``kiosk_rows``)."""
    hub = LocalHub(tmp_path_factory.mktemp("shared-hub")).start()
    yield hub
    hub.stop()


@pytest.fixture
def hub(shared_hub: LocalHub) -> Iterator[LocalHub]:
    """The shared hub with no faults before and after the test."""
    shared_hub.set_faults(0, **NO_FAULTS)
    yield shared_hub
    shared_hub.set_faults(0, **NO_FAULTS)


def kiosk_id(config: KioskConfig, data_dir: Path) -> str:
    return load_token(queue_paths(config, data_dir).token)["kiosk_id"]


def kiosk_rows(hub: Any, config: KioskConfig, data_dir: Path) -> list[tuple[str, str]]:
    """(id, local_ref) of the submissions this test's kiosk made, from the hub's own database."""
    conn = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, local_ref FROM submissions WHERE kiosk_id = ?",
                            (kiosk_id(config, data_dir),)).fetchall()
    finally:
        conn.close()


def enrolled(config: KioskConfig, data_dir: Path, url: str) -> HubClient:
    """A client enrolled at ``url`` with the demo code (token file written like the kiosk does)."""
    client = make_client(config, data_dir, url=url, token="")
    enrol(client, config, data_dir)
    return client


def hub_rows(hub: Any) -> list[tuple[str, str]]:
    """(id, local_ref) of every submission in the hub's own database."""
    conn = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, local_ref FROM submissions").fetchall()
    finally:
        conn.close()


def dossier(i: int = 0) -> dict[str, Any]:
    return {"procedure_code": "1.004222", "fee": {"amount": 20000}, "n": i}
