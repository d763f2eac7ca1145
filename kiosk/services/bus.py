"""App-wide status signals (ANCHORS §5.8): one instance, created by the app and passed around.

Runs on the GUI thread. Workers and screens never import each other; they meet here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppBus(QObject):
    # device name ("camera", "printer", "oximeter", ...), DeviceState value, technician detail
    device_state_changed = Signal(str, str, str)
    # a dict: counts per status, oldest_unsent_age_seconds, last_success_at, last_attempt_at,
    # last_error, phase ("idle" | "syncing" | "offline" | "auth_problem"), online (bool)
    sync_status_changed = Signal(object)
    language_changed = Signal(str)  # "vi" | "en"
    large_text_changed = Signal(bool)
    technician_mode_changed = Signal(bool)
    # which procedure catalogue residents see: {"source": "hub" | "built-in" | "none", "version", "fetched_at",
    # "refused": {"version", "problem"} | absent} (kiosk.services.catalogue)
    catalogue_changed = Signal(object)
    # an audio cue by name ("scan-ok", "scan-fail", "cuff-on", "hold-still", "cuff-done": devices/voice/cues.py);
    # the app plays it through the voice service, off the GUI thread
    cue_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        # The latest state of each device and of the sync, for what is built after they were reported (areas are
        # built lazily: the technician screens must not miss the printer's "ready" sent at start-up).
        self.device_states: dict[str, str] = {}
        self.sync_status: dict[str, object] = {}
        self.catalogue_info: dict[str, object] = {}
        self.device_state_changed.connect(self._remember_device)
        self.catalogue_changed.connect(self._remember_catalogue)
        self.sync_status_changed.connect(self._remember_sync)

    def _remember_device(self, name: str, state: str, _detail: str) -> None:
        self.device_states[name] = state

    def _remember_catalogue(self, info: object) -> None:
        self.catalogue_info = dict(info) if isinstance(info, dict) else {}

    def _remember_sync(self, status: object) -> None:
        if isinstance(status, dict):
            self.sync_status.update(status)
