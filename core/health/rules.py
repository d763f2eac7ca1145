"""Plausibility limits and categories for health values (PEERS §3.2). Pure, Qt-free.

Categories are codes plus a level (colour and icon on screen); the words live in the screens'
translations. They describe a value ("higher than the usual range"), never a diagnosis.
Blood pressure: ESH/ISH by default (Viet Nam's 2022 guideline leans on ISH/ESH), AHA/ACC 2017 as
an option. BMI: WHO cut-offs for Asian populations (18.5 / 23 / 25, WPRO 2000; 30 obese II).
Crisis values (≥180 systolic or ≥120 diastolic, SpO2 < 90) get the urgent level in every scheme.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from core.health.model import Measure, Measurement


class Level(enum.StrEnum):
    GOOD = "good"  # within the usual range
    CAUTION = "caution"  # a little outside: keep an eye on it
    HIGH = "high"  # clearly outside: see a doctor soon
    URGENT = "urgent"  # call 115 / staff now


@dataclass(frozen=True)
class Category:
    code: str
    level: Level


# (min, max) inclusive; outside = a measurement error, measured again (HL7 PHD guide: BP 60–279/40–200)
LIMITS: dict[str, tuple[float, float]] = {
    "systolic": (60, 279),
    "diastolic": (40, 200),
    "pulse": (25, 250),
    "spo2": (50, 100),
    "weight_kg": (10, 300),
    "height_cm": (80, 230),
    "bmi": (10, 70),
    "celsius": (34.0, 43.0),
}

CRISIS_SYSTOLIC, CRISIS_DIASTOLIC, CRISIS_SPO2 = 180, 120, 90


def implausible(m: Measurement) -> list[str]:
    """Error codes for values outside the limits (empty: plausible)."""
    errors = []
    for key, value in m.values.items():
        if key in LIMITS and value is not None:
            lo, hi = LIMITS[key]
            if not lo <= value <= hi:
                errors.append(f"implausible.{key}")
    if m.measure is Measure.BLOOD_PRESSURE and m.values.get("systolic", 0) <= m.values.get("diastolic", 0):
        errors.append("implausible.pulse_pressure")
    return errors


def is_crisis(m: Measurement) -> bool:
    v = m.values
    if m.measure is Measure.BLOOD_PRESSURE:
        return bool(v["systolic"] >= CRISIS_SYSTOLIC or v["diastolic"] >= CRISIS_DIASTOLIC)
    if m.measure is Measure.SPO2:
        return bool(v["spo2"] < CRISIS_SPO2)
    return False


def blood_pressure(systolic: int, diastolic: int, scheme: str = "esh") -> Category:
    crisis = systolic >= CRISIS_SYSTOLIC or diastolic >= CRISIS_DIASTOLIC
    cat = _aha(systolic, diastolic) if scheme == "aha" else _esh(systolic, diastolic)
    return Category(cat.code, Level.URGENT) if crisis else cat


def _esh(s: int, d: int) -> Category:
    if s >= 140 and d < 90:  # isolated systolic hypertension, graded by the systolic value
        return Category("bp.esh.isolated_systolic", Level.HIGH if s >= 160 else Level.CAUTION)
    if s >= 180 or d >= 110:
        return Category("bp.esh.grade3", Level.HIGH)
    if s >= 160 or d >= 100:
        return Category("bp.esh.grade2", Level.HIGH)
    if s >= 140 or d >= 90:
        return Category("bp.esh.grade1", Level.CAUTION)
    if s >= 130 or d >= 85:
        return Category("bp.esh.high_normal", Level.CAUTION)
    if s >= 120 or d >= 80:
        return Category("bp.esh.normal", Level.GOOD)
    return Category("bp.esh.optimal", Level.GOOD)


def _aha(s: int, d: int) -> Category:
    if s > 180 or d > 120:
        return Category("bp.aha.crisis", Level.URGENT)
    if s >= 140 or d >= 90:
        return Category("bp.aha.stage2", Level.HIGH)
    if s >= 130 or d >= 80:
        return Category("bp.aha.stage1", Level.CAUTION)
    if s >= 120:
        return Category("bp.aha.elevated", Level.CAUTION)
    return Category("bp.aha.normal", Level.GOOD)


def bmi_value(weight_kg: float, height_cm: float) -> float:
    return round(weight_kg / (height_cm / 100) ** 2, 1)


def bmi(value: float) -> Category:
    if value < 18.5:
        return Category("bmi.underweight", Level.CAUTION)
    if value < 23:
        return Category("bmi.normal", Level.GOOD)
    if value < 25:
        return Category("bmi.overweight", Level.CAUTION)
    if value < 30:
        return Category("bmi.obese1", Level.HIGH)
    return Category("bmi.obese2", Level.HIGH)


def spo2(value: int) -> Category:
    if value < CRISIS_SPO2:
        return Category("spo2.very_low", Level.URGENT)
    if value < 95:
        return Category("spo2.low", Level.CAUTION)
    return Category("spo2.normal", Level.GOOD)


def pulse(value: int) -> Category:
    if value < 50:
        return Category("pulse.low", Level.CAUTION)
    if value > 100:
        return Category("pulse.high", Level.CAUTION)
    return Category("pulse.normal", Level.GOOD)


def temperature(celsius: float) -> Category:
    if celsius < 35.5:
        return Category("temp.low", Level.CAUTION)
    if celsius < 37.5:
        return Category("temp.normal", Level.GOOD)
    if celsius < 38.0:
        return Category("temp.raised", Level.CAUTION)
    if celsius < 39.5:
        return Category("temp.fever", Level.HIGH)
    return Category("temp.high_fever", Level.HIGH)


def categorize(m: Measurement, bp_scheme: str = "esh") -> dict[str, Category]:
    """Category per shown value of a measurement (e.g. bp + pulse)."""
    v = m.values
    out: dict[str, Category] = {}
    if m.measure is Measure.BLOOD_PRESSURE:
        out["blood_pressure"] = blood_pressure(v["systolic"], v["diastolic"], bp_scheme)
    elif m.measure is Measure.SPO2:
        out["spo2"] = spo2(v["spo2"])
    elif m.measure is Measure.BODY and v.get("bmi") is not None:
        out["bmi"] = bmi(v["bmi"])
    elif m.measure is Measure.TEMPERATURE:
        out["temperature"] = temperature(v["celsius"])
    if v.get("pulse") is not None:
        out["pulse"] = pulse(v["pulse"])
    return out


def worst(categories: dict[str, Category]) -> Level:
    order = list(Level)
    return max((c.level for c in categories.values()), key=order.index, default=Level.GOOD)


def average_bp(readings: list[Measurement]) -> Measurement:
    """The mean of ≥2 blood-pressure readings (guidelines classify on the average)."""
    n = len(readings)

    def mean(key: str) -> int:
        return int(sum(r.values[key] for r in readings) / n + 0.5)

    last = readings[-1]
    return Measurement(Measure.BLOOD_PRESSURE, {"systolic": mean("systolic"), "diastolic": mean("diastolic"),
                                                "pulse": mean("pulse")}, device=last.device,
                       taken_at=last.taken_at, count=n)


def bp_needs_another(readings: list[Measurement], minimum: int = 2, maximum: int = 3, spread: int = 10) -> bool:
    """Two readings at least; a third when the first two differ by more than ``spread`` mmHg."""
    if len(readings) < minimum:
        return True
    if len(readings) >= maximum:
        return False
    a, b = readings[-2].values, readings[-1].values
    return bool(abs(a["systolic"] - b["systolic"]) > spread or abs(a["diastolic"] - b["diastolic"]) > spread)
