"""Executes the journey's commands on the GUI thread: shows screens, runs the idle timers, wipes visits.

Owns the pure ``Flow`` (core/flow.py) and the current ``Visit``; screens' intents and timer
ticks become flow events here.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core import flow as f
from core.visit import Visit
from screens.shell.navigator import Navigator
from screens.shell.screen import Screen

log = logging.getLogger(__name__)


class FlowController(QObject):
    warning_changed = Signal(int)  # seconds left in the idle warning; 0 = hidden
    visit_reset = Signal(str)  # reason
    step_changed = Signal(str)

    def __init__(self, flow: f.Flow, navigator: Navigator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.navigator = navigator
        self.visit = Visit()
        self._entered_at = time.monotonic()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self._dispatch(f.IdleElapsed()))
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._warning_left = 0
        self._stopped = False
        navigator.screen_added.connect(self._wire)

    # ---- intents ---------------------------------------------------------------------------------
    def go(self, step: str, params: dict[str, Any] | None = None) -> None:
        # screens are built on first use: build this one now, so the flow knows its idle time before it arms it
        self.navigator.has(step)
        self._dispatch(f.Navigate(step, params or {}))

    def back(self) -> None:
        self._dispatch(f.Back())

    def home(self, reason: str = "button") -> None:
        self._dispatch(f.GoHome(reason))

    def fail(self, code: str, reference: str | None = None) -> None:
        self._dispatch(f.Failure(code, reference))

    def activity(self) -> None:
        self._dispatch(f.Activity())

    def more_time(self) -> None:
        self._dispatch(f.MoreTime())

    def stop(self) -> None:
        """The app is shutting down: no timer may fire into screens that are being destroyed."""
        self._stopped = True
        self._idle.stop()
        self._countdown.stop()

    @property
    def step(self) -> str:
        return self.flow.step

    @property
    def warning_left(self) -> int:
        return self._warning_left

    # ---- wiring -------------------------------------------------------------------------------
    def _wire(self, screen: Screen) -> None:
        self.flow.register(screen.screen_id, screen.idle_seconds)
        screen.navigate.connect(self.go)
        screen.back_requested.connect(self.back)
        screen.home_requested.connect(self.home)
        screen.failed.connect(self.fail)

    def _dispatch(self, event: f.Event) -> None:
        if self._stopped:
            return
        for command in self.flow.handle(event):
            self._execute(command)

    def _execute(self, command: f.Command) -> None:
        match command:
            case f.Show(step, params):
                now = time.monotonic()
                log.info("step -> %s (%.1f s on the previous step)", step, now - self._entered_at)
                self._entered_at = now
                try:
                    self.navigator.show_step(step, self.visit, params)
                except Exception:
                    log.exception("screen %s failed to open", step)
                    if step != f.PROBLEM:
                        self.fail("internal_error")
                    return
                self.step_changed.emit(step)
            case f.ResetVisit(reason):
                log.info("visit %s ended (%s): wiped", self.visit.id, reason)
                self.visit.wipe()
                self.visit = Visit()
                self.navigator.reset_all()
                self.visit_reset.emit(reason)
            case f.ArmIdle(seconds):
                self._idle.start(int(seconds * 1000))
            case f.DisarmIdle():
                self._idle.stop()
            case f.ShowWarning(seconds):
                self._idle.stop()
                self._warning_left = int(seconds)
                self._countdown.start()
                self.warning_changed.emit(self._warning_left)
            case f.HideWarning():
                self._countdown.stop()
                self._warning_left = 0
                self.warning_changed.emit(0)

    def _tick(self) -> None:
        self._warning_left -= 1
        if self._warning_left <= 0:
            self._countdown.stop()
            self._dispatch(f.WarningElapsed())
        else:
            self.warning_changed.emit(self._warning_left)
