"""HealthService with the simulators it starts itself: the real drivers parse real bytes over ptys."""

from __future__ import annotations

import pytest

from core.health.model import Measure
from core.health.sessions import Finished, Progress
from kiosk.services.health import MeasureFailed
from tests.health.conftest import health_config


def _measure(qtbot, service, measure, timeout_s=None):
    updates, done = [], []
    service.measure(measure, updates.append, done.append, timeout_s=timeout_s)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    return done[0], updates


@pytest.mark.parametrize("measure,values", [
    (Measure.SPO2, {"spo2": 97, "pulse": 68}),
    (Measure.BLOOD_PRESSURE, {"systolic": 128, "diastolic": 82, "pulse": 70}),
    (Measure.BODY, {"weight_kg": 62.5, "height_cm": 165.0, "bmi": 23.0}),
    (Measure.TEMPERATURE, {"celsius": 36.6}),
])
def test_each_simulated_device_gives_its_measurement(qtbot, make_service, measure, values):
    service = make_service()
    outcome, updates = _measure(qtbot, service, measure)
    assert isinstance(outcome, Finished), outcome
    assert outcome.measurement.values == values
    device = outcome.measurement.device
    assert device.device_id.startswith("sim-") and device.model  # id and model travel with the value
    assert all(isinstance(u, Progress) for u in updates)


def test_live_pleth_reaches_the_gui(qtbot, make_service):
    service = make_service()
    _, updates = _measure(qtbot, service, Measure.SPO2)
    assert any(u.pleth for u in updates) and any(u.values.get("spo2") == 97 for u in updates)


def test_missing_device_and_timeout(qtbot, make_service):
    service = make_service(health_config(thermometer={"kind": "none"}))
    assert not service.available(Measure.TEMPERATURE)
    outcome, _ = _measure(qtbot, service, Measure.TEMPERATURE)
    assert outcome == MeasureFailed("device_missing")
    service.simulator("scale").unplug()
    outcome, _ = _measure(qtbot, service, Measure.BODY, timeout_s=0.5)
    assert outcome == MeasureFailed("timeout")
    # the worker notices the pulled cable on its next read; on a loaded box that may come after the 0.5 s
    qtbot.waitUntil(lambda: service.states["scale"].value == "connecting", timeout=10000)


def test_stopping_the_threads_also_unplugs_the_simulators(qtbot, threads):
    from kiosk.services.health import HealthService
    from tests.health.conftest import FAST_SIMS, health_config

    service = HealthService(health_config(), threads, sim_options=FAST_SIMS)
    service.start()
    sims = [service.simulator(n) for n in ("oximeter", "blood_pressure", "scale", "thermometer")]
    assert all(s.plugged for s in sims)
    assert threads.shutdown()  # the app's ThreadOwner, not the service, stops the workers
    qtbot.waitUntil(lambda: not any(s.plugged for s in sims), timeout=10000)
    assert service.simulator("oximeter") is None
