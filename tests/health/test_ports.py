"""Port specs: stable by-id links, USB VID:PID[:serial], configured serial parameters."""

from __future__ import annotations

import os

import pytest
from serial.tools import list_ports_common

from devices.base import DeviceNotFound
from devices.health import serial_port
from devices.health.spec import DeviceSpec


def _fake_port(device, vid, pid, serial_number):
    info = list_ports_common.ListPortInfo(device, skip_link_detection=True)
    info.vid, info.pid, info.serial_number, info.description = vid, pid, serial_number, "USB-Serial"
    return info


@pytest.fixture
def two_adapters(monkeypatch, tmp_path):
    # enumerating USB hardware is the only thing replaced: two identical FTDI cables
    ports = [_fake_port(str(tmp_path / "ttyUSB0"), 0x0403, 0x6001, "A1"),
             _fake_port(str(tmp_path / "ttyUSB1"), 0x0403, 0x6001, "B2")]
    monkeypatch.setattr("serial.tools.list_ports.comports", lambda *a, **k: ports)
    return ports


def test_usb_id_with_serial_picks_the_right_cable(two_adapters):
    assert serial_port.resolve_port("0403:6001:B2") == (two_adapters[1].device, "0403:6001:B2")
    assert serial_port.resolve_port("0403:6001")[0] == two_adapters[0].device
    with pytest.raises(DeviceNotFound):
        serial_port.resolve_port("0403:6001:ZZ")
    listed = serial_port.list_ports()
    assert [p.stable_id() for p in listed] == ["0403:6001:A1", "0403:6001:B2"]


def test_a_link_is_followed_on_every_open(tmp_path):
    (tmp_path / "ttyUSB3").touch()
    link = tmp_path / "usb-Contec_CMS50-if00"
    os.symlink(tmp_path / "ttyUSB3", link)
    assert serial_port.resolve_port(str(link)) == (str(tmp_path / "ttyUSB3"), str(link))
    link.unlink()
    (tmp_path / "ttyUSB4").touch()
    os.symlink(tmp_path / "ttyUSB4", link)  # re-plugged: the kernel gave it a new name
    assert serial_port.resolve_port(str(link))[0] == str(tmp_path / "ttyUSB4")
    with pytest.raises(DeviceNotFound):
        serial_port.resolve_port(str(tmp_path / "gone"))
    with pytest.raises(DeviceNotFound):
        serial_port.resolve_port("")


def test_configured_baud_and_parity_override_the_protocol():
    spec = DeviceSpec("oximeter", "cms50_old")
    assert (spec.serial_params().baudrate, spec.serial_params().parity) == (19200, "O")
    spec = DeviceSpec("oximeter", "cms50_old", baudrate=9600, parity="N")
    assert (spec.serial_params().baudrate, spec.serial_params().parity) == (9600, "N")
