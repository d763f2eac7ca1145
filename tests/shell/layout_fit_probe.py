"""Run in a fresh process (the offscreen screen size is fixed per process): build the whole app on the panel given
by QT_QPA_PLATFORM, show every screen with its sample content in both languages, in normal and large text, and
print JSON: the panel size and every layout problem (kiosk.layout_fit) per ``language[+large]:screen``."""

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
    # The camera shows a plain frame: the built-in demo codes cycle with the clock, and a screen that scans ID cards
    # would otherwise open the next step now and then (which depended on how long the screens before it took).
    import cv2
    import numpy as np

    frames = Path(tempfile.mkdtemp()) / "demo"  # the technician's device list shows the source's name
    frames.mkdir()
    cv2.imwrite(str(frames / "plain.png"), np.full((config.camera.height, config.camera.width, 3), 200, np.uint8))
    config = dataclasses.replace(config, camera=dataclasses.replace(config.camera, simulated_source=str(frames)))
    kiosk = KioskApp(config, Path(tempfile.mkdtemp()))
    build_services(kiosk.ctx)
    start_services(kiosk.ctx.services)
    kiosk.start()
    kiosk.window.show_kiosk()
    try:
        report = _probe(kiosk, set(sys.argv[1:]))
    finally:
        kiosk.shutdown()
    print(json.dumps(report, ensure_ascii=False))
    app.processEvents()
    sys.stdout.flush()


def _probe(kiosk, only: set[str]) -> dict:
    from kiosk.layout_fit import layout_problems
    from kiosk.screenshots import visit_every_screen

    panel = kiosk.window.screen().geometry()
    problems: dict[str, list[str]] = {}
    visited = 0
    for language in ("vi", "en"):
        for large in (False, True):
            for screen_id in visit_every_screen(kiosk, language, large, settle_ms=30):
                if only and screen_id not in only:
                    continue
                visited += 1
                found = layout_problems(kiosk.window, kiosk.navigator.current)
                if found:
                    problems[f"{language}{'+large' if large else ''}:{screen_id}"] = found
    return {"panel": [panel.width(), panel.height()], "visited": visited, "problems": problems}


if __name__ == "__main__":
    main()
