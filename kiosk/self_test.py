"""``kiosk --self-test``: open every screen in both languages and exit 0 if nothing failed.

Used on the frozen bundle (``make build``) and in CI, offscreen, with simulated devices.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def self_test(app, failures: list[str]) -> int:
    qapp = QApplication.instance()
    problems: list[str] = []
    for language in ("vi", "en"):
        app.set_language(language)
        for screen_id in app.navigator.ids():
            screen = app.navigator.screen(screen_id)
            app.flow.home("self-test")
            app.flow.go(screen_id, screen.sample_params())
            qapp.processEvents()
            if app.navigator.current is not screen and screen_id != "home":
                problems.append(f"{screen_id} ({language}) did not open; showing {app.flow.step}")
    app.flow.home("self-test")
    qapp.processEvents()
    problems += [f"area {area} failed to install" for area in app.install_errors]
    problems += failures
    for problem in problems:
        print(f"self-test: FAIL {problem}")
    print(f"self-test: {len(app.navigator.ids())} screens x 2 languages, {len(problems)} problems")
    return 1 if problems else 0
