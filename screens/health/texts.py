"""Words for the health screens and slip: codes from kiosk/health → translated text. GUI thread.

All strings use the "HealthTexts" translation context (core/assets/i18n/health_vi.ts). Categories say
where a value lies compared with the usual range; they never call it a diagnosis.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.health.model import Measure
from core.health.rules import Level
from screens.shell import theme

translate = QCoreApplication.translate  # lupdate finds translate("HealthTexts", "…") calls by this name


def measure_name(measure: Measure) -> str:
    return {
        Measure.BLOOD_PRESSURE: translate("HealthTexts", "Blood pressure"),
        Measure.SPO2: translate("HealthTexts", "Blood oxygen (SpO2) and pulse"),
        Measure.BODY: translate("HealthTexts", "Height, weight and BMI"),
        Measure.TEMPERATURE: translate("HealthTexts", "Body temperature"),
    }[measure]


def short_name(measure: Measure) -> str:
    """For buttons: a few words."""
    return {
        Measure.BLOOD_PRESSURE: translate("HealthTexts", "Blood pressure"),
        Measure.SPO2: translate("HealthTexts", "SpO2 and pulse"),
        Measure.BODY: translate("HealthTexts", "Height and weight"),
        Measure.TEMPERATURE: translate("HealthTexts", "Temperature"),
    }[measure]


def value_label(key: str) -> str:
    return {
        "blood_pressure": translate("HealthTexts", "Blood pressure"),
        "pulse": translate("HealthTexts", "Pulse"),
        "spo2": translate("HealthTexts", "SpO2"),
        "weight_kg": translate("HealthTexts", "Weight"),
        "height_cm": translate("HealthTexts", "Height"),
        "bmi": translate("HealthTexts", "BMI"),
        "celsius": translate("HealthTexts", "Temperature"),
        "temperature": translate("HealthTexts", "Temperature"),
    }.get(key, key)


def category_text(code: str) -> str:
    texts = {
        "bp.esh.optimal": translate("HealthTexts", "Optimal"),
        "bp.esh.normal": translate("HealthTexts", "Normal"),
        "bp.esh.high_normal": translate("HealthTexts", "High-normal: a little above the ideal range"),
        "bp.esh.grade1": translate("HealthTexts", "Higher than normal (grade 1 hypertension range)"),
        "bp.esh.grade2": translate("HealthTexts", "Clearly higher than normal (grade 2 hypertension range)"),
        "bp.esh.grade3": translate("HealthTexts", "Very high (grade 3 hypertension range)"),
        "bp.esh.isolated_systolic": translate(
            "HealthTexts", "Upper value higher than normal (isolated systolic range)"),
        "bp.aha.normal": translate("HealthTexts", "Normal"),
        "bp.aha.elevated": translate("HealthTexts", "Elevated"),
        "bp.aha.stage1": translate("HealthTexts", "Higher than normal (stage 1 range)"),
        "bp.aha.stage2": translate("HealthTexts", "Clearly higher than normal (stage 2 range)"),
        "bp.aha.crisis": translate("HealthTexts", "Very high (crisis range)"),
        "bmi.underweight": translate("HealthTexts", "Below the healthy weight range"),
        "bmi.normal": translate("HealthTexts", "In the healthy range"),
        "bmi.overweight": translate("HealthTexts", "Above the healthy range (overweight, Asian cut-off 23)"),
        "bmi.obese1": translate("HealthTexts", "Well above the healthy range (obesity class I, Asian cut-off 25)"),
        "bmi.obese2": translate("HealthTexts", "Far above the healthy range (obesity class II)"),
        "spo2.normal": translate("HealthTexts", "In the usual range"),
        "spo2.low": translate("HealthTexts", "Lower than usual"),
        "spo2.very_low": translate("HealthTexts", "Very low"),
        "pulse.normal": translate("HealthTexts", "In the usual resting range"),
        "pulse.low": translate("HealthTexts", "Slower than usual at rest"),
        "pulse.high": translate("HealthTexts", "Faster than usual at rest"),
        "temp.low": translate("HealthTexts", "Lower than usual"),
        "temp.normal": translate("HealthTexts", "In the usual range"),
        "temp.raised": translate("HealthTexts", "Slightly raised"),
        "temp.fever": translate("HealthTexts", "Fever range"),
        "temp.high_fever": translate("HealthTexts", "High fever range"),
    }
    return texts.get(code, code)


def level_advice(level: Level) -> str:
    return {
        Level.GOOD: translate("HealthTexts", "Keep up your healthy habits."),
        Level.CAUTION: translate("HealthTexts", "Keep an eye on it and measure again on another day."),
        Level.HIGH: translate("HealthTexts", "Please see a doctor or your health station soon."),
        Level.URGENT: translate("HealthTexts", "Please get medical help now."),
    }[level]


LEVEL_STYLE = {  # colour, icon glyph (DejaVu Sans has all of them)
    Level.GOOD: (theme.OK, "✔"),
    Level.CAUTION: (theme.WARN, "!"),
    Level.HIGH: ("#A8320A", "▲"),
    Level.URGENT: (theme.ACCENT, "✚"),
}


def level_name(level: Level) -> str:
    return {
        Level.GOOD: translate("HealthTexts", "Usual range"),
        Level.CAUTION: translate("HealthTexts", "Attention"),
        Level.HIGH: translate("HealthTexts", "See a doctor"),
        Level.URGENT: translate("HealthTexts", "Urgent"),
    }[level]


def device_note(code: str) -> str:
    return {
        "device.unvalidated": translate(
            "HealthTexts", "Measured with a device model that is not on a clinical validation list."),
        "device.calibration_overdue": translate("HealthTexts", "The device's calibration date has passed."),
        "device.unregistered": translate("HealthTexts", "The device is not in the ward's device register."),
        "device.calibration_unknown": translate("HealthTexts", "The device's calibration date is not recorded."),
        "device.simulated": translate("HealthTexts", "Demonstration device: these are not real measurements."),
        "device.unknown": translate("HealthTexts", "Unknown device."),
    }.get(code, code)


def hint_text(hint: str) -> str:
    return {
        "finger_out": translate("HealthTexts", "Put your finger all the way into the clip."),
        "searching": translate("HealthTexts", "Looking for your pulse… keep your hand still."),
        "probe_error": translate("HealthTexts", "The sensor cannot read. Take your finger out and put it in again."),
        "measuring": translate("HealthTexts", "Measuring… keep still."),
        "waiting": translate("HealthTexts", "Press the start button on the device and keep still."),
        "settling": translate("HealthTexts", "Almost done… keep still."),
        "reconnecting": translate("HealthTexts", "The device is reconnecting, please wait…"),
    }.get(hint, "")


def problem_text(code: str) -> str:
    return {
        "rejected": translate(
            "HealthTexts", "The device gave a value that cannot be right. This happens when the arm or finger "
                       "moves. Let us measure again."),
        "timeout": translate(
            "HealthTexts", "No result came from the device. You can try again or skip this measurement."),
        "device_missing": translate("HealthTexts", "This device is not available right now."),
        "measurement_error": translate("HealthTexts", "Could not measure after several tries."),
        "skipped": translate("HealthTexts", "Skipped."),
    }.get(code, translate("HealthTexts", "Something went wrong with the device."))


def guide(measure: Measure) -> tuple[str, list[str]]:
    """(picture file, steps) for one measure."""
    if measure is Measure.BLOOD_PRESSURE:
        return "bp_cuff.svg", [
            translate("HealthTexts", "Sit with your back against the chair and both feet flat on the floor. "
                                     "Do not cross your legs."),
            translate("HealthTexts", "Put the cuff on your bare upper arm, 2 cm above the elbow, "
                                     "with the tube on the inside."),
            translate("HealthTexts", "Rest your arm on the table so the cuff is at the height of your heart."),
            translate("HealthTexts", "Do not talk or move while the cuff inflates."),
        ]
    if measure is Measure.SPO2:
        return "oximeter.svg", [
            translate("HealthTexts", "Remove nail polish or a false nail from the finger if you can."),
            translate("HealthTexts", "Put your index finger all the way into the clip, nail up."),
            translate("HealthTexts", "Rest your hand on the table and keep it still until the value stays the same."),
        ]
    if measure is Measure.BODY:
        return "scale.svg", [
            translate("HealthTexts", "Take off your shoes and anything heavy (bag, coat)."),
            translate(
                "HealthTexts", "Stand straight in the middle of the platform, heels against the post, looking ahead."),
            translate("HealthTexts", "Stay still until the station beeps."),
        ]
    return "thermometer.svg", [
        translate("HealthTexts", "Push your hair away from your forehead."),
        translate("HealthTexts", "Hold your forehead 3–5 cm in front of the sensor."),
        translate("HealthTexts", "Stay still for a few seconds."),
    ]


def rest_text() -> str:
    return translate(
        "HealthTexts", "Sit down and rest quietly for 3–5 minutes before the first reading. Resting makes the result "
              "more accurate.")


def format_value(key: str, value: float | int | None) -> tuple[str, str]:
    """(number, unit) as the resident reads them."""
    if value is None:
        return "—", ""
    units = {"pulse": translate(
        "HealthTexts", "beats/min"), "spo2": "%", "weight_kg": "kg", "height_cm": "cm", "bmi": "kg/m²",
             "celsius": "°C"}
    if isinstance(value, float):
        text = f"{value:.1f}"
        if translate("HealthTexts", "decimal separator") == ",":
            text = text.replace(".", ",")
    else:
        text = str(value)
    return text, units.get(key, "")


def average_note(count: int) -> str:
    if count > 1:
        return translate("HealthTexts", "Blood pressure: average of %1 readings.").replace("%1", str(count))
    return translate("HealthTexts", "Blood pressure: only one reading; measure again on another day to confirm.")


def spo2_estimate_note() -> str:
    return translate("HealthTexts", "SpO2 from a finger sensor is an estimate.")
