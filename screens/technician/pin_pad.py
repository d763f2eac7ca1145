"""The PIN pad behind the hidden gesture: digits only, masked, locks out after repeated wrong PINs."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout

from core.pin import PinGate
from core.visit import Visit
from screens.shell.screen import Screen
from screens.widgets.action_page import scaled
from screens.widgets.basics import big_button, label, panel_is_portrait, title
from screens.widgets.blocks import Orientable


def clock(seconds: int) -> str:
    """4:05 or 1:04:05: a lockout grows to a day, and a count of seconds that long says little."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class PinPadScreen(Orientable, Screen):
    screen_id = "technician.pin"
    idle_seconds = 60
    unlocked = Signal()

    def __init__(self, gate: PinGate) -> None:
        self.gate = gate
        self._pin = ""
        self._status = ""
        self.seconds_locked = 0  # what the lockout countdown shows (0: not locked)
        super().__init__()
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._refresh_lock)

    def build(self) -> None:
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        # upright: the title and the dots above the keys; landscape: beside them, so the keys have the stage's
        # whole height (a 1366×768 panel has about 480 px under the header)
        self.pad = col = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        col.setSpacing(scaled(12))
        info = QVBoxLayout()
        info.setSpacing(scaled(12))
        self.heading = title()
        self.display = label(name="PinDisplay", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = label(name="ErrorText")
        info.addWidget(self.heading)
        info.addWidget(self.display)
        info.addWidget(self.status)
        info.addStretch(1)
        col.addLayout(info)
        grid = QGridLayout()
        grid.setSpacing(scaled(12))
        self.keys = {}
        for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = big_button(key, role="secondary" if key in "⌫" else "primary")
            button.setObjectName("KeyButton")
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        col.addLayout(grid)
        col.addStretch(1)  # upright: the keys right under the dots, the room below them
        outer.addLayout(col, 4 if panel_is_portrait() else 6)
        outer.addStretch(1)
        self.orient(col, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)

    def _press(self, key: str) -> None:
        if self.gate.locked_for(time.time()) > 0:
            return
        if key == "⌫":
            self._pin = self._pin[:-1]
        elif key == "OK":
            self._submit()
            return
        elif len(self._pin) < 12:
            self._pin += key
        self._show()

    def _submit(self) -> None:
        attempt = self.gate.try_pin(self._pin, time.time())
        self._pin = ""
        if attempt.ok:
            self._status = ""
            self._show()
            self.unlocked.emit()
            return
        if attempt.locked_for > 0:
            self._lock_timer.start()
            self._refresh_lock()
        else:
            self._status = self.tr("Wrong PIN. %1 tries left.").replace("%1", str(attempt.remaining_tries))
        self._show()

    def _refresh_lock(self) -> None:
        """Keys off and the time left, ticking every second, while locked (also a lockout from before a restart:
        the gate read it from its file)."""
        left = self.gate.locked_for(time.time())
        locked = left > 0
        for button in self.keys.values():
            button.setEnabled(not locked)
        if locked:
            self.seconds_locked = int(left + 0.999)
            self._status = self.tr("Too many wrong PINs. Try again in %1.").replace(
                "%1", clock(self.seconds_locked))
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        else:
            self.seconds_locked = 0
            self._lock_timer.stop()
            self._status = ""
        self._show()

    @property
    def is_locked(self) -> bool:
        return self.gate.locked_for(time.time()) > 0

    def _show(self) -> None:
        self.display.setText("•" * len(self._pin) if self._pin else " ")
        self.status.setText(self._status)

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self._pin = ""
        self._refresh_lock()

    def reset(self) -> None:
        super().reset()
        self._pin = ""
        self._show()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Technician access: enter the PIN"))
        self._show()
