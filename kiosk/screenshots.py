"""``kiosk --screenshots DIR`` (``make screenshots``): a PNG of every screen, per language.

Runs under Xvfb with the real window, so fonts and sizes are what a resident sees.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def _settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.instance().processEvents()


def take_screenshots(app, out_dir: Path) -> int:
    count = 0
    for language in ("vi", "en"):
        target = out_dir / language
        target.mkdir(parents=True, exist_ok=True)
        app.set_language(language)
        for screen_id in app.navigator.ids():
            screen = app.navigator.screen(screen_id)
            app.flow.home("screenshots")
            app.set_language(language)
            app.flow.go(screen_id, screen.sample_params())
            _settle()
            app.window.grab().save(str(target / f"{screen_id}.png"))
            count += 1
        app.flow.home("screenshots")
        app.set_language(language)
        app.window.help_overlay.open()
        _settle()
        app.window.grab().save(str(target / "overlay.help.png"))
        app.window.help_overlay.hide()
        app.flow.go(app.navigator.ids()[1] if len(app.navigator.ids()) > 1 else "home")
        app.window.idle_overlay.set_seconds(27)
        _settle()
        app.window.grab().save(str(target / "overlay.idle.png"))
        app.window.idle_overlay.set_seconds(0)
        app.set_large_text(True)
        app.flow.home("screenshots")
        app.set_language(language)
        app.set_large_text(True)
        _settle()
        app.window.grab().save(str(target / "home.large-text.png"))
        app.set_large_text(False)
        count += 3
    print(f"{count} screenshots written to {out_dir}")
    return 0
