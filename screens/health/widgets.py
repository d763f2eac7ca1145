"""Widgets of the health screens: guidance picture, live pleth wave, result card, urgent banner. GUI thread."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.health.rules import Level
from core.paths import asset
from screens.health import texts
from screens.shell import theme
from screens.widgets.action_page import scaled
from screens.widgets.basics import big_button, label
from screens.widgets.fit_row import FitRow


def shrinkable(widget: QWidget) -> QWidget:
    """Let a button be narrower than its text on a portrait panel instead of widening the window."""
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
    return widget


def action_button(role: str, name: str, signal, stretch: int = 1) -> QPushButton:
    """A shrinkable touch button that emits ``signal``; ``stretch`` is its share of the row."""
    button = shrinkable(big_button(role=role))
    button.setObjectName(name)
    button.clicked.connect(signal)
    button.setProperty("stretch", stretch)
    return button


def button_row(*buttons: QPushButton) -> FitRow:
    """Side by side when the words fit, else two by two (a portrait panel): a label is never cut."""
    row = FitRow()
    for button in buttons:
        row.add(button, int(button.property("stretch") or 1))
    return row


class Picture(QSvgWidget):
    """A guidance picture from core/assets/images/health, kept at its 4:3 shape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(scaled(480), scaled(360))  # 4:3, smaller on a smaller panel
        self.file = ""

    def show_file(self, name: str) -> None:
        self.file = name
        self.load(str(asset("images", "health", name)))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)


class PlethView(QWidget):
    """The pulse wave of the oximeter, newest sample on the right (latest wins, nothing queues)."""

    def __init__(self, samples: int = 240, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(scaled(160))
        self._data: deque[int] = deque(maxlen=samples)

    def add(self, values: tuple[int, ...] | list[int]) -> None:
        self._data.extend(values)
        self.update()

    def clear(self) -> None:
        self._data.clear()
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if len(self._data) < 2:
            return
        w, h = self.width(), self.height()
        step = w / (self._data.maxlen - 1)
        start = self._data.maxlen - len(self._data)
        pts = QPolygonF([QPointF((start + i) * step, h - 8 - (v / 127) * (h - 16)) for i, v in enumerate(self._data)])
        p.setPen(QPen(QColor(theme.ACCENT), 4))
        p.drawPolyline(pts)


def level_badge(level: Level) -> QLabel:
    _colour, glyph = texts.LEVEL_STYLE[level]
    badge = label(f"{glyph}  {texts.level_name(level)}", "HealthBadge", wrap=False)
    badge.setProperty("level", level.value)
    return badge


class ResultCard(QFrame):
    """One measure: the value(s) big, the unit, a coloured badge with icon and words, notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.level: Level | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(scaled(28), scaled(20), scaled(28), scaled(20))
        self._layout.setSpacing(10)

    def add_heading(self, text: str) -> QLabel:
        lab = label(text, "HealthCardHeading")
        self._layout.addWidget(lab)
        return lab

    def add_value(self, name: str, number: str, unit: str, level: Level | None = None,
                  category: str = "") -> QLabel:
        row = QHBoxLayout()
        row.setSpacing(16)
        value = label(f"{number} {unit}".strip(), "HealthValue", wrap=False)
        caption = label(name, "Body", wrap=False)
        row.addWidget(caption)
        row.addWidget(value)
        row.addStretch(1)
        if level is not None:
            row.addWidget(level_badge(level))
        self._layout.addLayout(row)
        if category:
            cat = label(category, "HealthCategory")
            if level is not None:
                cat.setProperty("level", level.value)
            self._layout.addWidget(cat)
        return value

    def add_note(self, text: str) -> QLabel:
        note = label(text, "HealthNote")
        self._layout.addWidget(note)
        return note


class UrgentBanner(QFrame):
    """Red box: what to do now (115, the staff call)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HealthUrgent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(scaled(32), scaled(24), scaled(32), scaled(24))
        self.heading = label("", "HealthUrgentTitle")
        self.body = label("", "Body")
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        # Sending the readings to the ward's health worker needs the resident's own tap (Decree 13: consent).
        self.alert_button = big_button(role="secondary")
        self.alert_status = label("", "Body")
        self.alert_status.hide()
        layout.addWidget(self.alert_button)
        layout.addWidget(self.alert_status)
        self.set_alert_state("")

    def set_alert_state(self, state: str) -> None:
        """"" (not sent) | sending | sent | acknowledged | offline (screens/health/alert.py)."""
        self.state = state
        self.alert_button.setText(self.tr("Send this reading to the ward health worker"))
        self.alert_button.setVisible(state in ("", "offline"))
        status = {"sending": self.tr("Sending to the ward health worker…"),
                  "sent": self.tr("Sent. The ward health worker has been alerted."),
                  "acknowledged": self.tr("A health worker has received your reading and is on the way."),
                  "offline": self.tr("The station cannot reach the ward now. Please call 115 or the staff phone.")}
        self.alert_status.setText(status.get(state, ""))
        self.alert_status.setVisible(bool(state))
