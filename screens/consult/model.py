"""Pure helpers of the consultation screens: what is shared with the doctor, and how the wait is said."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

# The doctor's page is Vietnamese whatever language the resident chose.
LABELS = {"blood_pressure": ("Huyết áp", "mmHg"), "pulse": ("Nhịp tim", "lần/phút"), "spo2": ("SpO2", "%"),
          "celsius": ("Nhiệt độ", "°C"), "weight_kg": ("Cân nặng", "kg"), "height_cm": ("Chiều cao", "cm"),
          "bmi": ("BMI", "kg/m²")}
PHONE = re.compile(r"^(0|\+84)[0-9]{9,10}$")


def readings_from_results(results: list[Any]) -> dict[str, dict[str, Any]]:
    """{"blood_pressure": {"label", "value", "unit", "level"}, …} from the health journey's MeasureResults."""
    out: dict[str, dict[str, Any]] = {}
    for r in results:
        if r.measurement is None:
            continue
        values, cats = r.measurement.values, r.categories
        if "systolic" in values and "diastolic" in values:
            out["blood_pressure"] = _reading("blood_pressure", f"{values['systolic']}/{values['diastolic']}",
                                             cats.get("blood_pressure"))
        for key in ("pulse", "spo2", "celsius", "weight_kg", "height_cm", "bmi"):
            if values.get(key) is not None:
                value = values[key]
                out[key] = _reading(key, round(value, 1) if isinstance(value, float) else value,
                                    cats.get("temperature" if key == "celsius" else key))
    return out


def _reading(key: str, value: Any, category: Any) -> dict[str, Any]:
    label, unit = LABELS[key]
    return {"label": label, "value": value, "unit": unit, "level": str(category.level) if category else ""}


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def wait_minutes(seconds: Any) -> int | None:
    """The expected wait in whole minutes (at least one), or None when the hub could not say."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        return None
    return max(1, round(seconds / 60))


def clean_phone(text: str) -> str | None:
    """A Vietnamese phone number from what the resident typed (spaces and dots allowed), or None."""
    digits = re.sub(r"[\s.\-]", "", text or "")
    return digits if PHONE.match(digits) else None
