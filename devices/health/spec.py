"""One configured health device, as the driver needs it (built from the [health.*] config). Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.health.reading import DeviceInfo
from devices.health.protocols import make_protocol
from devices.health.protocols.base import Protocol, SerialParams

DEVICE_NAMES = ("oximeter", "blood_pressure", "scale", "thermometer")


@dataclass(frozen=True)
class DeviceSpec:
    name: str  # oximeter | blood_pressure | scale | thermometer
    protocol: str
    port: str = ""
    kind: str = "serial"  # serial | simulated | none
    baudrate: int = 0  # 0: the protocol's default
    parity: str = ""  # "": the protocol's default; N | O | E
    model: str = ""
    firmware: str = ""
    validated: bool = False
    calibration_due: str = ""
    line_pattern: str = ""  # generic scale heads only
    serial: str = ""  # on the device's label: the ward registry knows a device by model and serial
    registry_path: str = ""  # the hub's last registry answer (core/health/registry.py); "" when none

    def make_protocol(self) -> Protocol:
        return make_protocol(self.protocol, self.line_pattern)

    def serial_params(self, protocol: Protocol | None = None) -> SerialParams:
        base = (protocol or self.make_protocol()).serial
        return SerialParams(self.baudrate or base.baudrate, base.bytesize, self.parity or base.parity, base.stopbits)

    def device_info(self, stable_id: str = "") -> DeviceInfo:
        device_id = f"sim-{self.name}" if self.kind == "simulated" else (stable_id or self.port)
        return DeviceInfo(device_id=device_id, name=self.name, model=self.model, firmware=self.firmware,
                          validated=self.validated, calibration_due=self.calibration_due, serial=self.serial)


def spec_from_settings(name: str, settings: Any, registry_path: str = "") -> DeviceSpec:
    """From a ``SerialDeviceSettings`` (or anything with the same attributes)."""
    return DeviceSpec(serial=getattr(settings, "serial", ""), registry_path=registry_path,
                      name=name, protocol=settings.protocol, port=settings.port, kind=settings.kind,
                      baudrate=settings.baudrate, parity=getattr(settings, "parity", ""), model=settings.model,
                      firmware=getattr(settings, "firmware", ""), validated=settings.validated,
                      calibration_due=settings.calibration_due, line_pattern=getattr(settings, "line_pattern", ""))
