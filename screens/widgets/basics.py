"""Small building blocks with the kiosk's look: big buttons, titles, cards, wrapped text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from screens.shell.theme import screen_panel_scale


def px(value: float) -> int:
    """A size set in code (margins, spacing, fixed sizes), given for a 1080p panel, at this panel's scale: a
    1366×768 panel draws everything at 0.75 (theme.panel_scale), as the stylesheet does."""
    return round(value * screen_panel_scale())


def big_button(text: str = "", role: str = "primary", parent: QWidget | None = None) -> QPushButton:
    """A touch button ≥ 96 px high. role: primary | secondary | danger | ok."""
    button = QPushButton(text, parent)
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch only: no focus rectangles
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return button


def label(text: str = "", name: str = "Body", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    lab.setObjectName(name)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab


def title(text: str = "", parent: QWidget | None = None) -> QLabel:
    return label(text, "ScreenTitle", parent)


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(px(32), px(24), px(32), px(24))
    layout.setSpacing(px(16))
    return frame, layout


def scroll_area(content: QWidget) -> QScrollArea:
    """Wrap tall content so a screen never grows the window past the panel (big touch scroll bar)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content.setObjectName("Page")
    return area


def scrolling(layout: QLayout) -> QScrollArea:
    """A screen's long middle part (explanations, details, lists) in a scroll area, so the title above it and
    the action bar under it stay on the glass whatever the panel and text size (issue 17: layouts that fit)."""
    content = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    content.setLayout(layout)
    return scroll_area(content)


def panel_is_portrait(widget: QWidget | None = None) -> bool:
    """The panel (the widget's screen, else the primary one) stands upright (1080×1920).

    Layouts follow the panel, not a page's own size: a page of the stack that was never shown gets
    its first resize with a default landscape size, and a landscape layout's minimum width would then
    widen a portrait window for good.
    """
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    geometry = screen.geometry() if screen is not None else None
    return bool(geometry is not None and geometry.height() > geometry.width())


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a property or object name used by a selector changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
