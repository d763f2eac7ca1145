"""``kiosk --screenshots DIR`` (``make screenshots``): a PNG of every screen, per language, in normal and large text.

Runs under Xvfb with the real window, so fonts and sizes are what a resident sees. :func:`visit_every_screen`
is also how tests/shell/test_layout_fit.py reaches every screen; the layout problems it finds
(kiosk.layout_fit) are written beside the PNGs in ``layout-problems.txt``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.layout_fit import layout_problems

log = logging.getLogger(__name__)


def _settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.instance().processEvents()


@contextmanager
def _presentation(app, language: str, large_text: bool) -> Iterator[None]:
    """Keep ``language`` and text size across the visits' ends (each one would restore the station's defaults,
    and restyling every widget per screen would take minutes)."""
    app.set_language(language)
    app.set_large_text(large_text)
    app._apply_visit_defaults = lambda: None
    try:
        yield
    finally:
        del app._apply_visit_defaults  # the class's own method again
        app.set_large_text(False)


def visit_every_screen(app, language: str, large_text: bool = False, settle_ms: int = 150) -> Iterator[str]:
    """Show each screen with its sample content, settled; yields its id while it is on screen."""
    with _presentation(app, language, large_text):
        for screen_id in app.navigator.ids():
            screen = app.navigator.screen(screen_id)
            app.flow.home("screenshots")
            app.flow.go(screen_id, screen.sample_params())
            _settle(settle_ms)
            yield screen_id


def take_screenshots(app, out_dir: Path) -> int:
    count = 0
    report: list[str] = []
    for language in ("vi", "en"):
        for large_text in (False, True):
            target = out_dir / language / ("large-text" if large_text else "")
            target.mkdir(parents=True, exist_ok=True)
            for screen_id in visit_every_screen(app, language, large_text):
                app.window.grab().save(str(target / f"{screen_id}.png"))
                report += [f"{target.relative_to(out_dir)}/{screen_id}: {p}"
                           for p in layout_problems(app.window, app.navigator.current)]
                count += 1
        target = out_dir / language
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
        count += 2
    (out_dir / "layout-problems.txt").write_text("".join(f"{line}\n" for line in report), encoding="utf-8")
    print(f"{count} screenshots written to {out_dir}; {len(report)} layout problems listed in layout-problems.txt")
    return 0
