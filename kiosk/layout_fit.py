"""What a resident would see as a broken layout on the screen shown now (issue 17: layouts that fit).

Three checks over every visible widget of the current screen, in window pixels:

- **clipped**: a widget reaches outside its parent, so a part of it is cut off (content inside a scroll area
  may, that is what scrolling is for);
- **under the footer**: a widget reaches outside the stage (below it sits the Back/Home bar, above it the header)
  — the stage is only a safety net and should never have to scroll — or the window outgrows the panel;
- **cut text**: a label or button whose text needs more room than it has (QFontMetrics / height-for-width).

Pure inspection on the GUI thread: it never changes a widget. Used by tests/shell/test_layout_fit.py (every
screen, three panels, both languages, large text) and by ``kiosk --screenshots`` to list what it saw.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, Qt  # QtGui's Qt also has mightBeRichText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

SLACK = 2  # px: rounding of fractional layouts is not a cut
OPAQUE = (QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLineEdit)  # their inner widgets are Qt's business


def _visible_children(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if c.isVisibleTo(widget) and not c.isWindow()]


def _inside(inner: QRect, outer: QRect) -> bool:
    return (inner.left() >= outer.left() - SLACK and inner.top() >= outer.top() - SLACK
            and inner.right() <= outer.right() + SLACK and inner.bottom() <= outer.bottom() + SLACK)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = " ".join(widget.text().split())[:40]
    return f"{type(widget).__name__}#{widget.objectName() or '-'}" + (f" «{text}»" if text else "")


def _text_cut(widget: QWidget) -> str | None:
    """Why the widget's text does not fit, or None."""
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        room = widget.contentsRect()
        indent = 2 * max(widget.margin(), 0)
        if widget.wordWrap() or (Qt.mightBeRichText(text) and widget.textFormat() != Qt.TextFormat.PlainText):
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return f"needs {need} px of height, has {widget.height()}"
            if not widget.wordWrap():
                return None
            longest = max((QFontMetrics(widget.font()).horizontalAdvance(w) for w in text.split()), default=0)
            if longest > room.width() - indent + SLACK:  # one word wider than the label: its end is cut
                return f"a word needs {longest} px, has {room.width()}"
            return None
        metrics = QFontMetrics(widget.font())
        lines = text.splitlines() or [text]
        width = max(metrics.horizontalAdvance(line) for line in lines)
        height = metrics.height() * len(lines)
        if width > room.width() - indent + SLACK:
            return f"text needs {width} px, has {room.width()}"
        if height > room.height() + SLACK:
            return f"text needs {height} px of height, has {room.height()}"
        return None
    if isinstance(widget, (QPushButton, QCheckBox)) and widget.text() and not widget.layout():
        metrics = QFontMetrics(widget.font())
        width = max(metrics.horizontalAdvance(line) for line in widget.text().splitlines())
        if isinstance(widget, QCheckBox):
            width += widget.iconSize().width()  # the indicator is at least this wide
        if width > widget.width() + SLACK:
            return f"text needs {width} px, has {widget.width()}"
    return None


def layout_problems(window, screen: QWidget) -> list[str]:
    """Every visible widget of ``screen`` that is clipped, reaches under the footer or has cut text."""
    stage = window.stage.viewport()
    stage_rect = QRect(stage.mapTo(window, stage.rect().topLeft()), stage.size())
    problems: list[str] = []

    def walk(widget: QWidget, in_scroll: bool) -> None:
        for child in _visible_children(widget):
            where = QRect(child.mapTo(window, child.rect().topLeft()), child.size())
            if child.width() <= 0 or child.height() <= 0:
                problems.append(f"squeezed to nothing: {_name(child)} in {_name(widget)}")
                continue
            viewport = isinstance(widget.parent(), QAbstractScrollArea) and widget is widget.parent().viewport()
            if not viewport and not _inside(child.geometry(), widget.rect()):
                problems.append(f"clipped by its parent {_name(widget)}: {_name(child)} at {_rect(child.geometry())}"
                                f" in {widget.width()}×{widget.height()}")
            elif not (in_scroll or viewport) and not _inside(where, stage_rect):
                problems.append(f"outside the stage (under the footer or off the panel): {_name(child)} at "
                                f"{_rect(where)}, stage {_rect(stage_rect)}")
            cut = _text_cut(child)
            if cut:
                problems.append(f"text cut: {_name(child)}: {cut}")
            if not isinstance(child, OPAQUE):
                walk(child, in_scroll or viewport)
            elif isinstance(child, QAbstractScrollArea) and child.viewport() is not None:
                walk(child.viewport(), True)

    walk(screen, False)
    panel = window.screen().geometry() if window.screen() is not None else None
    if panel is not None and (window.width() > panel.width() or window.height() > panel.height()):
        problems.append(f"the window is larger than the panel: {window.width()}×{window.height()} on "
                        f"{panel.width()}×{panel.height()} (its right or bottom part is not on the glass)")
    if not _inside(QRect(screen.mapTo(window, screen.rect().topLeft()), screen.size()), stage_rect):
        problems.append(f"the screen is larger than the stage: {screen.width()}×{screen.height()} in "
                        f"{stage_rect.width()}×{stage_rect.height()} (the stage scrolls; its bottom is under the "
                        "footer)")
    return problems


def _rect(r: QRect) -> str:
    return f"{r.x()},{r.y()} {r.width()}×{r.height()}"
