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



class Recorder:
    """A worker's states, readings and errors, collected on the GUI thread through a relay (tests/qt_relay.py):
    a plain callable connected to the worker itself would run in the worker's thread."""

    def __init__(self, worker) -> None:
        from tests.qt_relay import relay_of

        self.states: list[str] = []
        self.readings: list = []
        self.errors: list[str] = []
        self._relay = relay_of(worker, "state_changed", "readings", "error")
        self._relay.state_changed.connect(lambda _name, state, _detail: self.states.append(state))
        self._relay.readings.connect(lambda _name, batch: self.readings.extend(batch))
        self._relay.error.connect(lambda _name, detail: self.errors.append(detail))

    def find(self, pred):
        return next((r for r in self.readings if pred(r)), None)


# fast simulators and sessions for service/journey tests (the real timings suit a person, not a test)
FAST_SIMS = {
    "oximeter": {"searching_s": 0.1, "spo2": 97, "pulse": 68},
    # A, then B several times: on a slow machine the monitor adds a record or two between the readings (polls go on
    # until "stop" arrives; the next reading's first poll comes > measure_s later), which join the "before" memory.
    # The 2nd reading is then still B (not A again), so the average the journey test expects does not depend on load.
    "blood_pressure": {"measure_s": 0.3, "script": [(128, 82, 70)] + [(124, 80, 72)] * 4},
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
