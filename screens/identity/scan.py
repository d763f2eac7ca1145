""""identity.scan": hold the ID card's QR code to the camera; the draft goes to the confirm screen. GUI thread.

The area's controller connects ``scan_requested``/``scan_finished`` to the scanner (screens.scan.bridge).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal

from core.formats import Kind, ScanResult
from screens.identity import model
from screens.identity.base import IdentityScreen
from screens.scan.scan_widget import ScanWidget
from screens.widgets.basics import label, title
from screens.widgets.blocks import page_layout


class IdentityScanScreen(IdentityScreen):
    screen_id = "identity.scan"
    scan_requested = Signal(object, object)
    scan_finished = Signal()

    def build(self) -> None:
        outer = page_layout(self, (48, 24, 48, 16), 12)
        self.heading = title()
        self.privacy = label(name="Subtitle")
        self.scan = ScanWidget()
        self.scan.manual_entry_requested.connect(self.type_instead)
        self.scan.cancelled.connect(self.back_requested)
        # A short landscape panel (1366×768) has no height for the words above the camera: they go beside it.
        self.row = self.words_beside([self.heading, self.privacy], self.scan)
        outer.addLayout(self.row, 1)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.scan_requested.emit(self.scan, {Kind.ID_CARD})

    def leave(self) -> None:
        self.scan_finished.emit()
        super().leave()

    def type_instead(self) -> None:
        self.navigate.emit("identity.manual", {})

    def on_scan_result(self, result: ScanResult) -> None:
        if self.visit is None:
            return
        self.visit.data[model.DRAFT_KEY] = model.from_card(result.value)
        self.navigate.emit("identity.confirm", {})

    def scanner_unavailable(self) -> None:
        self.scan.set_camera_state("absent")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Scan your ID card"))
        self.privacy.setText(self.tr("Hold the QR code of your citizen ID card to the camera. Your details are "
                                     "used only for this visit and erased when you leave."))
        self.scan.set_prompt(self.tr("Show the QR code on your ID card"))

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"return_to": "report.review", "purpose": "report", "step": [5, 6]}
