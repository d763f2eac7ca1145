"""Benchmarks: run as modules (`python -m bench.NAME`, `make bench`); each prints ratios against a baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def running_kiosk(data_dir: Path, **hub: Any) -> tuple[Any, Any]:
    """(QApplication, KioskApp) as ``kiosk`` runs it offscreen: services started, home shown, every screen built.

    ``hub``: settings of the [hub] section (a local hub is never started by the app)."""
    import dataclasses
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp
    from kiosk.config import default_config
    from kiosk.services.setup import build_services, start_services

    qapp = QApplication.instance() or QApplication([])
    config = default_config()
    config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, **{"local_hub": False, **hub}))
    app = KioskApp(config, data_dir)
    build_services(app.ctx)
    start_services(app.ctx.services)
    app.start()
    app.build_all()
    return qapp, app
