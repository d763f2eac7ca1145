"""Report step "photo" (optional): hold a photo or the thing you report to the camera and take up to three
pictures. GUI thread. The step exists only when the camera service can take stills (``capture_still``);
the pictures stay in the visit until the report is saved (encrypted attachments), and go with the visit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from core.formats import ScanResult
from screens.report.base import _ReportScreen
from screens.scan.scan_widget import ScanWidget
from screens.widgets.action_page import scaled
from screens.widgets.basics import big_button, label, restyle
from screens.widgets.fit_row import FitRow

MAX_PHOTOS = 3
THUMB_PX = 360


class PhotoCamera(ScanWidget):
    """The scan widget as a plain live view: codes the camera happens to see are not commented on here."""

    def show_feedback(self, code: str) -> None:
        super().show_feedback("")

    def retranslate(self) -> None:
        super().retranslate()
        self.missing.setText(self.tr("The camera is not working right now.\nYou can go on without a picture."))


class ReportPhotoScreen(_ReportScreen):
    screen_id = "report.photo"
    step_key = "photo"
    scan_requested = Signal(object, object)  # the camera preview widget, purposes (none: photos only)
    scan_finished = Signal()
    capture_requested = Signal()

    def build(self) -> None:
        outer, body = self.page(side=40, top=16, bottom=12, spacing=10)
        self.hint = label(name="Subtitle")
        self.camera = PhotoCamera()
        self.camera.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for button in (self.camera.manual_button, self.camera.cancel_button):
            button.hide()  # a photo, not a code: nothing to type, and Back is in the nav bar
        self.camera.timed_out.connect(lambda: self.scan_requested.emit(self.camera, set()))
        side = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(scaled(THUMB_PX), scaled(THUMB_PX) * 9 // 16)
        self.count = label(name="OkText")
        self.error = label(name="ErrorText")
        self.take = big_button()
        self.take.clicked.connect(self.capture)
        self.remove = big_button(role="secondary")
        self.remove.clicked.connect(self.remove_last)
        for widget in (self.preview, self.count, self.error):
            side.addWidget(widget)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(scaled(24))
        row.addWidget(self.camera, 3)
        row.addLayout(side, 2)
        self.next = big_button(role="secondary")
        self.next.clicked.connect(lambda: self.navigate.emit(self.next_step(), {}))
        body.addWidget(self.hint)
        body.addLayout(row, 1)
        # the fixed bar: taking a picture is the step's main action; going on without one is the other choice
        bar = FitRow(spacing=scaled(16))
        bar.add(self.remove, 2)
        bar.add(self.next, 2)
        bar.add(self.take, 3)
        outer.addLayout(bar)
        self.busy = False

    @property
    def photos(self) -> list[bytes]:
        return self.draft.setdefault("photos", [])

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.busy = False
        self.error.clear()
        self.scan_requested.emit(self.camera, set())
        self._render()

    def leave(self) -> None:
        self.scan_finished.emit()
        super().leave()

    def reset(self) -> None:
        super().reset()
        self.busy = False
        self.preview.clear()
        self.error.clear()
        self._render()

    def capture(self) -> None:
        if self.busy or len(self.photos) >= MAX_PHOTOS:
            return
        self.busy = True
        self.error.clear()
        self._render()
        self.capture_requested.emit()

    def add_photo(self, data: bytes | None) -> None:
        """The controller's answer: JPEG bytes, or None when no picture could be taken."""
        self.busy = False
        if self.visit is None:
            return
        if data:
            self.photos.append(bytes(data))
        else:
            self.error.setText(self.tr("No picture could be taken. You can continue without one."))
        self._render()

    def remove_last(self) -> None:
        if self.photos:
            self.photos.pop()
        self._render()

    def _render(self) -> None:
        photos = self.photos if self.visit is not None else []
        if photos:
            pixmap = QPixmap()
            pixmap.loadFromData(photos[-1])
            self.preview.setPixmap(pixmap.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.clear()
        self.count.setText(self.tr("Pictures taken: %1 of %2").replace("%1", str(len(photos))).replace(
            "%2", str(MAX_PHOTOS)))
        self.take.setEnabled(not self.busy and len(photos) < MAX_PHOTOS)
        self.remove.setVisible(bool(photos))
        self.error.setVisible(bool(self.error.text()))  # an empty line would push "Skip" under the footer
        self.next.setText(self.tr("Continue  ▶") if photos else self.tr("Skip: no picture  ▶"))
        role = "primary" if len(photos) >= MAX_PHOTOS else "secondary"  # all taken: going on is what is left
        if self.next.property("role") != role:
            self.next.setProperty("role", role)
            restyle(self.next)

    # the scan bridge's callbacks: codes are not wanted here
    def on_scan_result(self, result: ScanResult) -> None:
        pass

    def scanner_unavailable(self) -> None:
        self.camera.set_camera_state("absent")

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("A picture (optional)"))
        self.hint.setText(self.tr("Hold a photo or the thing you report in front of the camera, then touch "
                                  "“Take a picture”. Do not photograph people's faces."))
        self.camera.set_prompt(self.tr("Point the camera at what you want to show"))
        self.take.setText(self.tr("◉  Take a picture"))
        self.remove.setText(self.tr("Delete the last picture"))
        self._render()
