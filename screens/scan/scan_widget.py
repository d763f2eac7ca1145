"""ScanWidget: live camera preview with a guide frame, hints, feedback and the manual-entry way out. GUI thread.

It renders state and emits intents; it never touches the camera (kiosk.services.scanner drives it).
Signals: ``manual_entry_requested``, ``cancelled``, ``timed_out``, ``retry_requested``.
Slots: ``start_scan(timeout_s)``, ``stop_scan()``, ``show_frame(QImage)``, ``set_camera_state(state)``,
``show_success()``, ``show_feedback(code)``, ``show_guidance(code)``, ``set_prompt(text)``, ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from screens.widgets.basics import big_button, label, restyle

HINT_SECONDS = 6
FEEDBACK_SECONDS = 4
GUIDE_FRACTION = 0.6  # of the shorter side of the preview
MISSING_STATES = ("absent", "fault")

class PreviewView(QWidget):
    """The latest camera frame, scaled to fill, with the guide frame on top (green after a success).

    The camera's thread scales the frames to this view's size (``resized`` tells it), so painting only copies
    pixels; a frame of another size (the view was just resized) is scaled here until the next one comes."""

    resized = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)  # small panels and large text: the preview gives way, the buttons stay
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.success = False
        self.overlay_text = ""

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def clear(self) -> None:
        self.image = None
        self.success = False
        self.update()

    def guide_rect(self) -> QRectF:
        side = min(self.width(), self.height()) * GUIDE_FRACTION
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit(self.width(), self.height())

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#1d2630"))
        if self.image is not None and not self.image.isNull():
            scaled = self.image
            if scaled.size() != self.size():
                scaled = scaled.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                       Qt.TransformationMode.FastTransformation)
            p.drawImage((self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled)
        guide = self.guide_rect()
        color = QColor("#1faa4a") if self.success else QColor("#ffffff")
        if self.success:
            p.fillRect(guide, QColor(31, 170, 74, 70))
        p.setPen(QPen(color, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        arm = guide.width() * 0.18
        for x, y, dx, dy in ((guide.left(), guide.top(), 1, 1), (guide.right(), guide.top(), -1, 1),
                             (guide.left(), guide.bottom(), 1, -1), (guide.right(), guide.bottom(), -1, -1)):
            p.drawLine(int(x), int(y), int(x + dx * arm), int(y))
            p.drawLine(int(x), int(y), int(x), int(y + dy * arm))
        if self.overlay_text:
            p.setPen(QColor("#ffffff"))
            font = p.font()
            font.setPixelSize(32)
            p.setFont(font)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.overlay_text)
        p.end()


class ScanWidget(QWidget):
    manual_entry_requested = Signal()
    cancelled = Signal()
    timed_out = Signal()
    retry_requested = Signal()
    preview_resized = Signal(int, int, bool)  # width, height, fill: the camera's thread scales frames to it

    def __init__(self, parent: QWidget | None = None, hint_seconds: float = HINT_SECONDS) -> None:
        super().__init__(parent)
        self.setObjectName("ScanWidget")
        self.hint_seconds = hint_seconds
        self.state = "idle"  # idle | scanning | success | timeout | missing
        self.camera_state = "connecting"
        self.feedback_code = ""
        self.guidance_code = ""  # the scanner's advice while a code is seen but not read (devices.scanner.guidance)
        self._prompt: str | None = None
        self._hint_timer = QTimer(self, singleShot=True, timeout=self._show_hint)
        self._timeout_timer = QTimer(self, singleShot=True, timeout=self._on_timeout)
        self._feedback_timer = QTimer(self, singleShot=True, timeout=lambda: self.show_feedback(""))

        self.prompt = label(name="ScanPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = PreviewView()
        self.preview.resized.connect(lambda width, height: self.preview_resized.emit(width, height, True))
        self.missing = label(name="ScanMissing")
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.preview)
        self.stack.addWidget(self.missing)
        self.hint = label(name="ScanHint")
        self.feedback = label(name="ScanFeedback")
        self.privacy = label(name="ScanPrivacy")
        for lab in (self.hint, self.feedback, self.privacy):
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.manual_button = big_button(role="secondary")
        self.retry_button = big_button(role="primary")
        self.cancel_button = big_button(role="secondary")
        self.manual_button.clicked.connect(self.manual_entry_requested)
        self.retry_button.clicked.connect(self.retry_requested)
        self.cancel_button.clicked.connect(self.cancelled)

        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        for button in (self.manual_button, self.retry_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addWidget(self.prompt)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.feedback)
        layout.addWidget(self.privacy)
        layout.addLayout(buttons)
        self.retranslate()
        self._render()

    def preview_request(self) -> tuple[int, int, bool]:
        """The size the preview is drawn at, filled (the scan routing passes it to the camera's thread)."""
        return self.preview.width(), self.preview.height(), True

    # --- slots driven by the scanner service ---
    @Slot(int)
    def start_scan(self, timeout_seconds: int = 60) -> None:
        self.state = "scanning"
        self.feedback_code = ""
        self.guidance_code = ""
        self.preview.clear()
        self.hint.setVisible(False)
        self._hint_timer.start(int(self.hint_seconds * 1000))
        self._timeout_timer.start(int(timeout_seconds) * 1000)
        self.set_camera_state("connecting")

    @Slot()
    def stop_scan(self) -> None:
        for timer in (self._hint_timer, self._timeout_timer, self._feedback_timer):
            timer.stop()
        self.state = "idle"
        self.guidance_code = ""
        self.preview.clear()  # no camera image stays on screen
        self._render()

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        if self.state in ("scanning", "success"):
            if self.camera_state != "ready":  # frames flow, so the camera works (it may have been open already)
                self.set_camera_state("ready")
            self.preview.set_image(image)

    @Slot(str)
    def set_camera_state(self, state: str) -> None:
        self.camera_state = state
        self._render()

    @Slot()
    def show_success(self) -> None:
        self.state = "success"
        self._hint_timer.stop()
        self._timeout_timer.stop()
        self.preview.success = True
        self.show_feedback("")
        self.show_guidance("")
        self._render()

    @Slot(str)
    def show_feedback(self, code: str) -> None:
        """``code``: "" (clear), "not_official", "unexpected", "unreadable", "not_id_card"."""
        self.feedback_code = code
        self.feedback.setText(self._feedback_text(code))
        self.feedback.setVisible(bool(code))
        if code:
            self._feedback_timer.start(FEEDBACK_SECONDS * 1000)

    @Slot(str)
    def show_guidance(self, code: str) -> None:
        """``code``: "" (none), "move_closer" (a code is seen but too small), "tilt_card" (glare on the card).
        Shown in the hint line, in place of the general hint, while the scanner keeps giving it."""
        self.guidance_code = code if self.state == "scanning" else ""
        self._show_hint_text()

    def _show_hint_text(self) -> None:
        advice = self._guidance_text(self.guidance_code)
        self.hint.setText(advice or self.tr("Hold the card 15–20 cm from the camera, inside the frame."))
        if advice:
            self.hint.setVisible(True)
        elif self._hint_timer.isActive() or self.state != "scanning":
            self.hint.setVisible(False)

    def set_prompt(self, text: str | None) -> None:
        """A caller-specific, already translated prompt ("Scan the QR code on your ID card"); None: default."""
        self._prompt = text
        self.prompt.setText(text or self.tr("Hold the QR code in front of the camera"))

    # --- internals ---
    def _show_hint(self) -> None:
        if self.state == "scanning":
            self.hint.setVisible(True)

    def _on_timeout(self) -> None:
        if self.state == "scanning":
            self.state = "timeout"
            self.hint.setVisible(False)
            self._render()
            self.timed_out.emit()

    def _render(self) -> None:
        missing = self.camera_state in MISSING_STATES and self.state != "success"
        self.stack.setCurrentWidget(self.missing if missing else self.preview)
        if self.state == "timeout":
            self.preview.overlay_text = self.tr("No code was read. Try again or type it in.")
            self.preview.image = None
        elif self.camera_state == "connecting" and self.state == "scanning":
            self.preview.overlay_text = self.tr("Starting the camera…")
        else:
            self.preview.overlay_text = ""
        self.preview.update()
        self.retry_button.setVisible(self.state == "timeout" or (missing and self.state != "idle"))
        self.hint.setVisible(self.hint.isVisible() and self.state == "scanning" and not missing)
        if missing:
            self.feedback.setVisible(False)
        # Without a camera (or after a timeout) typing is the way forward: make it the primary action.
        role = "primary" if missing or self.state == "timeout" else "secondary"
        if self.manual_button.property("role") != role:
            self.manual_button.setProperty("role", role)
            self.retry_button.setProperty("role", "secondary" if role == "primary" else "primary")
            for button in (self.manual_button, self.retry_button):
                restyle(button)

    def _guidance_text(self, code: str) -> str:
        return {
            "move_closer": self.tr("Please bring the card closer to the camera."),
            "tilt_card": self.tr("Light is reflecting on the card. Please tilt it a little."),
        }.get(code, "")

    def _feedback_text(self, code: str) -> str:
        return {
            "not_official": self.tr("This is not an official code. Please scan the code given by the ward."),
            "unexpected": self.tr("This code is not the one needed here."),
            "unreadable": self.tr("The code could not be read completely. Hold it still and try again."),
            "not_id_card": self.tr("This is not the QR code of an ID card. A code shown in the VNeID app cannot be "
                                   "used here: please hold the ID card itself, with its QR code facing the camera."),
        }.get(code, "")

    def retranslate(self) -> None:
        self.set_prompt(self._prompt)
        self._show_hint_text()
        self.privacy.setText(self.tr("Camera images are not stored."))
        self.missing.setText(self.tr("The camera is not available right now.\nYou can type the code in instead."))
        self.manual_button.setText(self.tr("Type it in"))
        self.retry_button.setText(self.tr("Try again"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.feedback.setText(self._feedback_text(self.feedback_code))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
