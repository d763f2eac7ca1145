"""HealthService: the GUI-thread facade over one HealthWorker per health device. Runs on the GUI thread.

For a device whose config ``kind`` is "simulated" the service starts a pty simulator itself and
points the real driver at it, so the real parsing path runs in ``make run`` too. ``measure()``
feeds the device's readings into a pure session (core/health/sessions.py) and calls
``on_update(Progress)`` with live values and ``on_done(outcome)`` exactly once, on the GUI thread.
Device states go to the bus as ``device_state_changed(name, state, detail)``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QTimer, Signal, Slot

from core.health.model import DEVICE_FOR, Measure
from core.health.registry import REGISTRY_FILE
from core.health.sessions import Finished, Progress, Rejected, make_session
from devices.base import DeviceState
from devices.health.spec import DEVICE_NAMES, DeviceSpec, spec_from_settings

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MeasureFailed:
    code: str  # device_missing | timeout | cancelled


Outcome = Finished | Rejected | MeasureFailed


class _Job:
    def __init__(self, measure: Measure, device: str, session: Any, on_update: Callable, on_done: Callable,
                 timer: QTimer) -> None:
        self.measure, self.device, self.session = measure, device, session
        self.on_update, self.on_done, self.timer = on_update, on_done, timer


class HealthService(QObject):
    state_changed = Signal(str, str, str)  # device name, DeviceState value, technician detail

    def __init__(self, config: Any, threads: Any, bus: Any = None, *, sim_options: dict | None = None,
                 worker_options: dict | None = None, session_options: dict | None = None,
                 data_dir: Path | None = None) -> None:
        super().__init__()
        self._config, self._threads, self._bus = config, threads, bus
        self._settings = config.health
        self._sim_options = sim_options or {}
        self._worker_options = worker_options or {}
        self._session_options = session_options or {}
        self._workers: dict[str, Any] = {}
        self._sims: dict[str, Any] = {}
        self._specs: dict[str, DeviceSpec] = {}
        self._job: _Job | None = None
        self.states: dict[str, DeviceState] = {}
        self.details: dict[str, str] = {}
        for name in DEVICE_NAMES:
            # the hub's registry answer is kept in the data directory (core/health/registry.py)
            registry = str(Path(data_dir) / REGISTRY_FILE) if data_dir is not None else ""
            spec = spec_from_settings(name, getattr(self._settings, name), registry)
            self._specs[name] = spec
            self.states[name] = DeviceState.ABSENT if spec.kind == "none" else DeviceState.CONNECTING

    @classmethod
    def from_context(cls, ctx: AppContext) -> HealthService:
        return cls(ctx.config, ctx.threads, ctx.bus, data_dir=ctx.data_dir)

    # -- life cycle ----------------------------------------------------------------------------
    def start(self) -> None:
        from devices.health.health_worker import HealthWorker

        if self._workers or not self._settings.enabled:
            return
        for name, spec in self._specs.items():
            if spec.kind == "none":
                self._on_state(name, DeviceState.ABSENT.value, "not configured")
                continue
            try:
                if spec.kind == "simulated":
                    spec = self._start_simulator(spec)
                    self._specs[name] = spec
                worker = HealthWorker(spec, **self._worker_options)
            except Exception as exc:  # a bad protocol name or pty failure: this device is absent
                log.exception("health device %s cannot start", name)
                self._on_state(name, DeviceState.ABSENT.value, f"{type(exc).__name__}: {exc}")
                continue
            worker.state_changed.connect(self._on_state)
            worker.readings.connect(self._on_readings)
            worker.error.connect(self._on_error)
            worker.failed.connect(self._on_worker_failed)
            self._workers[name] = worker
            thread = self._threads.start(worker, f"health-{name}")
            if name in self._sims:
                # whoever stops the thread (this service or the app's ThreadOwner) also unplugs the
                # simulated device; direct call from the finishing thread, so it runs during shutdown too
                thread.finished.connect(lambda n=name: self._stop_simulator(n), Qt.ConnectionType.DirectConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def _start_simulator(self, spec: DeviceSpec) -> DeviceSpec:
        import dataclasses

        from devices.health.simulator import make_simulator

        sim = make_simulator(spec.protocol, spec.name, **self._sim_options.get(spec.name, {})).start()
        self._sims[spec.name] = sim
        return dataclasses.replace(spec, port=str(sim.link))

    def shutdown(self) -> None:
        """Stop the workers' threads and the simulators (idempotent)."""
        self.cancel()
        for worker in list(self._workers.values()):
            self._threads.stop(worker)
        self._workers.clear()
        for name in list(self._sims):
            self._stop_simulator(name)

    def _stop_simulator(self, name: str) -> None:
        sim = self._sims.pop(name, None)
        if sim is not None:
            sim.stop()

    def simulator(self, name: str) -> Any:
        """The simulator of a simulated device (tests, technician demo), or None."""
        return self._sims.get(name)

    # -- public API ----------------------------------------------------------------------------
    def available(self, measure: Measure) -> bool:
        """True if a device for ``measure`` is configured (it may still be connecting)."""
        name = DEVICE_FOR[measure]
        return self._settings.enabled and self._specs[name].kind != "none" and (
            name in self._workers or not self._workers)

    def device_spec(self, measure: Measure) -> DeviceSpec:
        return self._specs[DEVICE_FOR[measure]]

    def measure(self, measure: Measure, on_update: Callable[[Progress], None],
                on_done: Callable[[Outcome], None], timeout_s: float | None = None) -> None:
        """Start one measurement; a measurement already running is cancelled first."""
        self.cancel()
        name = DEVICE_FOR[measure]
        worker = self._workers.get(name)
        if worker is None:
            QTimer.singleShot(0, lambda: self._call(on_done, MeasureFailed("device_missing")))
            return
        options = self._session_options.get(measure.value, {})
        if measure is Measure.SPO2 and "valid_s" not in options:
            options = {**options, "valid_s": self._settings.oximeter_seconds}
        timer = QTimer(self)
        timer.setSingleShot(True)
        # a bound slot, not a lambda holding ``self``: a child's connection that owns its parent makes the
        # child's deleteLater free the parent from inside the child's destructor (a double delete, a segfault)
        timer.timeout.connect(self._on_timeout)
        timer.start(int((timeout_s or self._settings.measure_timeout_seconds) * 1000))
        self._job = _Job(measure, name, make_session(measure, **options), on_update, on_done, timer)
        log.info("health: measuring %s on %s", measure.value, name)
        QMetaObject.invokeMethod(worker, "start_measuring", Qt.ConnectionType.QueuedConnection)
        if self.states.get(name) is DeviceState.CONNECTING:
            self._call(on_update, Progress({}, "reconnecting"))  # say why nothing happens yet

    def cancel(self) -> None:
        if self._job is not None:
            self._finish(MeasureFailed("cancelled"), call=False)

    @property
    def measuring(self) -> Measure | None:
        return self._job.measure if self._job else None

    # -- worker signals (GUI thread) -----------------------------------------------------------
    @Slot(str, object)
    def _on_readings(self, name: str, batch: list) -> None:
        job = self._job
        if job is None or job.device != name:
            return  # late readings from a device we stopped: ignore
        try:
            update = job.session.feed(batch, time.monotonic())
        except Exception:  # a session bug must not take the kiosk down; the timeout still ends it
            log.exception("health session %s failed on a reading", job.measure.value)
            return
        if isinstance(update, Progress):
            self._call(job.on_update, update)
        elif update is not None:
            self._finish(update)

    @Slot(str, str, str)
    def _on_state(self, name: str, state: str, detail: str) -> None:
        self.states[name] = DeviceState(state)
        self.details[name] = detail
        self.state_changed.emit(name, state, detail)
        if self._bus is not None:
            self._bus.device_state_changed.emit(name, state, detail)
        job = self._job
        if job is not None and job.device == name and state == DeviceState.CONNECTING.value:
            self._call(job.on_update, Progress({}, "reconnecting"))

    @Slot(str, str)
    def _on_error(self, name: str, detail: str) -> None:
        log.info("health device %s: %s", name, detail)

    @Slot(str)
    def _on_worker_failed(self, detail: str) -> None:
        log.error("a health worker failed to start: %s", detail)

    @Slot()
    def _on_timeout(self) -> None:
        job = self._job
        if job is not None and job.timer is self.sender():
            self._finish(MeasureFailed("timeout"))

    # -- internals -----------------------------------------------------------------------------
    def _finish(self, outcome: Outcome, call: bool = True) -> None:
        job, self._job = self._job, None
        if job is None:
            return
        job.timer.stop()
        job.timer.deleteLater()
        worker = self._workers.get(job.device)
        if worker is not None:
            QMetaObject.invokeMethod(worker, "stop_measuring", Qt.ConnectionType.QueuedConnection)
        log.info("health: %s measurement ended: %s", job.measure.value, type(outcome).__name__)
        if call:
            self._call(job.on_done, outcome)

    @staticmethod
    def _call(callback: Callable, value: Any) -> None:
        try:
            callback(value)
        except Exception:  # the caller's bug must not break the service
            log.exception("health callback raised")
