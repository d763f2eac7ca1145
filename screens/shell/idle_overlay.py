"""The idle warning: a large countdown and one big "more time" button (WCAG 2.2.1, DESIGN §6)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from screens.shell.overlay import Overlay
from screens.widgets.basics import big_button, label, title


class IdleOverlay(Overlay):
    more_time = Signal()
    go_home = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.heading = title()
        self.explain = label()
        self.countdown = label(name="Countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more_button = big_button(role="ok")
        self.home_button = big_button(role="secondary")
        row = QHBoxLayout()
        row.addWidget(self.home_button)
        row.addWidget(self.more_button, 2)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.body.addWidget(self.countdown)
        self.body.addLayout(row)
        self.more_button.clicked.connect(self.more_time)
        self.home_button.clicked.connect(self.go_home)
        self._seconds = 0
        self.retranslate()

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        if seconds <= 0:
            self.hide()
            return
        self.countdown.setText(str(seconds))
        self.retranslate()
        if not self.isVisible():
            self.open()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Do you need more time?"))
        self.explain.setText(self.tr("For your privacy, the screen will return to the start in %1 seconds "
                                     "and what you entered will be erased.").replace("%1", str(self._seconds)))
        # Says what the resident does ("I am still here"), on private screens as on any other.
        self.more_button.setText(self.tr("I'm still here"))
        self.home_button.setText(self.tr("Finish now"))
