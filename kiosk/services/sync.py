"""SyncService: GUI-thread facade over the SyncWorker; re-emits its status on ``bus.sync_status_changed``.

Runs on the GUI thread. ``sync_now(on_done)`` answers with the run's report dict, or
``{"ok": False, "stop": "already_syncing"}`` when a run is going. The status dict is read from the
database by the worker (DESIGN §3.7); ``last_status`` keeps the latest copy for screens that open later.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.services.storage import Callbacks

if TYPE_CHECKING:
    from core.threads import ThreadOwner
    from kiosk.services.context import AppContext
    from kiosk.services.protocols import BusApi, FlowApi, StorageApi
    from offline_queue.sync_worker import SyncWorker


class SyncService(QObject):
    _sync_now = Signal(int)
    _enqueued = Signal()
    _devices = Signal(object)
    _reload_hub = Signal()
    _visit = Signal(bool)
    status_changed = Signal(object)
    catalogue_pulled = Signal(object)  # see SyncWorker.catalogue_pulled (kiosk.services.catalogue listens)

    def __init__(self, config: Any, data_dir: Path, threads: ThreadOwner, bus: BusApi | None = None,
                 storage: StorageApi | None = None, hub_url: str | None = None, flow: FlowApi | None = None) -> None:
        super().__init__()
        self._config, self._data_dir, self._threads, self._bus = config, Path(data_dir), threads, bus
        self._storage, self._hub_url, self._flow = storage, hub_url, flow
        self._visit_active: bool | None = None
        self._device_states: dict[str, str] = {}
        self._calls = Callbacks()
        self.last_status: dict[str, Any] | None = None
        self.worker: SyncWorker | None = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> SyncService:
        return cls(ctx.config, ctx.data_dir, ctx.threads, ctx.bus, storage=ctx.services.storage, flow=ctx.flow)

    def start(self) -> None:
        from offline_queue.sync_worker import SyncWorker

        self.worker = worker = SyncWorker(self._config, self._data_dir, self._hub_url)
        self._sync_now.connect(worker.sync_now)
        self._enqueued.connect(worker.notify_enqueued)
        self._devices.connect(worker.set_devices)
        self._reload_hub.connect(worker.reload_hub)
        self._visit.connect(worker.set_visit)
        if self._flow is not None:
            # `kiosk update` installs only between visits: the worker records whether one is on screen
            self._flow.step_changed.connect(self._on_step)
        if self._bus is not None:
            self._bus.device_state_changed.connect(self._on_device)
        worker.status_changed.connect(self._on_status)
        worker.run_finished.connect(self._on_finished)
        worker.already_syncing.connect(self._on_busy)
        worker.catalogue_pulled.connect(self.catalogue_pulled)
        if self._storage is not None:
            self._storage.enqueued.connect(self._on_enqueued)
        self._threads.start(worker, "sync")

    def sync_now(self, on_done: Callable[[dict[str, Any]], None] | None = None) -> int:
        request_id = self._calls.add(on_done)
        self._sync_now.emit(request_id)
        return request_id

    def reload_hub(self) -> None:
        """After a technician enrolled the kiosk: sync with the new hub URL and token."""
        self._reload_hub.emit()

    def notify_enqueued(self) -> None:
        self._enqueued.emit()

    @Slot(str, str)
    def _on_enqueued(self, _uuid: str, _local_ref: str) -> None:
        self._enqueued.emit()

    @Slot(str, str, str)
    def _on_device(self, name: str, state: str, detail: str) -> None:
        # The heartbeat tells the hub's dashboard and its metrics; paper conditions are what an operator acts on.
        self._device_states[name] = detail if detail in ("paper_low", "paper_out") else state
        self._devices.emit(dict(self._device_states))

    @Slot(str)
    def _on_step(self, step: str) -> None:
        active = step != "home"
        if active != self._visit_active:
            self._visit_active = active
            self._visit.emit(active)

    @Slot(object)
    def _on_status(self, status: dict[str, Any]) -> None:
        self.last_status = status
        self.status_changed.emit(status)
        if self._bus is not None:
            self._bus.sync_status_changed.emit(status)

    @Slot(int, object)
    def _on_finished(self, request_id: int, report: dict[str, Any]) -> None:
        if request_id:
            self._calls.resolve(request_id, report)

    @Slot(int)
    def _on_busy(self, request_id: int) -> None:
        self._calls.resolve(request_id, {"ok": False, "stop": "already_syncing", "error": "already syncing"})
