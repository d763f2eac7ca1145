"""Reusable hub fixtures for any test folder: `from tests.hub_fixtures import local_hub  # noqa: F401`.

`local_hub` is a fresh demo hub process on 127.0.0.1 (its own SQLite file) per test; `local_hub_factory`
starts hubs with other options (faults, extra CLI flags) and stops them all at the end of the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from central.local import LocalHub


@pytest.fixture
def local_hub_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., LocalHub]]:
    hubs: list[LocalHub] = []

    def start(**kwargs: Any) -> LocalHub:
        kwargs.setdefault("startup_timeout", 120.0)  # a loaded CI machine (migrations + uvicorn) can be slow
        hub = LocalHub(tmp_path_factory.mktemp("hub"), **kwargs)
        hubs.append(hub)
        return hub.start()

    yield start
    for hub in hubs:
        hub.stop()


@pytest.fixture
def local_hub(local_hub_factory: Callable[..., LocalHub]) -> LocalHub:
    """A running demo hub: .url, .demo_code, .admin_token, .enroll(), .set_faults(), .kill(), .restart()."""
    return local_hub_factory()
