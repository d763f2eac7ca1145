"""The technician screen's `kiosk doctor`: the checks run in this worker's thread (network, disk, sysfs).

The serial devices, camera and printer are owned by their own workers while the app runs, so here they
are judged from the states those workers report (passed in), not by opening the ports a second time.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot

from core.threads import Worker

log = logging.getLogger(__name__)

GOOD_DEVICE_STATES = ("ready", "busy")  # devices.base.DeviceState


def device_checks(states: dict[str, str]) -> list[Any]:
    from kiosk.appliance.doctor import Check

    out = []
    for name, state in sorted(states.items()):
        good = state in GOOD_DEVICE_STATES
        fix = "" if good else f"check the {name}'s cable, power and paper; `kiosk devices list` shows the adapters"
        out.append(Check(f"device {name}", good, state, fix))
    return out


class DoctorWorker(Worker):
    finished_checks = Signal(object)  # {"checks": [Check as dict], "adapters": [PluggedDevice as dict + rule]}

    def __init__(self, config: Any, data_dir: Path, sysfs: Path = Path("/sys")) -> None:
        super().__init__()
        self._config, self._data_dir, self._sysfs = config, data_dir, sysfs

    @Slot(object)
    def run_checks(self, device_states: dict[str, str]) -> None:
        from kiosk.appliance import doctor
        from kiosk.appliance.usb import list_devices, rule_for

        checks = (doctor.check_config, doctor.check_hub, doctor.check_disk_and_queue, doctor.check_services,
                  doctor.check_fonts, doctor.check_catalogue)
        results = doctor.run_checks(doctor.Context(self._config, self._data_dir, self._sysfs), checks)
        results += device_checks(device_states)
        adapters = []
        try:
            for device in list_devices(self._sysfs):
                row = device.to_dict()
                row["rule"] = "" if device.role else rule_for(device, "ROLE")
                adapters.append(row)
        except OSError as exc:
            log.warning("cannot list USB adapters: %s", exc)
        self.finished_checks.emit({"checks": [dataclasses.asdict(c) for c in results], "adapters": adapters})
