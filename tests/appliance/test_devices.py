"""`kiosk devices`: what is plugged in (from a fake sysfs) and the udev rule for an unknown adapter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.appliance.usb import find_device, list_devices, rule_for, write_rule
from tests.appliance.fake_sysfs import plug

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sysfs(tmp_path) -> Path:
    root = tmp_path / "sys"
    plug(root, "ttyUSB0", "1a86", "7523", product="USB Serial", port="1-1")
    plug(root, "ttyUSB1", "10c4", "ea60", serial="0001", product="CP2102 USB to UART", port="1-2")
    plug(root, "ttyACM0", "2341", "0043", serial="A5\"X,9", product="Arduino Uno", port="1-3")
    return root


def test_lists_adapters_with_chip_and_standard_role(sysfs):
    found = {d.tty: d for d in list_devices(sysfs)}
    assert sorted(found) == ["ttyACM0", "ttyUSB0", "ttyUSB1"]
    assert (found["ttyUSB0"].chip, found["ttyUSB0"].role) == ("CH340", "thermometer")
    cp210x = found["ttyUSB1"]
    assert (cp210x.vid_pid, cp210x.serial, cp210x.role) == ("10c4:ea60", "0001", "oximeter")
    assert (found["ttyACM0"].chip, found["ttyACM0"].role) == ("", "")


def test_empty_or_missing_sysfs_lists_nothing(tmp_path):
    assert list_devices(tmp_path / "nothing") == []


def test_rule_names_the_exact_adapter_and_strips_unsafe_serial_characters(sysfs):
    rule = rule_for(find_device(sysfs, "ttyACM0"), "scale")
    assert rule == ('SUBSYSTEM=="tty", ATTRS{idVendor}=="2341", ATTRS{idProduct}=="0043", ATTRS{serial}=="A5X9", '
                    'GROUP="dialout", MODE="0660", SYMLINK+="tram/scale"')
    assert 'ATTRS{serial}' not in rule_for(find_device(sysfs, "ttyUSB0"), "thermometer")  # CH340 has no serial
    with pytest.raises(ValueError):
        rule_for(find_device(sysfs, "ttyUSB0"), 'x", RUN+="/bin/sh')
    assert find_device(sysfs, "../../etc/passwd") is None


def test_write_rule_replaces_the_old_rule_for_the_same_role(sysfs, tmp_path):
    rules = tmp_path / "rules.d/71-tram-kiosk-local.rules"
    write_rule(rules, find_device(sysfs, "ttyUSB1"), "oximeter")
    write_rule(rules, find_device(sysfs, "ttyACM0"), "scale")
    write_rule(rules, find_device(sysfs, "ttyUSB0"), "oximeter")  # the oximeter got another adapter
    text = rules.read_text()
    assert text.count('SYMLINK+="tram/oximeter"') == 1 and 'idVendor}=="1a86"' in text
    assert text.count('SYMLINK+="tram/scale"') == 1


def test_cli_lists_and_writes_a_rule(sysfs, tmp_path):
    def kiosk(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kiosk", "devices", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=False)

    listed = kiosk("list", "--json", "--sysfs", str(sysfs))
    assert listed.returncode == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["tty"]: r["role"] for r in rows} == {"ttyACM0": "", "ttyUSB0": "thermometer", "ttyUSB1": "oximeter"}
    human = kiosk("list", "--sysfs", str(sysfs)).stdout
    assert "/dev/tram/oximeter" in human and "unknown adapter" in human
    rules = tmp_path / "local.rules"
    wrote = kiosk("write-rule", "ttyACM0", "scale", "--rules-file", str(rules), "--sysfs", str(sysfs))
    assert wrote.returncode == 0 and 'SYMLINK+="tram/scale"' in rules.read_text()
    assert kiosk("write-rule", "ttyUSB9", "scale", "--rules-file", str(rules), "--sysfs", str(sysfs)).returncode == 2
    assert kiosk("write-rule", "ttyACM0", "Bad Role", "--rules-file", str(rules), "--sysfs", str(sysfs)).returncode == 2


def test_repair_screen_shows_both_languages_with_the_staff_phone(qtbot):
    from PySide6.QtWidgets import QLabel

    from kiosk.appliance.repair_screen import build
    from kiosk.config import KioskConfig

    window = build(KioskConfig())
    qtbot.addWidget(window)
    window.show()
    seen = [label.text() for label in window.findChildren(QLabel)]
    assert "Trạm đang được sửa chữa" in seen and "This station is being repaired" in seen
    assert any("028 3822 1234" in t for t in seen)
