"""`kiosk doctor` against the device simulators, a real hub, and a really full disk."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devices.health.simulator import make_simulator
from kiosk.appliance.doctor import Context, check_disk_and_queue, run_checks
from kiosk.config import KioskConfig
from tests.appliance.fake_sysfs import plug
from tests.appliance.units import can_unshare
from tests.queue.conftest import enrolled

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def oximeter(tmp_path):
    sim = make_simulator("cms50_new", "oximeter", link=tmp_path / "dev-tram-oximeter", searching_s=0.1).start()
    yield sim
    sim.stop()


def station(data_dir: Path, hub_url: str, oximeter_port: str, thermometer_port: str) -> KioskConfig:
    cfg = KioskConfig()
    none = dataclasses.replace(cfg.health.scale, kind="none")
    health = dataclasses.replace(
        cfg.health, oximeter=dataclasses.replace(cfg.health.oximeter, kind="serial", port=oximeter_port),
        thermometer=dataclasses.replace(cfg.health.thermometer, kind="serial", port=thermometer_port),
        blood_pressure=dataclasses.replace(cfg.health.blood_pressure, kind="none"), scale=none)
    return dataclasses.replace(
        cfg, data_dir=str(data_dir), health=health,
        station=dataclasses.replace(cfg.station, code="HB07", name="Trạm Phường Hàng Bài"),
        security=dataclasses.replace(cfg.security, technician_pin_hash="scrypt$16384$8$1$00$11"),
        hub=dataclasses.replace(cfg.hub, url=hub_url, local_hub=False, enrolment_code="DEMO-0000",
                                connect_timeout_seconds=1.0, read_timeout_seconds=3.0),
        camera=dataclasses.replace(cfg.camera, kind="none"), printer=dataclasses.replace(cfg.printer, kind="none"))


def by_name(results):
    return {c.name: c for c in results}


def test_missing_device_is_named_with_the_fix_and_the_present_one_answers(hub, data_dir, oximeter, tmp_path):
    config = station(data_dir, hub.url, str(oximeter.link), str(tmp_path / "dev-tram-thermometer"))
    enrolled(config, data_dir, hub.url)
    sysfs = tmp_path / "sys"
    plug(sysfs, "ttyUSB0", "10c4", "ea60", serial="0001")
    results = by_name(run_checks(Context(config, data_dir, sysfs, listen_seconds=2.0)))
    assert results["device oximeter"].ok, results["device oximeter"]
    assert "answering" in results["device oximeter"].detail
    thermo = results["device thermometer"]
    assert not thermo.ok and thermo.detail.startswith("missing")
    assert "kiosk devices write-rule PORT thermometer" in thermo.fix and "ttyUSB0 10c4:ea60 CP210x" in thermo.fix
    assert results["device scale"].skipped
    assert results["hub"].ok and results["enrolment"].ok and results["clock"].ok
    assert results["disk"].ok and results["queue"].ok
    assert results["technician PIN"].ok and results["station"].ok
    assert results["catalogue"].ok and results["font DejaVuSans.ttf"].ok


def test_an_unplugged_device_mid_life_and_a_silent_one(data_dir, oximeter, tmp_path):
    config = station(data_dir, "", str(oximeter.link), str(tmp_path / "none"))
    oximeter.unplug()
    results = by_name(run_checks(Context(config, data_dir, tmp_path / "sys", listen_seconds=0.5)))
    assert not results["device oximeter"].ok
    assert not results["hub"].ok and "hub" in results["hub"].fix


def test_full_disk_from_statvfs(data_dir):
    config = station(data_dir, "", "", "")
    real = os.statvfs(str(data_dir))

    class Full:
        f_frsize, f_blocks, f_bavail = 4096, real.f_blocks, 10  # 40 KiB left

    results = by_name(check_disk_and_queue(Context(config, data_dir, statvfs=lambda _p: Full())))
    assert not results["disk"].ok and "MiB free" in results["disk"].detail and results["disk"].fix


def test_default_config_is_reported_as_not_set_up(data_dir):
    config = dataclasses.replace(KioskConfig(), data_dir=str(data_dir))
    results = by_name(run_checks(Context(config, data_dir, listen_seconds=0.1)))
    assert not results["technician PIN"].ok and "hash-pin" in results["technician PIN"].fix
    assert not results["station"].ok and not results["hub address"].ok
    assert not results["device oximeter"].ok and results["device oximeter"].detail == "simulated"


@pytest.mark.skipif(not can_unshare(), reason="needs root to mount a tiny tmpfs in a private mount namespace")
def test_cli_on_a_really_full_disk_says_so_in_json_and_fails(tmp_path, oximeter):
    """The data folder on a 1 MiB tmpfs filled to the brim (mounted in a private namespace only)."""
    data = tmp_path / "data"
    data.mkdir()
    toml = tmp_path / "kiosk.toml"
    toml.write_text(f'data_dir = "{data}"\n[station]\ncode = "HB07"\n[hub]\nlocal_hub = false\n'
                    f'[health.oximeter]\nkind = "serial"\nport = "{oximeter.link}"\n'
                    f'[health.thermometer]\nkind = "serial"\nport = "{tmp_path / "absent"}"\n', encoding="utf-8")
    script = ('mount -t tmpfs -o size=1m tmpfs "$0" && (dd if=/dev/zero of="$0/fill" bs=64k 2>/dev/null || true) '
              '&& exec "$1" -m kiosk --config "$2" doctor --json')
    done = subprocess.run(["unshare", "-m", "sh", "-c", script, str(data), sys.executable, str(toml)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr[-2000:]
    doc = json.loads(done.stdout)
    checks = {c["name"]: c for c in doc["checks"]}
    assert doc["ok"] is False
    assert not checks["disk"]["ok"] and checks["disk"]["detail"].startswith("only 0 MiB free")
    assert not checks["device thermometer"]["ok"] and checks["device thermometer"]["detail"].startswith("missing")
    assert checks["device oximeter"]["ok"]
    assert not data.joinpath("fill").exists(), "the tmpfs was private to the namespace"


def test_cli_reports_an_invalid_config_as_a_finding(tmp_path):
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[station]\nidle_seconds = 2\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(bad), "doctor"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith("✗ config:") and "idle_seconds" in done.stdout and "→" in done.stdout
