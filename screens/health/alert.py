"""Crisis readings to the ward's health worker: raised on the hub as a `health` alert when the resident taps
"send this reading" on the urgent banner (explicit consent), then polled until a health worker acknowledges it.
GUI thread; the hub calls run in the hub worker. The limits themselves are in kiosk/health/rules.py."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from core.health.model import device_notes

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)
POLL_MS = 3000
# What the hub shows the health worker (Vietnamese: the ward's staff read it); values as measured.
READING_LABELS = {"systolic": ("Huyết áp tâm thu", "mmHg"), "diastolic": ("Huyết áp tâm trương", "mmHg"),
                  "pulse": ("Nhịp tim", "lần/phút"), "spo2": ("SpO2", "%"), "celsius": ("Nhiệt độ", "°C")}


DEVICE_NOTES = {"device.simulated": "thiết bị trình diễn", "device.unvalidated": "thiết bị chưa được thẩm định",
                "device.calibration_overdue": "thiết bị quá hạn hiệu chuẩn",
                "device.calibration_unknown": "không rõ hạn hiệu chuẩn", "device.unknown": "không rõ thiết bị",
                "device.unregistered": "thiết bị chưa có trong sổ thiết bị của phường"}


def readings_for(measurements: list[Any]) -> dict[str, Any]:
    """The alert's readings from the visit's crisis measurements (the latest value of each kind)."""
    out: dict[str, Any] = {}
    for m in measurements:
        for key, value in m.values.items():
            if key in READING_LABELS and value is not None:
                label, unit = READING_LABELS[key]
                out[key] = {"label": label, "value": value, "unit": unit}
                notes = [DEVICE_NOTES[n] for n in device_notes(m.device) if n in DEVICE_NOTES]
                if notes:
                    out[key]["device_note"] = "; ".join(notes)
    return out


class HealthAlert(QObject):
    """One alert per visit at most; `state_changed` is the check screen's set_alert_state."""

    def __init__(self, ctx: AppContext, show_state: Any) -> None:
        super().__init__()
        self.ctx, self.show_state = ctx, show_state
        self.alert_id: str | None = None
        self._readings: dict[str, Any] = {}
        self._created_at = ""
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def send(self, readings: dict[str, Any]) -> None:
        if not readings:
            return
        if self.alert_id is None:
            self.alert_id, self._created_at = str(uuid.uuid4()), datetime.now().astimezone().isoformat()
        self._readings = readings
        log.warning("visit %s: crisis reading sent to the ward as alert %s (resident agreed)",
                    self.ctx.flow.visit.id, self.alert_id)
        self.show_state("sending")
        self._raise()

    def _raise(self) -> None:
        hub, alert_id = self.ctx.services.hub, self.alert_id
        if hub is None:
            self._raised(None)
            return
        hub.raise_alert(alert_id, "health", self._created_at, "health.check", self._readings,
                        lambda r: self._raised(r) if alert_id == self.alert_id else None)

    def _raised(self, result: Any) -> None:
        if result is None or not getattr(result, "ok", False):
            log.warning("health alert %s not delivered (%s)", self.alert_id, getattr(result, "error_code", "no hub"))
            self.show_state("offline")
            return
        self.show_state("acknowledged" if result.data.get("acknowledged") else "sent")
        if not result.data.get("acknowledged"):
            self._timer.start(POLL_MS)

    def _tick(self) -> None:
        hub, alert_id = self.ctx.services.hub, self.alert_id
        if hub is None or alert_id is None:
            self._timer.stop()
            return
        hub.alert_status(alert_id, lambda r: self._status(r) if alert_id == self.alert_id else None)

    def _status(self, result: Any) -> None:
        if getattr(result, "ok", False) and result.data.get("acknowledged"):
            self._timer.stop()
            log.info("health alert %s acknowledged", self.alert_id)
            self.show_state("acknowledged")

    def reset(self) -> None:
        self._timer.stop()
        self.alert_id, self._readings = None, {}
