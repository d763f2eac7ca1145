"""The camera's live view while a resident places a paper for a photo. GUI thread; renders frames only.

It speaks the scan-widget protocol the ScannerService drives (``start_scan``, ``stop_scan``, ``show_frame``,
``set_camera_state``, ``show_success``, ``show_feedback`` and the ``retry_requested``/``timed_out`` signals)
but is not about codes: codes the camera happens to see on a paper are ignored, and it never times out
while the photo step is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

MISSING = ("absent", "fault")


class PhotoView(QWidget):
    retry_requested = Signal()
    timed_out = Signal()
    preview_resized = Signal(int, int, bool)  # width, height, fill (never: the whole paper shows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(320, 180)  # it gives way to the buttons, but never to nothing
        self.image: QImage | None = None
        self.camera_state = "connecting"
        self.texts = {"connecting": "", "missing": ""}

    # -- the scan routing's side (screens.scan.routing.ScanView) ----------------------------------------
    def preview_request(self) -> tuple[int, int, bool]:
        """The camera's thread scales the frames to fit this view: painting then only copies pixels."""
        return self.width(), self.height(), False

    def start_scan(self, timeout_seconds: int = 0) -> None:
        self.update()

    def stop_scan(self) -> None:
        self.image = None
        self.update()

    def show_frame(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_camera_state(self, state: str) -> None:
        self.camera_state = state
        if state in MISSING:
            self.image = None
        self.update()

    def show_success(self) -> None:
        """Not used: no code is wanted here."""

    def show_feedback(self, code: str) -> None:
        """A code on the paper is not a problem: say nothing."""

    def show_guidance(self, code: str) -> None:
        """Not used: a viewfinder for documents gets no advice about codes."""

    # -- drawing -----------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.preview_resized.emit(self.width(), self.height(), False)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1d2630"))
        if self.image is not None and not self.image.isNull():
            scaled = self.image
            fits = scaled.width() <= self.width() and scaled.height() <= self.height()
            if not (fits and (scaled.width() == self.width() or scaled.height() == self.height())):
                # a frame made for another size (the view was just resized): scaled here until the next one
                scaled = scaled.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            p.drawImage((self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled)
            return
        text = self.texts["missing"] if self.camera_state in MISSING else self.texts["connecting"]
        p.setPen(QColor("white"))
        font = p.font()
        font.setPixelSize(30)
        p.setFont(font)
        p.drawText(self.rect().adjusted(24, 24, -24, -24), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   text)
