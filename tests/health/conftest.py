"""Fixtures for the health tests: simulators on real ptys and workers in real threads."""

from __future__ import annotations

import pytest

from devices.health.simulator import PtySimulator, make_simulator


@pytest.fixture
def make_sim(tmp_path):
    """make_sim(protocol, **behaviour options) -> a started PtySimulator; all stopped at the end."""
    sims: list[PtySimulator] = []

    def factory(protocol: str, name: str = "dev", **options) -> PtySimulator:
        sim = make_simulator(protocol, name, link=tmp_path / f"by-id-{name}", **options).start()
        sims.append(sim)
        return sim

    yield factory
    for sim in sims:
        sim.stop()


@pytest.fixture
def threads(qapp):
    from kiosk.threads import ThreadOwner

    owner = ThreadOwner()
    yield owner
    assert owner.shutdown()


class Recorder:
    """Collects a worker's signals on the GUI thread (a QObject receiver makes them queued: pytest-qt's
    waitSignal would run its callback in the worker thread)."""

    def __init__(self, worker) -> None:
        from PySide6.QtCore import QObject, Slot

        rec = self
        self.states: list[str] = []
        self.readings: list = []
        self.errors: list[str] = []

        class _Receiver(QObject):
            @Slot(str, str, str)
            def on_state(self, name, state, detail):
                rec.states.append(state)

            @Slot(str, object)
            def on_readings(self, name, batch):
                rec.readings.extend(batch)

            @Slot(str, str)
            def on_error(self, name, detail):
                rec.errors.append(detail)

        self._receiver = _Receiver()
        worker.state_changed.connect(self._receiver.on_state)
        worker.readings.connect(self._receiver.on_readings)
        worker.error.connect(self._receiver.on_error)

    def find(self, pred):
        return next((r for r in self.readings if pred(r)), None)


# fast simulators and sessions for service/journey tests (the real timings suit a person, not a test)
FAST_SIMS = {
    "oximeter": {"searching_s": 0.1, "spo2": 97, "pulse": 68},
    "blood_pressure": {"measure_s": 0.3, "script": [(128, 82, 70), (124, 80, 72)]},
    "scale": {"interval_s": 0.3, "first_after_s": 0.2, "script": [(62.5, 165.0)]},
    "thermometer": {"settle_s": 0.2, "rate": 20},
}
FAST_SESSIONS = {"spo2": {"valid_s": 0.5}}
FAST_WORKERS = {"backoff_start": 0.05, "backoff_max": 0.2, "poll_interval": 0.2}


def health_config(**health):
    """The default config (every device simulated) with [health] fields replaced."""
    import dataclasses

    from kiosk.config import default_config

    config = default_config()
    devices = {k: v for k, v in health.items() if isinstance(v, dict)}
    plain = {k: v for k, v in health.items() if not isinstance(v, dict)}
    h = config.health
    for name, fields in devices.items():
        plain[name] = dataclasses.replace(getattr(h, name), **fields)
    defaults = {"bp_rest_seconds": 0, "bp_between_seconds": 0}
    return dataclasses.replace(config, health=dataclasses.replace(h, **{**defaults, **plain}))


@pytest.fixture
def make_service(threads):
    services = []

    def factory(config=None, **kwargs):
        from kiosk.services.health import HealthService

        kwargs.setdefault("sim_options", FAST_SIMS)
        kwargs.setdefault("session_options", FAST_SESSIONS)
        kwargs.setdefault("worker_options", FAST_WORKERS)
        service = HealthService(config or health_config(), threads, **kwargs)
        services.append(service)
        service.start()
        return service

    yield factory
    for s in services:
        s.shutdown()
