"""Switches the UI language with Qt translators; Qt then sends LanguageChange to every widget.

Runs on the GUI thread. English is the source language; Vietnamese comes from the .qm files.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from kiosk.paths import asset

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")


class LanguageManager:
    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []

    def uninstall(self) -> None:
        """Remove this manager's translators (the app is shutting down)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        self.language = "en"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            log.warning("unknown language %r; keeping %s", language, self.language)
            return
        if language == self.language and (self._translators or language == "en"):
            return
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        if language != "en":
            files = sorted(asset("i18n").glob(f"*_{language}.qm"))
            if not files:
                log.error("no %s translations found under %s (run `make i18n`)", language, asset("i18n"))
            for path in files:
                translator = QTranslator()
                if translator.load(str(path)):
                    app.installTranslator(translator)
                    self._translators.append(translator)
                else:
                    log.error("cannot load translation %s", path.name)
        self.language = language
        # Deliver the LanguageChange events now, so no screen shows the old language for a frame.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        log.info("language -> %s", language)
