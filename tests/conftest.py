"""Test set-up for every layer: headless Qt at 1920×1080, the vendored samples, thread checks."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# A loaded CI machine must not turn a slow example into a failure: no per-example deadline anywhere.
settings.register_profile("kiosk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kiosk")

ROOT = Path(__file__).resolve().parent.parent
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'offscreen.json'}"
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(tempfile.gettempdir()) / "kiosk-escpos-cache"))
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

# The real hub fixtures (local_hub, local_hub_factory) and the throw-away PostgreSQL cluster (pg_url,
# hub_db_url) are available to every test folder.
pytest_plugins = ["tests.hub_fixtures", "tests.postgres"]

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def sample_data() -> Path:
    """The real samples vendored in tests/data (ID-card QR, VietQR, device captures, procedures, photos);
    tests/data/SOURCES.md says where each came from."""
    return DATA


@pytest.fixture
def threads(qapp):
    """A ThreadOwner for worker tests; every thread it started must stop at the end."""
    from core.threads import ThreadOwner

    owner = ThreadOwner()
    yield owner
    assert owner.shutdown()


@pytest.fixture(autouse=True)
def _no_thread_left_behind(request: pytest.FixtureRequest):
    """Every worker thread a test started must have finished when the test ends (DESIGN §3.8)."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from core.threads import running_threads

    left = running_threads()
    assert not left, f"worker threads still running after the test: {left}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("KIOSK_HW") == "1":
        return
    skip = pytest.mark.skip(reason="needs real hardware (KIOSK_HW=1)")
    for item in items:
        if "hardware" in item.keywords:
            item.add_marker(skip)


DEMO_HUB_PAYEE_PIN = {"payee_bank_bin": "970436", "payee_account": "0071000123456"}  # central.config.DEMO_PAYEE


@pytest.fixture
def make_app(qtbot, tmp_path: Path):
    """Build the whole kiosk app (real window, flow, screens) on a temporary data dir.

    ``make_app(services=True, **section_overrides)``; teardown shuts it down and proves every
    worker thread stopped.
    """
    import dataclasses

    from kiosk.app import KioskApp
    from kiosk.config import default_config
    from kiosk.services.setup import build_services, start_services

    apps = []

    def build(services: bool = False, **sections):
        config = default_config()
        config = dataclasses.replace(config, data_dir=str(tmp_path / "data"),
                                     hub=dataclasses.replace(config.hub, local_hub=False))
        if "hub" in sections and "station" not in sections:
            # hubs refuse a second active kiosk with one station code (issue 13): each test app its own
            import secrets

            sections["station"] = {"code": "R" + secrets.token_hex(3).upper()}
        if "hub" in sections:
            # a kiosk on a real hub shows payment codes only for its pinned payee (issue 13): the demo hub's
            sections["security"] = {**DEMO_HUB_PAYEE_PIN, **sections.get("security", {})}
        for name, values in sections.items():
            config = dataclasses.replace(config, **{name: dataclasses.replace(getattr(config, name), **values)})
        (tmp_path / "data").mkdir(exist_ok=True)
        app = KioskApp(config, tmp_path / "data")
        apps.append(app)
        if services:
            build_services(app.ctx)
            start_services(app.ctx.services)
        app.start()
        qtbot.addWidget(app.window)
        return app

    yield build
    stopped = [app.shutdown() for app in apps]  # every app, even if one fails
    assert all(stopped), "a worker thread did not stop"
