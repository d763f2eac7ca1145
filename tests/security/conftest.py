"""The security suite runs against real hub processes (central/local.py) on SQLite and on PostgreSQL.

`real_hub` is one demo hub process per backend and test module (starting one is the slow part): tests create
their own accounts, kiosks and dossiers and never assume an empty hub. Tests that restart or share the database
between two processes start their own hubs with `hub_on(db_url)`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from central.local import LocalHub
from tests.postgres import PostgresCluster


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sec-db') / 'hub.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database()


@pytest.fixture(scope="module")
def real_hub(backend_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalHub]:
    with LocalHub(tmp_path_factory.mktemp("sec-hub"), db_url=backend_url, startup_timeout=120.0) as hub:
        yield hub


@pytest.fixture
def hub_on(tmp_path: Path) -> Iterator[Callable[..., LocalHub]]:
    """Start more hub processes (on a given database URL); all stopped at the end of the test."""
    hubs: list[LocalHub] = []

    def start(db_url: str, **kwargs: object) -> LocalHub:
        # each process its own administrator: LocalHub resets its account's password when it starts
        hub = LocalHub(tmp_path / f"hub{len(hubs)}", db_url=db_url, admin_user=f"localhub-admin{len(hubs)}",
                       startup_timeout=120.0, **kwargs)  # type: ignore[arg-type]
        hubs.append(hub)
        return hub.start()

    yield start
    for hub in hubs:
        hub.stop()


@pytest.fixture
def fresh_url(request: pytest.FixtureRequest, backend_url: str, tmp_path: Path) -> str:
    """A new empty database on the module's backend (for tests that restart hubs or count rows)."""
    if backend_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'fresh.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database()
