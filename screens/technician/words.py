"""Device names, states and the workers' detail codes in words, in the technician's language (issue 17 item 9).

The workers report states as codes (devices.base.DeviceState: "ready", "fault", ...) and a technician detail
(a code such as "paper_out", or free text such as a port or an exception). The technician screens show the
state in words ("Sẵn sàng", "Lỗi - cần người xử lý"); a known detail in words too; anything else (a device
path, an error message) as it is, after "Chi tiết:", so the technician can still search for it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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


def measured_text(outcome: object) -> str:
    """A health device test's outcome: the values read, or why there are none."""
    measurement = getattr(outcome, "measurement", None)
    values = getattr(measurement, "values", None) or {}
    if values and not getattr(outcome, "errors", None):
        names = {
            "systolic": translate("TechnicianWords", "systolic"),
            "diastolic": translate("TechnicianWords", "diastolic"),
            "pulse": translate("TechnicianWords", "pulse"),
            "spo2": "SpO2",
            "weight_kg": translate("TechnicianWords", "weight (kg)"),
            "height_cm": translate("TechnicianWords", "height (cm)"),
            "celsius": translate("TechnicianWords", "temperature (°C)"),
        }
        return "✓ " + ", ".join(f"{names.get(k, k)} {v}" for k, v in values.items() if v is not None)
    reason = getattr(outcome, "code", None) or ",".join(getattr(outcome, "errors", ()) or ()) or "error"
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


def _details() -> dict[str, str]:
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
    return _details().get(description, description)


def detail_text(detail: str) -> str:
    """A worker's detail in words when it is a known code or phrase; else the raw text, marked as detail."""
    detail = detail.strip()
    if not detail:
        return ""
    known = _details().get(detail)
    if known is not None:
        return known
    for pattern, template in _PATTERNS:
        match = pattern.match(detail)
        if match:
            text = translate("TechnicianWords", template)
            for i, group in enumerate(match.groups(), start=1):
                text = text.replace(f"%{i}", source_text(group) if i == 1 else group)
            return text
    described = source_text(detail)  # the camera reports its source when it is ready
    if described != detail:
        return described
    return translate("TechnicianWords", "Detail: %1").replace("%1", detail)


def state_line(state: str, detail: str) -> str:
    """"Sẵn sàng" or "Lỗi - cần người xử lý: hết giấy"."""
    words = detail_text(detail)
    return f"{device_state(state)}: {words}" if words else device_state(state)



# ---- `kiosk doctor` on the technician screen ---------------------------------------------------------------
# doctor.py is Qt-free and its command-line report stays English; the screen puts its check names and the
# state part of each detail in words (the values - paths, numbers, error names - are kept as they are).

def check_name(name: str) -> str:
    if name.startswith("device "):
        return device_name(name.removeprefix("device "))
    if name.startswith("font "):
        return translate("TechnicianWords", "font %1").replace("%1", name.removeprefix("font "))
    names = {
        "config": translate("TechnicianWords", "Configuration"),
        "technician PIN": translate("TechnicianWords", "Technician PIN"),
        "station": translate("TechnicianWords", "Station"),
        "hub address": translate("TechnicianWords", "Hub address"),
        "hub": translate("TechnicianWords", "Hub"),
        "hub TLS": translate("TechnicianWords", "Hub certificate"),
        "enrolment": translate("TechnicianWords", "Enrolment"),
        "clock": translate("TechnicianWords", "Clock"),
        "disk": translate("TechnicianWords", "Disk"),
        "queue": translate("TechnicianWords", "Submission queue"),
        "services": translate("TechnicianWords", "Services"),
        "catalogue": translate("TechnicianWords", "Procedure catalogue"),
    }
    return names.get(name, device_name(name))


_CHECK_DETAILS = (
    (re.compile(r"^missing: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "missing: %1")),
    (re.compile(r"^offline: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "not answering: %1")),
    (re.compile(r"^unreachable: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "unreachable: %1")),
    (re.compile(r"^reachable \((.+)\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "reachable (%1)")),
    (re.compile(r"^unusable: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "unusable: %1")),
    (re.compile(r"^simulated \((.+)\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "simulated (%1)")),
    (re.compile(r"^answering on (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "answering on %1")),
    (re.compile(r"^unplugged while talking: (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "unplugged while talking: %1")),
    (re.compile(r"^the sample station (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "the sample station %1")),
    (re.compile(r"^enrolled as (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "enrolled as %1")),
    (re.compile(r"^certificate not valid: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "certificate not valid: %1")),
    (re.compile(r"^cannot open: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "cannot open: %1")),
    (re.compile(r"^check failed: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "check failed: %1")),
    (re.compile(r"^([0-9]+) MiB free$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 MiB free")),
    (re.compile(r"^only ([0-9]+) MiB free for (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "only %1 MiB free for %2")),
    (re.compile(r"^cannot read (.+?): (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "cannot read %1: %2")),
    (re.compile(r"^([0-9]+) waiting$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 waiting")),
    (re.compile(r"^([0-9]+) waiting \(oldest (.+)\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 waiting (oldest %2)")),
    (re.compile(r"^([0-9]+) unsent, the oldest for (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 unsent, the oldest for %2")),
    (re.compile(r"^([0-9]+) rejected submission\(s\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 rejected")),
    (re.compile(r"^([+-][0-9]+) s from the hub$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 s from the hub")),
    (re.compile(r"^([0-9]+) procedures, snapshot of (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 procedures, snapshot of %2")),
    (re.compile(r"^frame (.+) from (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "picture %1 from %2")),
    (re.compile(r"^(.+) gives no picture$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 gives no picture")),
    (re.compile(r"^present on (.+) but silent for (.+) s$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "present on %1 but silent for %2 s")),
    (re.compile(r"^([0-9]+) bytes on (.+) but no valid (.+) frame \(([0-9]+) bad\)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 bytes on %2 but no valid %3 frame (%4 bad)")),
)


def check_detail(detail: str) -> str:
    """A doctor check's detail: its state in words, its values as they are."""
    fixed = {
        "valid": translate("TechnicianWords", "valid"),
        "set": translate("TechnicianWords", "set"),
        "not used": translate("TechnicianWords", "not used"),
        "simulated": translate("TechnicianWords", "simulated"),
        "running": translate("TechnicianWords", "running"),
        "online": translate("TechnicianWords", "switched on"),
        "online, paper ok": translate("TechnicianWords", "switched on, paper ok"),
        "online (this model does not report paper)": translate(
            "TechnicianWords", "switched on (this model does not report paper)"),
        "online, paper out": translate("TechnicianWords", "switched on, out of paper"),
        "online, paper nearly out": translate("TechnicianWords", "switched on, paper nearly out"),
        "certificate valid": translate("TechnicianWords", "certificate valid"),
        "still the demo PIN 1234": translate("TechnicianWords", "still the demo PIN 1234"),
        "a demo hub on this machine": translate("TechnicianWords", "a demo hub on this machine"),
        "no hub address": translate("TechnicianWords", "no hub address"),
        "this station has no hub token": translate("TechnicianWords", "this station has no hub token"),
        "not running under systemd": translate("TechnicianWords", "not running under systemd"),
        "missing or unreadable": translate("TechnicianWords", "missing or unreadable"),
        "Vietnamese text renders": translate("TechnicianWords", "Vietnamese text renders"),
        "loaded": translate("TechnicianWords", "loaded"),
    }
    if detail in fixed:
        return fixed[detail]
    if detail in ("absent", "connecting", "ready", "busy", "fault"):
        return device_state(detail)
    for pattern, template in _CHECK_DETAILS:
        match = pattern.match(detail)
        if match:
            text = translate("TechnicianWords", template)
            for i, group in enumerate(match.groups(), start=1):
                text = text.replace(f"%{i}", group)
            return text
    return detail
