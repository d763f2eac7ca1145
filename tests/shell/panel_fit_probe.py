"""Run in a fresh process (the offscreen screen size is fixed per process): build the whole app on
the panel given by QT_QPA_PLATFORM, open every screen in both languages with its sample content,
and print JSON: the panel size, the room for a screen, and every screen that does not fit."""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> None:
    app = QApplication([])
    from kiosk.app import KioskApp
    from kiosk.config import default_config
    from kiosk.services.setup import build_services, start_services

    config = default_config()
    config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, local_hub=False, url="http://127.0.0.1:9"))
    kiosk = KioskApp(config, Path(tempfile.mkdtemp()))
    build_services(kiosk.ctx)
    start_services(kiosk.ctx.services)
    kiosk.start()
    panel = kiosk.window.screen().geometry()
    window = kiosk.window
    too_big: dict[str, list[int]] = {}
    for language in ("vi", "en"):
        for screen_id in kiosk.navigator.ids():
            screen = kiosk.navigator.screen(screen_id)
            kiosk.flow.home()
            kiosk.set_language(language)
            kiosk.flow.go(screen_id, screen.sample_params())
            app.processEvents()
            room_h = panel.height() - window.header.minimumSizeHint().height() - (
                window.nav_bar.minimumSizeHint().height() if screen.show_nav else 0)
            hint = screen.minimumSizeHint()
            if hint.width() > panel.width() or hint.height() > room_h:
                too_big[f"{language}:{screen_id}"] = [hint.width(), hint.height()]
    print(json.dumps({"panel": [panel.width(), panel.height()], "too_big": too_big}))
    kiosk.shutdown()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
