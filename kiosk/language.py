"""Switches the UI language with Qt translators; Qt then sends LanguageChange to every widget.

Runs on the GUI thread. English is the source language; Vietnamese comes from the .qm files.
The language is a property of the whole QApplication, so the installed translators are kept
module-wide: switching always removes every translator this module installed, whoever did.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from core.paths import asset

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []


def _remove_all() -> None:
    app = QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())


class LanguageManager:
    def __init__(self) -> None:
        self.language = "en"

    def uninstall(self) -> None:
        """Remove the translators (the app is shutting down)."""
        _remove_all()
        self.language = "en"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            log.warning("unknown language %r; keeping %s", language, self.language)
            return
        if language == self.language and (_installed or language == "en"):
            return
        app = QCoreApplication.instance()
        _remove_all()
        if language != "en":
            files = sorted(asset("i18n").glob(f"*_{language}.qm"))
            if not files:
                log.error("no %s translations found under %s (run `make i18n`)", language, asset("i18n"))
            for path in files:
                translator = QTranslator()
                if translator.load(str(path)):
                    app.installTranslator(translator)
                    _installed.append(translator)
                else:
                    log.error("cannot load translation %s", path.name)
        self.language = language
        # Deliver the LanguageChange events now, so no screen shows the old language for a frame.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        log.info("language -> %s", language)
