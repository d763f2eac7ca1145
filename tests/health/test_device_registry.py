"""The ward's device registry, kiosk side: the heartbeat reports each health device's model and serial to a real
hub process, the hub's answer is kept, and readings from a device the registry does not know, or whose calibration
date (as the registry has it) has passed, carry that note — on real bytes from simulators over a pty."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMetaObject, Qt
from PySide6.QtWidgets import QLabel

from central.cli import main as hub_cli
from central.local import LocalHub
from core.health.model import Measure, device_notes
from core.health.reading import DeviceInfo
from core.health.registry import REGISTRY_FILE, load_entry, registry_entries, reported_devices, with_registry
from core.version import __version__
from core.wire import heartbeat_body
from devices.health.health_worker import HealthWorker
from devices.health.spec import spec_from_settings
from offline_queue.hub_client import HubClient
from offline_queue.sync import send_heartbeat
from tests.health.conftest import Recorder, health_config

TIMEOUT = 10000


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory):
    hub = LocalHub(tmp_path_factory.mktemp("hub")).start()
    yield hub
    hub.stop()


def station_config():
    return health_config(
        oximeter={"kind": "serial", "model": "Contec CMS50D", "serial": "SN-OX-7", "validated": True,
                  "calibration_due": "2099-12-31"},  # the station thinks it is fine; the registry knows better
        scale={"kind": "serial", "model": "Tanita WB-3000", "serial": "SN-SC-1", "validated": True,
               "calibration_due": "2099-12-31"},  # not in the registry
        blood_pressure={"kind": "simulated"}, thermometer={"kind": "none"})


def register_oximeter(hub: LocalHub) -> None:
    """The ward's technician registers the station's oximeter, calibration due long ago (`kiosk-hub device`)."""
    assert hub_cli(["device", "--db", hub.db_url.removeprefix("sqlite:///"), "--kind", "oximeter", "--model",
                    "Contec CMS50D", "--serial", "SN-OX-7", "--validation", "ISO 80601-2-61",
                    "--calibration-due", "2020-01-01"]) == 0


def test_the_heartbeat_reports_devices_and_keeps_the_registrys_answer(hub, tmp_path: Path) -> None:
    register_oximeter(hub)
    enrolled = hub.enroll()
    client = HubClient(hub.url, enrolled["token"])
    config = station_config()
    devices = reported_devices(config.health, {"printer": "ok", "oximeter": "ready", "scale": "connecting",
                                               "blood_pressure": "ready", "thermometer": "absent"})
    assert devices["oximeter"] == {"state": "ready", "model": "Contec CMS50D", "serial": "SN-OX-7", "validated": True,
                                   "calibration_due": "2099-12-31", "simulated": False}
    assert devices["blood_pressure"]["simulated"] is True and devices["thermometer"] == "absent"  # kind none
    assert reported_devices(config.health, {"printer": "ok"}) == {"printer": "ok"}  # no state: not a fault
    body = heartbeat_body(__version__, {"queued": 0}, None, None, None, devices)
    send_heartbeat(client, body, tmp_path)

    kept = json.loads((tmp_path / REGISTRY_FILE).read_text(encoding="utf-8"))["devices"]
    assert kept["oximeter"] == {"model": "Contec CMS50D", "serial": "SN-OX-7", "registered": True,
                                "calibration_due": "2020-01-01"}
    assert kept["scale"]["registered"] is False
    assert kept["blood_pressure"]["registered"] is None  # a simulator has no serial: the hub cannot say
    assert (tmp_path / REGISTRY_FILE).stat().st_mode & 0o077 == 0


def test_readings_from_the_registry_say_unregistered_or_calibration_overdue(qtbot, threads, make_sim, tmp_path,
                                                                              hub) -> None:
    config = station_config()
    register_oximeter(hub)
    enrolled = hub.enroll()
    send_heartbeat(HubClient(hub.url, enrolled["token"]),
                   heartbeat_body(__version__, {}, None, None, None,
                                  reported_devices(config.health, {"oximeter": "ready", "scale": "ready"})), tmp_path)
    registry = str(tmp_path / REGISTRY_FILE)
    results = {}
    for name, protocol, options in (("oximeter", "cms50_new", {"spo2": 97, "pulse": 66, "searching_s": 0.1}),
                                    ("scale", "tanita", {"interval_s": 0.3, "first_after_s": 0.2,
                                                         "script": [(62.5, 165.0)]})):
        sim = make_sim(protocol, name, **options)
        settings = dataclasses.replace(getattr(config.health, name), port=str(sim.link))
        worker = HealthWorker(spec_from_settings(name, settings, registry), backoff_start=0.05, backoff_max=0.2)
        rec = Recorder(worker)
        threads.start(worker, f"health-{name}")
        qtbot.waitUntil(lambda rec=rec: "ready" in rec.states, timeout=TIMEOUT)
        QMetaObject.invokeMethod(worker, "start_measuring", Qt.ConnectionType.QueuedConnection)
        qtbot.waitUntil(lambda rec=rec: rec.find(lambda r: r.device is not None) is not None, timeout=TIMEOUT)
        results[name] = rec.find(lambda r: r.device is not None).device
    ox, scale = results["oximeter"], results["scale"]
    assert ox.serial == "SN-OX-7" and ox.registered is True and ox.calibration_due == "2020-01-01"
    assert "device.calibration_overdue" in device_notes(ox) and "device.unregistered" not in device_notes(ox)
    assert scale.registered is False and "device.unregistered" in device_notes(scale)


def test_an_answer_about_another_device_or_none_at_all_changes_nothing() -> None:
    info = DeviceInfo("usb-1", name="oximeter", model="Contec CMS50D", serial="SN-2", validated=True,
                      calibration_due="2099-01-01")
    other = {"model": "Contec CMS50D", "serial": "SN-OLD", "registered": False, "calibration_due": ""}
    assert with_registry(info, other) == info  # the configuration changed since that heartbeat
    assert with_registry(info, None) == info
    assert device_notes(with_registry(info, None), dt.date(2026, 1, 1)) == ()
    assert with_registry(dataclasses.replace(info, serial=""), None).registered is False  # cannot be registered
    sim = DeviceInfo("sim-oximeter", model="Contec CMS50D")
    assert with_registry(sim, other) == sim


@pytest.mark.parametrize("answer", [None, "x", [], {"oximeter": "yes"}, {"oximeter": {"registered": "true",
                                                                                       "calibration_due": "soon"}}])
def test_a_strange_hub_answer_is_kept_as_unknown(answer, tmp_path) -> None:
    reported = {"oximeter": {"model": "M", "serial": "S"}, "printer": "ok"}
    entries = registry_entries(reported, answer)
    assert entries == {"oximeter": {"model": "M", "serial": "S", "registered": None, "calibration_due": ""}}
    (tmp_path / REGISTRY_FILE).write_text("{not json", encoding="utf-8")
    assert load_entry(tmp_path / REGISTRY_FILE, "oximeter") is None
    assert load_entry("", "oximeter") is None


def test_the_results_screen_and_slip_carry_the_registrys_calibration_date(make_app, qtbot, make_sim, hub) -> None:
    """The whole station: its sync worker's heartbeat reaches the real hub, the answer is kept, and an SpO2 reading
    from the registered oximeter whose calibration (as the registry has it) is overdue says so on screen and slip."""
    from kiosk.services.health import HealthService
    from kiosk.services.setup import build_services, start_services
    from screens.health.texts import device_note
    from tests.health.conftest import FAST_SESSIONS, FAST_WORKERS
    from tests.resident.conftest import hub_settings, wait_enrolled

    register_oximeter(hub)
    sim = make_sim("cms50_new", "oximeter", spo2=97, pulse=66, searching_s=0.1)
    health = station_config().health
    health = dataclasses.replace(health, oximeter=dataclasses.replace(health.oximeter, port=str(sim.link)),
                                 scale=dataclasses.replace(health.scale, kind="none"),
                                 blood_pressure=dataclasses.replace(health.blood_pressure, kind="none"))
    app = make_app(hub=hub_settings(hub), health={f.name: getattr(health, f.name) for f in dataclasses.fields(health)})
    ctx = app.ctx
    ctx.services.health = HealthService(ctx.config, ctx.threads, ctx.bus, session_options=FAST_SESSIONS,
                                        worker_options=FAST_WORKERS, data_dir=ctx.data_dir)
    build_services(ctx)
    start_services(ctx.services)
    wait_enrolled(qtbot, app)
    qtbot.waitUntil(lambda: load_entry(app.data_dir / REGISTRY_FILE, "oximeter") is not None, timeout=20000)
    assert load_entry(app.data_dir / REGISTRY_FILE, "oximeter")["calibration_due"] == "2020-01-01"

    qtbot.mouseClick(app.home_screen.tiles["health"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.navigator.screen("health").buttons[Measure.SPO2], Qt.MouseButton.LeftButton)
    check = app.navigator.screen("health.check")
    qtbot.mouseClick(check.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "health.results", timeout=20000)
    results = app.navigator.current
    overdue = device_note("device.calibration_overdue")
    assert overdue == "Thiết bị đã quá hạn hiệu chuẩn."
    shown = " ".join(lab.text() for lab in results.cards[Measure.SPO2].findChildren(QLabel))
    assert overdue in shown and "chưa có trong sổ thiết bị" not in shown
    qtbot.mouseClick(results.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: results._print_state in ("printed", "failed"), timeout=20000)
    receipt = app.navigator.screen("health").controller.last_receipt
    assert any(n.startswith(overdue) for n in receipt.notes), receipt.notes
