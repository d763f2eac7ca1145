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
