"""Resident journeys (dossier, tracking, payment, done screen) against the whole app and a real hub.

One hub process per test module (``module_hub``); each test gets its own kiosk data dir (a fresh
station, enrolled with the hub's demo code by the app's own sync worker).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from central.local import LocalHub
from tests.queue.conftest import hub_rows

CARD_SAMPLE = 0  # first payload of cccd_qr_samples.txt: Nguyễn Văn An


@pytest.fixture(scope="module")
def module_hub(tmp_path_factory: pytest.TempPathFactory):
    hub = LocalHub(tmp_path_factory.mktemp("hub")).start()
    yield hub
    hub.stop()


@pytest.fixture(autouse=True)
def _no_offline_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hub worker answers "offline" at once for 10 s after a failure; tests restart hubs faster than that."""
    import offline_queue.hub_worker as hub_worker

    monkeypatch.setattr(hub_worker, "OFFLINE_GRACE_S", 0.0)


def hub_settings(hub: LocalHub, **extra: Any) -> dict[str, Any]:
    return {"url": hub.url, "enrolment_code": hub.demo_code, "connect_timeout_seconds": 1.0,
            "read_timeout_seconds": 3.0, "request_timeout_seconds": 3.0, "offline_probe_seconds": 5, **extra}


def card_payloads(sample_data: Path) -> list[str]:
    lines = (sample_data / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#") and line.count("|") >= 6]


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def current(app) -> str:
    return app.navigator.current.screen_id


def wait_step(qtbot, app, step: str, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: current(app) == step, timeout=timeout)


def wait_enrolled(qtbot, app, timeout: int = 15000) -> None:
    token = app.data_dir / "hub_token.json"
    qtbot.waitUntil(token.exists, timeout=timeout)


hub_submissions = hub_rows  # (id, local_ref) of every submission in the hub's own database
