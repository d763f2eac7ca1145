"""TLS fixtures: one real hub process with one real Caddy in front of it, per test worker (session scope)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from central.local import LocalHub
from tests.tls.caddy import Caddy, trust_store_listing


@pytest.fixture(scope="session")
def tls_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalHub]:
    """A real demo hub on plain http://127.0.0.1 (the way it runs behind Caddy)."""
    hub = LocalHub(tmp_path_factory.mktemp("tls-hub")).start()
    yield hub
    hub.stop()


@pytest.fixture(scope="session")
def caddy(tmp_path_factory: pytest.TempPathFactory, tls_hub: LocalHub) -> Iterator[Caddy]:
    before = trust_store_listing()
    front = Caddy(tmp_path_factory.mktemp("caddy"), tls_hub.url).start()
    yield front
    front.stop()
    assert trust_store_listing() == before, "caddy changed the system trust store"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk"
    path.mkdir()
    return path
