"""READY=1 when the home screen is interactive, WATCHDOG=1 from the GUI event loop. GUI thread.

The ping timer is a QTimer on the GUI thread on purpose: when the event loop is blocked (a frozen
screen), the pings stop and systemd kills and restarts the kiosk (``WatchdogSec=`` in
deploy/systemd/tram-kiosk.service). A ping from any other thread would keep a frozen UI alive.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.appliance import sdnotify

log = logging.getLogger(__name__)
EXPOSE_POLL_MS = 50


class SystemdNotifier(QObject):
    """Tells systemd the kiosk is ready once ``window`` is shown, then pings from the event loop."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.ready_sent = False
        self._ready_timer = QTimer(self)
        self._ready_timer.setInterval(EXPOSE_POLL_MS)
        self._ready_timer.timeout.connect(self._check_ready)
        self._ping_timer = QTimer(self)
        self._ping_timer.timeout.connect(sdnotify.watchdog_ping)
        interval = sdnotify.watchdog_interval()
        if interval is not None:
            self._ping_timer.setInterval(max(1, int(interval * 1000)))

    def start(self) -> None:
        self._ready_timer.start()
        if self._ping_timer.interval() > 0 and sdnotify.watchdog_interval() is not None:
            sdnotify.watchdog_ping()
            self._ping_timer.start()
            log.info("systemd watchdog: ping every %d ms from the GUI thread", self._ping_timer.interval())

    def stop(self) -> None:
        self._ready_timer.stop()
        self._ping_timer.stop()
        if self.ready_sent:
            sdnotify.stopping()

    def _check_ready(self) -> None:
        """Ready means the resident can touch the home screen: the window is visible and exposed."""
        handle = self._window.windowHandle()
        if not self._window.isVisible() or handle is None or not handle.isExposed():
            return
        self._ready_timer.stop()
        self.ready_sent = True
        sdnotify.ready("home screen shown")
        log.info("systemd: READY=1 (home screen interactive)")
