"""Device names, states and the workers' detail codes in words, in the technician's language (issue 17 item 9).

The workers report states as codes (devices.base.DeviceState: "ready", "fault", ...) and a technician detail
(a code such as "paper_out", or free text such as a port or an exception). The technician screens show the
state in words ("Sẵn sàng", "Lỗi - cần người xử lý"); a known detail in words too; anything else (a device
path, an error message) as it is, after "Chi tiết:", so the technician can still search for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.health.sessions import Finished, Rejected

if TYPE_CHECKING:
    from kiosk.services.health import Outcome as MeasureOutcome

translate = QCoreApplication.translate  # lupdate finds translate("TechnicianWords", "…") calls by this name


def device_name(name: str) -> str:
    names = {
        "camera": translate("TechnicianWords", "Camera"),
        "printer": translate("TechnicianWords", "Receipt printer"),
        "blood_pressure": translate("TechnicianWords", "Blood-pressure monitor"),
        "oximeter": translate("TechnicianWords", "Pulse oximeter"),
        "scale": translate("TechnicianWords", "Scale"),
        "thermometer": translate("TechnicianWords", "Thermometer"),
        "voice": translate("TechnicianWords", "Spoken guidance"),
        "call": translate("TechnicianWords", "Video call"),
    }
    return names.get(name, name)


def device_state(state: str) -> str:
    states = {
        "absent": translate("TechnicianWords", "Not connected"),
        "connecting": translate("TechnicianWords", "Connecting"),
        "ready": translate("TechnicianWords", "Ready"),
        "busy": translate("TechnicianWords", "Working"),
        "fault": translate("TechnicianWords", "Fault: a person must act"),
    }
    return states.get(state, translate("TechnicianWords", "Unknown state (%1)").replace("%1", state))


def code_kind(kind: str) -> str:
    """What a scanned code is (core.formats.Kind), for the camera test."""
    kinds = {
        "id_card": translate("TechnicianWords", "ID card"),
        "procedure": translate("TechnicianWords", "procedure code"),
        "receipt": translate("TechnicianWords", "receipt code"),
        "payment": translate("TechnicianWords", "VietQR payment code"),
        "enrolment": translate("TechnicianWords", "hub enrolment code"),
        "untrusted_link": translate("TechnicianWords", "link to an unofficial site"),
        "unknown": translate("TechnicianWords", "unknown code"),
    }
    return kinds.get(kind, kind)


def message(key: str, value: str = "") -> str:
    """The technician controller's own messages (it is no widget, so it has no tr() of its own)."""
    messages = {
        "no_camera": translate("TechnicianWords", "No camera service on this build."),
        "no_health": translate("TechnicianWords", "No health devices on this build."),
        "no_sync": translate("TechnicianWords", "Sync is not available on this build."),
        "requeued": translate("TechnicianWords", "%1: waiting to be sent again"),
        "not_found": translate("TechnicianWords", "This submission was not found."),
    }
    return messages[key].replace("%1", value)


def measured_text(outcome: MeasureOutcome) -> str:
    """A health device test's outcome: the values read, or why there are none."""
    if isinstance(outcome, Finished):
        names = {
            "systolic": translate("TechnicianWords", "systolic"),
            "diastolic": translate("TechnicianWords", "diastolic"),
            "pulse": translate("TechnicianWords", "pulse"),
            "spo2": "SpO2",
            "weight_kg": translate("TechnicianWords", "weight (kg)"),
            "height_cm": translate("TechnicianWords", "height (cm)"),
            "celsius": translate("TechnicianWords", "temperature (°C)"),
        }
        values = {k: v for k, v in outcome.values.items() if v is not None}
        if values:
            return "✓ " + ", ".join(f"{names.get(k, k)} {v}" for k, v in values.items())
    if isinstance(outcome, Rejected):
        reason = ",".join(outcome.errors)
    elif isinstance(outcome, Finished):
        reason = ""  # finished without a value
    else:
        reason = outcome.code
    reason = reason or "error"
    reasons = {
        "timeout": translate("TechnicianWords", "no result in time"),
        "device_missing": translate("TechnicianWords", "device not available"),
    }
    return "✗ " + reasons.get(reason, detail_text(reason))


def printer_mode(mode: str) -> str:
    """The simulated printer's modes (technician test of the receipt paths)."""
    modes = {
        "ok": translate("TechnicianWords", "Prints normally"),
        "paper_out": translate("TechnicianWords", "Out of paper"),
        "offline": translate("TechnicianWords", "Switched off"),
        "slow": translate("TechnicianWords", "Slow"),
    }
    return modes.get(mode, mode)


def detail_words() -> dict[str, str]:
    return {
        "not_configured": translate("TechnicianWords", "not set up in the configuration"),
        "not configured": translate("TechnicianWords", "not set up in the configuration"),
        "camera disabled in config": translate("TechnicianWords", "turned off in the configuration"),
        "offline": translate("TechnicianWords", "not answering (switched off or unplugged)"),
        "paper_out": translate("TechnicianWords", "out of paper"),
        "paper_low": translate("TechnicianWords", "paper nearly out"),
        "timeout": translate("TechnicianWords", "did not answer in time"),
        "error": translate("TechnicianWords", "failed"),
        "opening": translate("TechnicianWords", "opening the port"),
        "measuring": translate("TechnicianWords", "measuring"),
        "released before the camera opened": translate("TechnicianWords", "released before the camera opened"),
        "no USB serial adapter": translate("TechnicianWords", "no USB serial adapter"),
    }


# free-text details the camera worker builds around a source's description
_PATTERNS = (
    (re.compile(r"^checking (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "checking %1")),
    (re.compile(r"^opening (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "opening %1")),
    (re.compile(r"^(.+) \(released until a scan starts\)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 (released until a scan starts)")),
    (re.compile(r"^(.+); will retry when a scan starts$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1; tried again when a scan starts")),
    (re.compile(r"^(.+); retry in ([0-9.]+) s$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1; trying again in %2 s")),
)


def source_text(description: str) -> str:
    """A camera source's description (devices/scanner/sources.py) in words: "simulated: demo codes", "camera 0"."""
    if description.startswith("simulated: "):
        return translate("TechnicianWords", "simulated: %1").replace(
            "%1", source_text(description.removeprefix("simulated: ")))
    kinds = {"camera": translate("TechnicianWords", "camera %1"),
             "video": translate("TechnicianWords", "video file %1"),
             "images": translate("TechnicianWords", "picture folder %1")}
    kind, _, rest = description.partition(" ")
    if description == "demo codes":
        return translate("TechnicianWords", "sample codes")
    if kind in kinds and rest:
        return kinds[kind].replace("%1", rest)
    return detail_words().get(description, description)


Patterns = tuple[tuple[re.Pattern[str], str], ...]


def from_patterns(patterns: Patterns, text: str, words: Callable[[int, str], str] = lambda _i, group: group
                  ) -> str | None:
    """The template of the first pattern ``text`` matches, translated, its %1, %2… filled with ``words`` of the
    matched groups; None when no pattern matches."""
    for pattern, template in patterns:
        match = pattern.match(text)
        if match:
            out = translate("TechnicianWords", template)
            for i, group in enumerate(match.groups(), start=1):
                out = out.replace(f"%{i}", words(i, group))
            return out
    return None


def detail_text(detail: str) -> str:
    """A worker's detail in words when it is a known code or phrase; else the raw text, marked as detail."""
    detail = detail.strip()
    if not detail:
        return ""
    known = detail_words().get(detail)
    if known is not None:
        return known
    text = from_patterns(_PATTERNS, detail, lambda i, group: source_text(group) if i == 1 else group)
    if text is not None:
        return text
    described = source_text(detail)  # the camera reports its source when it is ready
    if described != detail:
        return described
    return translate("TechnicianWords", "Detail: %1").replace("%1", detail)


def state_line(state: str, detail: str) -> str:
    """"Sẵn sàng" or "Lỗi - cần người xử lý: hết giấy"."""
    words = detail_text(detail)
    return f"{device_state(state)}: {words}" if words else device_state(state)


