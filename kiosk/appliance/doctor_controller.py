"""Wires the technician "Station check" screen to the DoctorWorker. GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from core.logging_setup import audit

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


class _Requests(QObject):
    run = Signal(object)  # device states


class DoctorController:
    def __init__(self, ctx: AppContext, screen: Any, device_states: dict[str, str]) -> None:
        from kiosk.appliance.doctor_worker import DoctorWorker

        self._states = device_states
        self.worker = DoctorWorker(ctx.config, ctx.data_dir)
        self._requests = _Requests()
        self._requests.run.connect(self.worker.run_checks)
        self.worker.finished_checks.connect(screen.show_report)
        screen.run_requested.connect(self.run)
        ctx.threads.start(self.worker, "doctor")

    def run(self) -> None:
        audit("station_check")
        self._requests.run.emit(dict(self._states))
