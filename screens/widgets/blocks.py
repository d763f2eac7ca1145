"""Building blocks shared by the citizen screens (procedures, identity, report, questions, bills). GUI thread.

- :class:`ItemButton`: a big list entry whose title wraps (long procedure names), with a smaller second line;
- :class:`ScrollPanel`: a scroll area with big ▲/▼ buttons, for people who do not know how to swipe;
- :func:`qr_pixmap`: a QR code (segno, UTF-8 with ECI: FORMATS §1.5) as a QPixmap;
- :func:`plain_label`, :func:`clear_layout`, :class:`FocusWatcher` (points an on-screen keyboard at a text box),
  :class:`Orientable` (box layouts that follow the panel), :func:`ui_language`.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import segno
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from screens.widgets.action_page import scaled
from screens.widgets.basics import big_button, label, panel_is_portrait

COMPACT_SCROLL_BUTTON_PX = 96  # at 1080p: ▲ and ▼ side by side stay a fingertip wide
SCROLL_STEP = 0.8  # of the visible height per press: a little overlap keeps the reader's place


def qr_pixmap(text: str, size_px: int = 320) -> QPixmap:
    """A QR code of ``text`` at about ``size_px`` square (whole modules, quiet zone included)."""
    qr = segno.make_qr(text, encoding="utf-8", eci=True, error="m")
    modules = qr.symbol_size(scale=1, border=4)[0]
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=max(2, size_px // modules), border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def plain_label(text: str = "", name: str = "Body") -> QLabel:
    """A wrapped label that never interprets catalogue or typed text as HTML."""
    lab = label(text, name)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


class ItemButton(QPushButton):
    """A touch entry with a wrapped title and an optional second line; as tall as its text needs."""

    def __init__(self, key: str, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setProperty("role", "secondary")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 14, 28, 14)
        box.setSpacing(4)
        self.title = plain_label(title, "ItemTitle")
        self.subtitle = plain_label(subtitle, "ItemSubtitle")
        self.subtitle.setVisible(bool(subtitle))
        for lab in (self.title, self.subtitle):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            box.addWidget(lab)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(96, self.layout().totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self.layout().totalSizeHint()
        return QSize(hint.width(), max(96, hint.height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 96)


class ScrollPanel(QWidget):
    """Vertical scroll area + big "up"/"down" buttons. Add content to ``body`` (a QVBoxLayout)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setObjectName("Page")
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(4, 4, 16, 4)
        self.body.setSpacing(16)
        self.area.setWidget(inner)
        self.up = big_button("▲", "secondary")
        self.down = big_button("▼", "secondary")
        for button in (self.up, self.down):
            button.setMinimumWidth(120)
        self.up.clicked.connect(lambda: self.scroll_pages(-SCROLL_STEP))
        self.down.clicked.connect(lambda: self.scroll_pages(SCROLL_STEP))
        # ▲ at the top and ▼ at the bottom; on a short panel side by side at the top, so that the list may be
        # lower than two buttons.
        short = panel_is_short()
        if short:
            for button in (self.up, self.down):
                button.setFixedWidth(scaled(COMPACT_SCROLL_BUTTON_PX))
        side = QWidget()
        side_box = QBoxLayout(QBoxLayout.Direction.LeftToRight if short else QBoxLayout.Direction.TopToBottom, side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(self.up)
        if not short:
            side_box.addStretch(1)
        side_box.addWidget(self.down)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.area, 1)
        if short:
            row.addWidget(side, 0, Qt.AlignmentFlag.AlignTop)
        else:
            row.addWidget(side)
        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: self._update_buttons())
        bar.valueChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def add(self, widget: QWidget) -> QWidget:
        """Append ``widget`` and show it now (a layout would show it only on the next event loop turn)."""
        self.body.addWidget(widget)
        widget.show()
        return widget

    def scroll_pages(self, fraction: float) -> None:
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.value() + int(self.area.viewport().height() * fraction))

    def to_top(self) -> None:
        self.area.verticalScrollBar().setValue(0)

    def _update_buttons(self) -> None:
        bar = self.area.verticalScrollBar()
        self.up.setEnabled(bar.value() > bar.minimum())
        self.down.setEnabled(bar.value() < bar.maximum())

    def clear(self) -> None:
        clear_layout(self.body)


class FocusWatcher(QObject):
    """Tapping a text box calls ``on_focus(box)``: screens point their on-screen keyboard at it."""

    def __init__(self, on_focus: Callable[[QObject], None]) -> None:
        super().__init__()
        self._on_focus = on_focus

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            self._on_focus(watched)
        return False


SHORT_PANEL_PX = 900  # a landscape panel lower than this (1366×768) has no height to stack a page's parts
SIDE_COLUMN_PX = 520  # at 1080p: the width of a page's words put beside its main part on a short panel


def panel_is_short(widget: QWidget | None = None) -> bool:
    """A landscape panel with little height (1366×768): pages put their parts side by side rather than stacked."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    geometry = screen.geometry()
    return geometry.width() >= geometry.height() and geometry.height() < SHORT_PANEL_PX


def scrolling(layout: QLayout) -> QScrollArea:
    """``layout``'s content, top-aligned, in a scroll area (basics.scroll_area): it scrolls only when the panel is
    short or the text large."""
    from screens.widgets.basics import scroll_area

    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    column.addLayout(layout)
    column.addStretch(1)
    return scroll_area(content)


def page_layout(page: QWidget, margins: tuple[int, int, int, int], spacing: int) -> QVBoxLayout:
    """A page's outer column with margins and spacing given at 1080p, in proportion on a smaller panel."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(*(scaled(m) for m in margins))
    outer.setSpacing(scaled(spacing))
    return outer


class Orientable:
    """Screen mixin: box layouts that follow the panel's orientation (see ``panel_is_portrait``), and optionally
    a third direction on a short landscape panel (``panel_is_short``)."""

    def orient(self, layout: QBoxLayout, landscape: QBoxLayout.Direction, portrait: QBoxLayout.Direction,
               short: QBoxLayout.Direction | None = None) -> None:
        self.__dict__.setdefault("_oriented", []).append((layout, landscape, portrait, short))
        layout.setDirection(self._direction(None, landscape, portrait, short))

    @staticmethod
    def _direction(widget: QWidget | None, landscape: QBoxLayout.Direction, portrait: QBoxLayout.Direction,
                   short: QBoxLayout.Direction | None) -> QBoxLayout.Direction:
        if panel_is_portrait(widget):
            return portrait
        return short if short is not None and panel_is_short(widget) else landscape

    def words_beside(self, words: list[QWidget], main: QWidget) -> QBoxLayout:
        """``words`` (a title, an instruction) above ``main`` (a camera view, a list) — or, on a short landscape
        panel that has no height to stack them, in a column beside it. Add the returned layout with stretch 1."""
        column_widget = QWidget()
        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in words:
            column.addWidget(widget)
        column.addStretch(1)
        if panel_is_short():
            column_widget.setMaximumWidth(scaled(SIDE_COLUMN_PX))
        row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        row.setSpacing(24)
        row.addWidget(column_widget)
        row.addWidget(main, 1)
        self.orient(row, QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.TopToBottom,
                    short=QBoxLayout.Direction.LeftToRight)
        return row

    def resizeEvent(self, event) -> None:
        for layout, landscape, portrait, short in self.__dict__.get("_oriented", ()):
            layout.setDirection(self._direction(self, landscape, portrait, short))  # type: ignore[arg-type]
        super().resizeEvent(event)  # type: ignore[misc]


def ui_language() -> str:
    """"vi" or "en": which translation is installed right now (valid inside ``retranslate()`` too)."""
    return "vi" if QCoreApplication.translate("CitizenLanguage", "English") == "Tiếng Việt" else "en"
