"""Scan the QR code on a ward poster (an official portal link) or a printed procedure code. GUI thread.

The area's controller connects ``scan_requested``/``scan_finished`` to the scanner (screens.scan.bridge).
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from core.formats import Kind, ScanResult
from screens.procedures.base import CatalogueScreen
from screens.scan.scan_widget import ScanWidget
from screens.widgets.basics import title
from screens.widgets.blocks import page_layout, plain_label


class ProcedureScanScreen(CatalogueScreen):
    """Scan the QR code on a ward poster (an official portal link) or a printed procedure code."""

    screen_id = "procedures.scan"
    scan_requested = Signal(object, object)  # ScanWidget, purposes
    scan_finished = Signal()

    def build(self) -> None:
        outer = page_layout(self, (48, 24, 48, 16), 14)
        self.heading = title()
        self.message = plain_label(name="ErrorText")
        self.message.hide()
        self.scan = ScanWidget()
        self.scan.manual_entry_requested.connect(lambda: self.navigate.emit("procedures.search", {}))
        self.scan.cancelled.connect(self.back_requested)
        # A short landscape panel (1366×768) has no height for the words above the camera: they go beside it.
        outer.addLayout(self.words_beside([self.heading, self.message], self.scan), 1)
        self.message_code = ""

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self._show("")
        self.scan_requested.emit(self.scan, {Kind.PROCEDURE})

    def leave(self) -> None:
        self.scan_finished.emit()
        super().leave()

    def reset(self) -> None:
        super().reset()
        self._show("")

    def on_scan_result(self, result: ScanResult) -> None:
        """A procedure code or an official link was read (untrusted links never get here)."""
        cat = self.catalogue
        proc = cat.resolve(result.value) if cat is not None else None
        if proc is None:
            self._show("unknown")
            self.scan_requested.emit(self.scan, {Kind.PROCEDURE})  # keep looking: another code may follow
            return
        self.navigate.emit("procedures.detail", {"code": proc.code})

    def scanner_unavailable(self) -> None:
        self.scan.set_camera_state("absent")
        self.scan.state = "idle"

    def _show(self, code: str) -> None:
        self.message_code = code
        self.message.setVisible(bool(code))
        self.message.setText(self.tr("This code is official, but the procedure is not in this station's list "
                                     "yet. Please ask the staff.") if code == "unknown" else "")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Scan the code on a poster"))
        self.scan.set_prompt(self.tr("Hold the poster's QR code in front of the camera"))
        self._show(self.message_code)
