"""The ward's device registry, as the station sees it. Qt-free; the file functions run on worker threads only.

Each heartbeat reports the station's health devices (model, serial, what the local configuration says about
validation and calibration); the hub answers, per device, whether its registry knows that model and serial and
when its calibration is due (central/alerts.py ``registry_status``). Whoever sends the heartbeat (the GUI's sync
worker or tram-kiosk-sync.service) keeps that answer in ``device_registry.json`` in the data directory, with the
model and serial it was about; a health worker reads it when a measurement starts and stamps every reading, so the
results screen and the slip can say "not in the ward's registry" or "calibration overdue" (core/health/model.py).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from pathlib import Path
from typing import Any

from core.health.reading import DeviceInfo

log = logging.getLogger(__name__)
REGISTRY_FILE = "device_registry.json"
HEALTH_DEVICES = ("oximeter", "blood_pressure", "scale", "thermometer")
MAX_TEXT = 100


def _text(value: Any) -> str:
    return str(value).strip()[:MAX_TEXT] if isinstance(value, str) else ""


def reported_devices(health: Any, states: dict[str, Any]) -> dict[str, Any]:
    """The heartbeat's ``devices``: every state as it is, and each health device the station runs (it has a
    state) with its identity (``{"state", "model", "serial", "validated", "calibration_due", "simulated"}``)
    for the hub's registry. A device without a state is left out, not reported as a fault."""
    out: dict[str, Any] = dict(states)
    for name in HEALTH_DEVICES:
        settings = getattr(health, name, None)
        if settings is None or getattr(settings, "kind", "none") == "none" or name not in states:
            continue
        state = states[name]
        out[name] = {"state": state.get("state", "unknown") if isinstance(state, dict) else str(state),
                     "model": _text(getattr(settings, "model", "")), "serial": _text(getattr(settings, "serial", "")),
                     "validated": bool(getattr(settings, "validated", False)),
                     "calibration_due": _text(getattr(settings, "calibration_due", "")),
                     "simulated": settings.kind == "simulated"}
    return out


def registry_entries(reported: dict[str, Any], answer: Any) -> dict[str, dict[str, Any]]:
    """What to keep of the hub's answer (untrusted): per reported health device, the model and serial it was
    about, whether it is registered, and the registry's calibration due date ("" when none)."""
    entries: dict[str, dict[str, Any]] = {}
    answer = answer if isinstance(answer, dict) else {}
    for name in HEALTH_DEVICES:
        device = reported.get(name)
        if not isinstance(device, dict):
            continue
        got = answer.get(name)
        registered = got.get("registered") if isinstance(got, dict) else None
        entries[name] = {"model": device.get("model", ""), "serial": device.get("serial", ""),
                         "registered": registered if isinstance(registered, bool) else None,
                         "calibration_due": _date_text(got.get("calibration_due") if isinstance(got, dict) else "")}
    return entries


def _date_text(value: Any) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat() if isinstance(value, str) and len(value) == 10 else ""
    except ValueError:
        return ""


def save_registry(data_dir: Path, entries: dict[str, dict[str, Any]], at: str) -> None:
    """Atomically (a reader never sees half a file); mode 0600 like the station's other state."""
    path = Path(data_dir) / REGISTRY_FILE
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, json.dumps({"at": at, "devices": entries}, ensure_ascii=False).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def load_entry(path: str | Path, name: str) -> dict[str, Any] | None:
    """The kept answer about device ``name``, or None (no file yet, unreadable, or not ours)."""
    if not path:
        return None
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    devices = doc.get("devices") if isinstance(doc, dict) else None
    entry = devices.get(name) if isinstance(devices, dict) else None
    return entry if isinstance(entry, dict) else None


def with_registry(info: DeviceInfo, entry: dict[str, Any] | None) -> DeviceInfo:
    """``info`` with what the ward's registry says. The hub's calibration date wins over the local one; an answer
    about another model or serial (the configuration changed since) is not used. A real device without a serial
    number cannot be in the registry."""
    if info.device_id.startswith("sim-"):
        return info
    if not info.serial:
        return dataclasses.replace(info, registered=False)
    if entry is None or (entry.get("model"), entry.get("serial")) != (info.model, info.serial):
        return info  # the hub has not answered about this device yet: the local configuration speaks alone
    registered = entry.get("registered")
    if registered is True:
        due = entry.get("calibration_due") or ""
        return dataclasses.replace(info, registered=True, calibration_due=due if isinstance(due, str) else "")
    if registered is False:
        return dataclasses.replace(info, registered=False)
    return info
