"""deploy/hub systemd units: `systemd-analyze verify` accepts them, they keep their hardening, and the hub tells
systemd it is ready (Type=notify) from a real process, with one worker and with several."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from central.local import LocalHub

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "hub"
UNITS = ("kiosk-hub.service", "kiosk-hub-backup.service", "kiosk-hub-backup.timer")
HARDENING = ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "ProtectHome=yes",
             "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "RestrictAddressFamilies=")


def test_systemd_analyze_verifies_the_units(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze not found: `make test` installs Debian's systemd package")
    venv_cli = str(Path(sys.executable).with_name("kiosk-hub"))
    for unit in UNITS:  # the ExecStart binary must exist for verify: point it at this checkout's
        text = (DEPLOY / unit).read_text(encoding="utf-8").replace("/opt/kiosk-hub/venv/bin/kiosk-hub", venv_cli)
        (tmp_path / unit).write_text(text, encoding="utf-8")
    result = subprocess.run([analyze, "verify", "--man=no", *(str(tmp_path / u) for u in UNITS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


@pytest.mark.parametrize("unit", ["kiosk-hub.service", "kiosk-hub-backup.service"])
def test_the_services_are_hardened(unit: str) -> None:
    lines = (DEPLOY / unit).read_text(encoding="utf-8").splitlines()
    for option in HARDENING:
        assert any(line.startswith(option) for line in lines), f"{unit} lacks {option}"


@pytest.mark.parametrize("workers", [1, 2])
def test_the_hub_notifies_systemd_when_ready(workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             local_hub_factory: Callable[..., LocalHub]) -> None:
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(path))
        listener.settimeout(120)
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        hub = local_hub_factory(extra_args=["--workers", str(workers)], startup_timeout=120)
        assert listener.recv(256) == b"READY=1"
        assert hub.request("GET", "/readyz")[0] == 200


SAMPLE_ENV = {"KIOSK_HUB_WORKERS": "2", "KIOSK_HUB_DB": "postgresql://kiosk_hub:pw@127.0.0.1:5432/kiosk_hub",
              "KIOSK_HUB_PUBLIC_URL": "https://hub.example.vn", "KIOSK_HUB_BACKUP_KEEP": "14"}


def _parses(command: str) -> None:
    """The command line, with sample settings, is accepted by kiosk-hub's own parser."""
    import re
    import shlex

    from central.cli import build_parser

    for name, value in SAMPLE_ENV.items():
        command = re.sub(r'"?\$\{?' + name + r'\}?"?', value, command)
    words = shlex.split(command)
    assert "$" not in command, command
    start = next(i for i, w in enumerate(words) if w.endswith("kiosk-hub")) + 1
    build_parser().parse_args(words[start:])


def test_every_deployment_command_uses_flags_the_hub_has() -> None:
    import json

    import yaml

    for unit in ("kiosk-hub.service", "kiosk-hub-backup.service"):
        [line] = [x for x in (DEPLOY / unit).read_text().splitlines() if x.startswith("ExecStart=")]
        _parses(line.removeprefix("ExecStart="))
    [cmd] = [x for x in (DEPLOY / "Containerfile").read_text().splitlines() if x.startswith("CMD ")]
    _parses(json.loads(cmd.removeprefix("CMD "))[-1].removeprefix("exec "))
    env_file = dict(line.split("=", 1) for line in (DEPLOY / "hub.env").read_text().splitlines()
                    if line and not line.startswith("#"))
    assert set(SAMPLE_ENV) <= set(env_file)
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    assert set(compose["services"]) == {"db", "hub", "caddy"}
    hub = compose["services"]["hub"]
    assert (DEPLOY.parents[1] / hub["build"]["dockerfile"]).is_file()
    assert {"KIOSK_HUB_DB", "KIOSK_HUB_WORKERS", "KIOSK_HUB_PUBLIC_URL"} <= set(hub["environment"])
    assert "@db:5432/" in hub["environment"]["KIOSK_HUB_DB"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in compose["services"]["caddy"]["volumes"]
