"""Step 2 of "Nộp hồ sơ" when the identity area is not on this build (``dossier.identity``): scan the QR
code on the ID card. GUI thread. With ``screens/identity`` installed, the dossier uses ``identity.scan``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk.visit import Visit
from screens.dossier.common import STEPS
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.basics import label, title


class IdentityScanScreen(Screen):
    screen_id = "dossier.identity"

    scan_requested = Signal(object)  # the ScanWidget
    scan_stopped = Signal()

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 20)
        layout.setSpacing(16)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.scan = ScanWidget()
        self.scan.cancelled.connect(self.back_requested)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.scan, 1)

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.scan_requested.emit(self.scan)

    def leave(self) -> None:
        self.scan_stopped.emit()

    def reset(self) -> None:
        super().reset()
        self.scan_stopped.emit()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Scan your ID card"))
        self.hint.setText(self.tr("Hold the QR code of your citizen ID card in front of the camera. "
                                  "It fills in your name, date of birth and address for you."))
        self.scan.set_prompt(self.tr("Hold the QR code of your ID card in the frame"))

    def step_info(self) -> tuple[int, int]:
        return 2, STEPS

    def title(self) -> str:
        return self.tr("Scan your ID card")
