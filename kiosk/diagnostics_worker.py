"""Reads the log and writes the diagnostics zip in its own thread (file I/O stays off the GUI thread)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot

from core.threads import Worker
from kiosk import diagnostics

log = logging.getLogger(__name__)


class DiagnosticsWorker(Worker):
    tailed = Signal(str)
    exported = Signal(bool, str)  # ok, path or error

    def __init__(self, config: Any, fallback_dir: Path) -> None:
        super().__init__()
        self._config = config
        self._fallback = fallback_dir

    @Slot(int)
    def tail(self, lines: int) -> None:
        self.tailed.emit(diagnostics.tail(diagnostics.log_dir(self._config) / "kiosk.log", lines))

    @Slot(object, object)
    def export(self, devices: dict[str, str], sync: dict[str, Any] | None) -> None:
        try:
            target = diagnostics.removable_media() or self._fallback
            path = diagnostics.export(target, self._config, devices, sync)
        except OSError as exc:
            log.error("diagnostics export failed: %s", exc)
            self.exported.emit(False, str(exc))
            return
        log.info("diagnostics exported to %s", path)
        self.exported.emit(True, str(path))
