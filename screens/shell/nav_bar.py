"""The bar under every screen but home: Back on the left, Home on the right, "step n of m" between.

Always in the same place (DESIGN §6), so residents learn it once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from screens.shell.theme import screen_panel_scale
from screens.widgets.basics import big_button, label


class NavBar(QWidget):
    back_clicked = Signal()
    home_clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        scale = screen_panel_scale()  # a smaller panel draws everything smaller (theme.panel_scale)
        row.setContentsMargins(round(24 * scale), round(12 * scale), round(24 * scale), round(12 * scale))
        self.back = big_button(role="secondary")
        self.home = big_button(role="secondary")
        self.step = label(name="StepLabel")
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back.setMinimumWidth(round(300 * scale))
        self.home.setMinimumWidth(round(300 * scale))
        row.addWidget(self.back)
        row.addWidget(self.step, 1)
        row.addWidget(self.home)
        self.back.clicked.connect(self.back_clicked)
        self.home.clicked.connect(self.home_clicked)
        self._step: tuple[int, int] | None = None
        self.retranslate()

    def set_step(self, info: tuple[int, int] | None) -> None:
        self._step = info
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("◀  Back"))
        self.home.setText(self.tr("⌂  Home"))
        self.step.setText(self.tr("Step %1 of %2").replace("%1", str(self._step[0])).replace(
            "%2", str(self._step[1])) if self._step else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
