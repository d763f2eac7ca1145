"""What a health-device parser returns: one normalised ``Reading`` per frame. Qt-free, any thread.

A reading carries the raw frame it came from (so tests can prove every reading is backed by real
bytes) and, once a worker stamps it, the identity of the device that produced it (id, model,
firmware, validation and calibration status) so results can say which device measured them.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    OXIMETRY = "oximetry"  # one live sample: pleth, spo2/pulse when valid, finger-out/searching flags
    BLOOD_PRESSURE = "blood_pressure"  # one stored record: systolic, diastolic, pulse, time, user
    BODY = "body"  # height/weight station line: weight_kg, height_cm, bmi (when present)
    WEIGHT = "weight"  # generic scale head: weight_kg, stable
    TEMPERATURE = "temperature"  # object_c, ambient_c
    STATUS = "status"  # protocol events without a value (e.g. end of a memory dump)


@dataclass(frozen=True)
class DeviceInfo:
    """Which device measured: stamped on every reading by the worker."""

    device_id: str  # stable id: USB serial number, by-id name, or "sim-<name>"
    name: str = ""  # config name: oximeter, blood_pressure, scale, thermometer
    model: str = ""
    firmware: str = ""
    validated: bool = False
    calibration_due: str = ""  # YYYY-MM-DD or ""; the ward registry's date when it knows the device
    serial: str = ""  # the serial number on the device's label (the registry's key with the model)
    registered: bool | None = None  # in the ward's device registry? None: the hub has not said (core/health/registry)


@dataclass(frozen=True)
class Reading:
    kind: Kind
    values: dict[str, Any] = field(default_factory=dict)
    raw: bytes = b""  # the frame this reading was parsed from
    live: bool = False  # a streaming sample (oximeter, unstable weight), not a finished measurement
    device: DeviceInfo | None = None

    def stamped(self, device: DeviceInfo) -> Reading:
        return dataclasses.replace(self, device=device)

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly dict (for `kiosk health replay` and logs)."""
        out: dict[str, Any] = {"kind": self.kind.value, **self.values}
        if self.live:
            out["live"] = True
        # a Visomat record's frame is the whole memory dump: show its size, not 300 bytes of hex
        out["raw"] = self.raw.hex(" ") if len(self.raw) <= 64 else f"<{len(self.raw)} bytes>"
        if self.device is not None:
            out["device"] = dataclasses.asdict(self.device)
        return out
