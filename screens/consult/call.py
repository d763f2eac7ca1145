"""The call, full screen: the doctor large, the resident small, captions of the doctor's typed messages,
volume and a big "End". Renders what the controller says; never touches the call itself. GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screens.health.widgets import action_button
from screens.shell.screen import Screen
from screens.widgets.basics import label, restyle

SELF_VIEW_SHARE = 0.22  # of the video area's width


def sample_portrait(width: int, height: int, background: str) -> QImage:
    """A head-and-shoulders silhouette, for screenshots (no real face in the repository)."""
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor(background))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e8d5c0"))
    p.drawEllipse(width // 2 - height // 8, height // 4, height // 4, height // 3)
    p.setBrush(QColor("#f4f4f4"))
    p.drawEllipse(width // 2 - height // 3, height * 5 // 8, height * 2 // 3, height // 2)
    p.end()
    return image


class VideoStage(QWidget):
    """The doctor's picture filling the stage, the resident's own small in the bottom-right corner."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ConsultStage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.remote = QLabel(self)
        self.remote.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remote.setObjectName("ConsultRemote")
        self.remote.setWordWrap(True)  # the state is written here until the doctor's picture arrives
        self.local = QLabel(self)
        self.local.setObjectName("ConsultSelf")
        self.local.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.rect()
        self.remote.setGeometry(area)
        w = int(area.width() * SELF_VIEW_SHARE)
        h = min(w * 3 // 4, area.height() // 3)
        w = h * 4 // 3
        self.local.setGeometry(area.width() - w - 20, area.height() - h - 20, w, h)
        self.local.raise_()


class ConsultCallScreen(Screen):
    screen_id = "consult.call"
    idle_seconds = 0  # a resident talking to a doctor does not touch the screen: never time out mid-call
    show_nav = False  # full screen: "End call" is the way out (it hangs up on both sides)

    end_requested = Signal()
    volume_changed = Signal(int)

    def build(self) -> None:
        self._state, self._doctor, self.volume = "connecting", "", 80
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.banner = label(name="Subtitle")
        self.banner.setObjectName("ConsultBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.banner)
        self.stage = VideoStage()
        self.remote, self.local = self.stage.remote, self.stage.local
        layout.addWidget(self.stage, 1)
        self.caption = label(name="Body")
        self.caption.setObjectName("ConsultCaption")
        self.caption.hide()
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        self.quieter = action_button("secondary", "ConsultQuieter", lambda: self._step_volume(-20))
        self.volume_label = label(name="Body")
        self.volume_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.louder = action_button("secondary", "ConsultLouder", lambda: self._step_volume(20))
        self.end_button = action_button("danger", "ConsultEnd", self.end_requested, stretch=2)
        row.addWidget(self.quieter, 2)  # their words need more room than the volume between them
        row.addWidget(self.volume_label, 1)
        row.addWidget(self.louder, 2)
        row.addSpacing(40)
        row.addWidget(self.end_button, 4)
        layout.addLayout(row)

    def enter(self, visit: Any, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("sample"):  # screenshots/self-test: a drawn portrait stands in for the doctor's camera
            self.set_state("connected", "BS. Trần Thị Lan")
            self.show_caption(self.tr("Please sit still and breathe normally."))
            QTimer.singleShot(0, lambda: (self.show_remote(sample_portrait(960, 720, "#3d6e8f")),
                                          self.show_self(sample_portrait(320, 240, "#7a5c3d"))))

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": True}

    # -- from the controller -------------------------------------------------------------------
    def set_state(self, state: str, doctor: str = "") -> None:
        """connecting | connected | reconnecting | degraded"""
        self._state, self._doctor = state, doctor or self._doctor
        self._render()

    def show_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    def show_remote(self, image: QImage) -> None:
        self.remote.setPixmap(QPixmap.fromImage(image).scaled(self.remote.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                              Qt.TransformationMode.SmoothTransformation))

    def show_self(self, image: QImage) -> None:
        self.local.setPixmap(QPixmap.fromImage(image).scaled(self.local.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                             Qt.TransformationMode.SmoothTransformation))

    def set_volume(self, percent: int) -> None:
        self.volume = max(0, min(100, percent))
        self._render()

    def _step_volume(self, delta: int) -> None:
        self.set_volume(self.volume + delta)
        self.volume_changed.emit(self.volume)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        area = self.stage.rect()
        self.remote.setGeometry(area)
        w = int(area.width() * SELF_VIEW_SHARE)
        h = w * 3 // 4
        self.local.setGeometry(area.width() - w - 20, area.height() - h - 20, w, h)
        self.local.raise_()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._place()

    def reset(self) -> None:
        super().reset()
        self._state, self._doctor = "connecting", ""
        self.remote.clear()
        self.local.clear()
        self.show_caption("")
        self._render()

    def _render(self) -> None:
        doctor = self._doctor or self.tr("the doctor")
        texts = {
            "connecting": self.tr("Connecting you with %1…").replace("%1", doctor),
            "connected": self.tr("You are talking with %1").replace("%1", doctor),
            "reconnecting": self.tr("The connection was interrupted. Reconnecting, please wait…"),
            "degraded": self.tr("The network is weak: the call goes on with sound only. You can still talk with %1; "
                                "the picture comes back when the network is better.").replace("%1", doctor),
        }
        self.banner.setText(texts.get(self._state, ""))
        self.banner.setProperty("warning", self._state in ("reconnecting", "degraded"))
        restyle(self.banner)
        if self.remote.pixmap() is None or self.remote.pixmap().isNull():
            self.remote.setText(texts.get(self._state, ""))
        self.volume_label.setText(self.tr("Volume %1%").replace("%1", str(self.volume)))

    def retranslate(self) -> None:
        self.quieter.setText(self.tr("Quieter"))
        self.louder.setText(self.tr("Louder"))
        self.end_button.setText(self.tr("End call"))
        self._render()
