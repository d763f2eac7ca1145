"""The shipped systemd units, udev rules and Weston session files (deploy/): verified offline."""

from __future__ import annotations

import configparser
import re
import shutil
from pathlib import Path

import pytest

from kiosk.appliance.usb import KNOWN_ADAPTERS, standard_rules
from tests.appliance.units import analyze, can_unshare

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("tram-kiosk*"))


def unit(name: str) -> dict[str, list[str]]:
    """Key -> every value of a unit file (keys repeat, e.g. DeviceAllow=)."""
    out: dict[str, list[str]] = {}
    for line in (DEPLOY / "systemd" / name).read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            out.setdefault(key.strip(), []).append(value.strip())
    return out


@pytest.fixture(scope="module")
def fake_opt(tmp_path_factory) -> Path:
    """An /opt/tram-kiosk with executables where the units expect them."""
    opt = tmp_path_factory.mktemp("opt")
    for rel in ("tram-kiosk/kiosk", "tram-kiosk/bin/kiosk-session", "tram-kiosk/bin/kiosk-repair-screen"):
        (opt / rel).parent.mkdir(parents=True, exist_ok=True)
        (opt / rel).write_text("#!/bin/sh\nexit 0\n")
        (opt / rel).chmod(0o755)
    return opt


needs_analyze = pytest.mark.skipif(not shutil.which("systemd-analyze") or not can_unshare(),
                                   reason="needs systemd-analyze and root (unshare -m) to verify with /opt mounted")


@needs_analyze
@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_systemd_analyze_verify_is_clean(fake_opt, path):
    done = analyze(fake_opt, path.parent, "verify", "--man=no", f"./{path.name}")
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


@needs_analyze
@pytest.mark.parametrize(("name", "limit"), [("tram-kiosk.service", 4.0), ("tram-kiosk-sync.service", 2.0),
                                              ("tram-kiosk-repair.service", 4.0)])
def test_security_exposure_stays_as_documented(fake_opt, name, limit):
    done = analyze(fake_opt, DEPLOY / "systemd", "security", "--offline=true", "--no-pager", f"./{name}")
    found = re.search(r"Overall exposure level for \S+: ([0-9.]+)", done.stdout)
    assert found, done.stdout + done.stderr
    assert float(found[1]) <= limit
    assert f"{name}" in (ROOT / "docs/install.md").read_text(encoding="utf-8")


def test_the_session_is_a_watched_notify_service_as_the_kiosk_user():
    u = unit("tram-kiosk.service")
    assert u["Type"] == ["notify"] and u["NotifyAccess"] == ["all"]
    assert int(u["WatchdogSec"][0]) >= 10
    assert u["User"] == ["tram"] and u["Restart"] == ["always"]
    assert u["OnFailure"] == ["tram-kiosk-repair.service"] and int(u["StartLimitBurst"][0]) >= 3
    start = u["ExecStart"][0]
    assert "--backend=drm-backend.so" in start and "--config=/etc/tram-kiosk/weston.ini" in start
    for key, value in [("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("PrivateTmp", "yes"),
                       ("ReadWritePaths", "/var/lib/tram-kiosk"), ("DevicePolicy", "closed")]:
        assert u[key] == [value], key
    sync = unit("tram-kiosk-sync.service")
    assert sync["Type"] == ["notify"] and sync["ExecStart"] == ["/opt/tram-kiosk/kiosk sync-service"]
    assert sync["ReadWritePaths"] == ["/var/lib/tram-kiosk"] and sync["PrivateDevices"] == ["yes"]


def test_weston_session_is_a_locked_kiosk():
    ini = configparser.ConfigParser()
    ini.read(DEPLOY / "weston/weston.ini")
    assert ini["core"]["shell"] == "kiosk-shell.so"
    assert ini["core"]["idle-time"] == "0"  # no screen blanking
    assert ini["keyboard"]["vt-switching"] == "false"
    assert ini["autolaunch"]["path"] == "/opt/tram-kiosk/bin/kiosk-session"
    assert ini["autolaunch"]["watch"] == "true"  # the app exits -> the session ends -> systemd restarts it
    repair = configparser.ConfigParser()
    repair.read(DEPLOY / "weston/weston-repair.ini")
    assert repair["autolaunch"]["path"] == "/opt/tram-kiosk/bin/kiosk-repair-screen"
    assert "unset WATCHDOG_PID" in (DEPLOY / "weston/kiosk-session").read_text()


def test_shipped_udev_rules_are_the_generated_ones():
    shipped = (DEPLOY / "udev/70-tram-kiosk.rules").read_text(encoding="utf-8")
    assert shipped == standard_rules()
    for adapter in KNOWN_ADAPTERS:
        assert f'ATTRS{{idVendor}}=="{adapter.vid}", ATTRS{{idProduct}}=="{adapter.pid}"' in shipped
        assert f'SYMLINK+="tram/{adapter.role}"' in shipped
    for line in shipped.splitlines():
        if line and not line.startswith("#"):
            # every clause is KEY=="v", KEY="v" or KEY+="v": a typo would make udev skip the line
            clause = r'[A-Z_]+(\{[A-Za-z0-9_]+\})?(==|\+?=)"[^"]*"'
            assert re.fullmatch(f"{clause}(, {clause})*", line), line
