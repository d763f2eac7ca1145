"""DiagnosticsService: GUI-thread facade over the DiagnosticsWorker (the log's tail, the diagnostics zip).

Runs on the GUI thread; the file I/O happens in the worker's thread, started on first use (the app builds this
facade whatever devices the build has: a technician can always read the log). Answers come as
signals on the GUI thread: ``tailed(text)`` and ``exported(ok, path or error)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from core.threads import ThreadOwner

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


class DiagnosticsService(QObject):
    _tail = Signal(int)
    _export = Signal(object, object)  # device states, sync status
    tailed = Signal(str)
    exported = Signal(bool, str)  # ok, path or error

    def __init__(self, config: Any, data_dir: Path, threads: ThreadOwner) -> None:
        super().__init__()
        self._config, self._data_dir, self._threads = config, Path(data_dir), threads
        self._worker: Any = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> DiagnosticsService:
        return cls(ctx.config, ctx.data_dir, ctx.threads)

    def start(self) -> None:
        from kiosk.diagnostics_worker import DiagnosticsWorker

        if self._worker is not None:
            return
        worker = DiagnosticsWorker(self._config, self._data_dir / "diagnostics")
        worker.tailed.connect(self.tailed)
        worker.exported.connect(self.exported)
        self._tail.connect(worker.tail)
        self._export.connect(worker.export)
        self._worker = worker
        self._threads.start(worker, "diagnostics")

    def tail(self, lines: int = 300) -> None:
        """The last ``lines`` lines of the kiosk's log (personal data is never logged); answered by ``tailed``."""
        self.start()
        self._tail.emit(lines)

    def export(self, devices: dict[str, str], sync: dict[str, Any] | None) -> None:
        """Write the diagnostics zip to removable media (else the data dir); answered by ``exported``."""
        self.start()
        self._export.emit(devices, sync)
