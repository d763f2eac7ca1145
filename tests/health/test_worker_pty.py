"""HealthWorker in a real thread against simulators speaking real bytes over a pty."""

from __future__ import annotations

import os

from PySide6.QtCore import QMetaObject, Qt

from devices.health.health_worker import HealthWorker
from devices.health.spec import DeviceSpec
from tests.health.conftest import Recorder

TIMEOUT = 10000  # a ceiling for a loaded CI box; waits end as soon as the condition holds


def _worker(threads, sim, protocol: str, name: str = "oximeter") -> tuple[HealthWorker, Recorder]:
    spec = DeviceSpec(name=name, protocol=protocol, port=str(sim.link), kind="serial", model="Contec CMS50E",
                      firmware="4.6", validated=True)
    worker = HealthWorker(spec, backoff_start=0.05, backoff_max=0.2)
    rec = Recorder(worker)
    threads.start(worker, f"health-{name}")
    return worker, rec


def _call(worker, slot: str) -> None:
    QMetaObject.invokeMethod(worker, slot, Qt.ConnectionType.QueuedConnection)


def _wait_reading(qtbot, rec, pred):
    qtbot.waitUntil(lambda: rec.find(pred) is not None, timeout=TIMEOUT)
    return rec.find(pred)


def _wait_state(qtbot, rec, state: str, after: int = 0):
    qtbot.waitUntil(lambda: state in rec.states[after:], timeout=TIMEOUT)


def test_measure_unplug_reconnect_and_resume(qtbot, threads, make_sim):
    sim = make_sim("cms50_new", spo2=97, pulse=66, searching_s=0.1)
    worker, rec = _worker(threads, sim, "cms50_new")
    _wait_state(qtbot, rec, "ready")
    _call(worker, "start_measuring")
    r = _wait_reading(qtbot, rec, lambda r: r.values["spo2"] is not None)
    assert (r.values["spo2"], r.values["pulse"]) == (97, 66)
    assert (r.device.device_id, r.device.model, r.device.firmware, r.device.validated) == (
        str(sim.link), "Contec CMS50E", "4.6", True)
    assert b"\x7d\x81\xa1" in sim.received  # the start command really went over the wire

    mark = len(rec.states)
    sim.unplug()  # mid-measurement
    _wait_state(qtbot, rec, "connecting", mark)
    sim.received.clear()
    rec.readings.clear()
    sim.plug()  # a new pty (new /dev/pts/N) behind the same stable link
    _wait_state(qtbot, rec, "busy", mark)
    r = _wait_reading(qtbot, rec, lambda r: r.values["spo2"] is not None)
    assert r.values["spo2"] == 97
    assert b"\x7d\x81\xa1" in sim.received  # measuring resumed by itself after the replug


def test_garbage_bytes_are_skipped_and_reported(qtbot, threads, make_sim):
    sim = make_sim("cms50_old", searching_s=0.0)
    worker, rec = _worker(threads, sim, "cms50_old")
    _wait_state(qtbot, rec, "ready")
    _call(worker, "start_measuring")
    _wait_reading(qtbot, rec, lambda r: r.values["spo2"] is not None)
    sim.inject(os.urandom(300) + b"\x80\x80\x80\x80\x80\x80")
    qtbot.waitUntil(lambda: bool(rec.errors), timeout=TIMEOUT)
    rec.readings.clear()
    _wait_reading(qtbot, rec, lambda r: r.values["spo2"] == 98)  # the stream goes on
    assert rec.states[-1] == "busy"


def test_device_missing_at_start_is_found_when_plugged(qtbot, threads, make_sim):
    sim = make_sim("mlx90614", settle_s=0.0)
    sim.unplug()
    worker, rec = _worker(threads, sim, "mlx90614", name="thermometer")
    _wait_state(qtbot, rec, "connecting")
    _call(worker, "start_measuring")
    sim.plug()
    r = _wait_reading(qtbot, rec, lambda r: r.values["object_c"] > 36)
    assert r.values["object_c"] == 36.6


def test_visomat_poll_brings_new_records(qtbot, threads, make_sim):
    sim = make_sim("visomat", script=[(131, 85, 77)], measure_s=0.3)
    worker, rec = _worker(threads, sim, "visomat", name="blood_pressure")
    _wait_state(qtbot, rec, "ready")
    _call(worker, "start_measuring")
    r = _wait_reading(qtbot, rec, lambda r: r.values.get("systolic") == 131)
    assert (r.values["diastolic"], r.values["pulse"]) == (85, 77)
    mark = len(rec.states)
    _call(worker, "stop_measuring")
    _wait_state(qtbot, rec, "ready", mark)


def test_a_replayed_capture_goes_through_the_real_driver(qtbot, threads, make_sim, sample_data):
    capture = sample_data / "devices" / "cms50e_live_capture.hex"
    sim = make_sim("cms50_new", replay=str(capture), bytes_per_s=20000, loop=True)
    worker, rec = _worker(threads, sim, "cms50_new")
    _call(worker, "start_measuring")
    qtbot.waitUntil(lambda: len(rec.readings) >= 102, timeout=TIMEOUT)
    assert {(r.values["spo2"], r.values["pulse"]) for r in rec.readings} == {(99, 60)}
