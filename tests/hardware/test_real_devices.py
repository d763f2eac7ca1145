"""Smoke tests on a kiosk's real devices: `KIOSK_HW=1 KIOSK_CONFIG=/etc/tram/kiosk.toml pytest tests/hardware`.

Skipped everywhere else (tests/conftest.py). They use the kiosk's own configuration, so they check
exactly what the station will use: the camera opens and gives frames, the printer prints a test
page, and every configured serial device opens and answers.
"""

from __future__ import annotations

import pytest

from kiosk.config import load_config, resolve_config_path

pytestmark = pytest.mark.hardware


@pytest.fixture(scope="module")
def config():
    return load_config(resolve_config_path(None))


def test_camera_opens_and_gives_frames(config) -> None:
    if config.camera.kind != "opencv":
        pytest.skip("no real camera configured")
    from devices.scanner.sources import make_source

    source = make_source(config.camera)
    source.open()
    try:
        frames = [source.read() for _ in range(10)]
    finally:
        source.close()
    assert any(frame is not None for frame in frames)


def test_printer_prints_a_test_page(config) -> None:
    if config.printer.kind in ("simulated", "none"):
        pytest.skip("no real printer configured")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "kiosk", "printer", "test"], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("device", ["oximeter", "blood_pressure", "scale", "thermometer"])
def test_serial_device_opens(config, device: str) -> None:
    settings = getattr(config.health, device)
    if settings.kind != "serial":
        pytest.skip(f"{device} is not a real serial device here")
    import serial

    from devices.health.serial_port import resolve_port

    path, _stable_id = resolve_port(settings.port)  # raises DeviceNotFound with the reason
    with serial.Serial(path, settings.baudrate or 9600, timeout=1):
        pass
