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
