"""A finished measurement and the notes about the device that took it. Pure, Qt-free, any thread."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from core.health.reading import DeviceInfo


class Measure(enum.StrEnum):
    BLOOD_PRESSURE = "blood_pressure"
    SPO2 = "spo2"
    BODY = "body"  # weight, height, BMI
    TEMPERATURE = "temperature"


# which configured device takes which measure
DEVICE_FOR = {Measure.BLOOD_PRESSURE: "blood_pressure", Measure.SPO2: "oximeter", Measure.BODY: "scale",
              Measure.TEMPERATURE: "thermometer"}
ORDER = (Measure.BLOOD_PRESSURE, Measure.SPO2, Measure.BODY, Measure.TEMPERATURE)


@dataclass(frozen=True)
class Measurement:
    measure: Measure
    values: dict[str, Any]  # bp: systolic/diastolic/pulse; spo2: spo2/pulse; body: weight_kg/height_cm/bmi;
    #                         temperature: celsius
    device: DeviceInfo | None = None
    taken_at: str = field(default_factory=lambda: dt.datetime.now().isoformat(timespec="seconds"))
    count: int = 1  # readings averaged into this one


def device_notes(device: DeviceInfo | None, today: dt.date | None = None) -> tuple[str, ...]:
    """Codes the results screen and slip show next to a value from this device."""
    if device is None:
        return ("device.unknown",)
    today = today or dt.date.today()
    notes = []
    if device.device_id.startswith("sim-"):
        notes.append("device.simulated")
    if not device.validated:
        notes.append("device.unvalidated")
    if device.registered is False:
        notes.append("device.unregistered")
    try:
        due = dt.date.fromisoformat(device.calibration_due) if device.calibration_due else None
    except ValueError:
        due = None
    if due is None:
        notes.append("device.calibration_unknown")
    elif due < today:
        notes.append("device.calibration_overdue")
    return tuple(notes)
