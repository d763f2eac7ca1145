"""A row of touch buttons that never cuts their words: side by side when they fit, else in rows of equal cells.

A portrait panel (1080 px) cannot hold four Vietnamese button labels in one row at 32 px ("In phiếu kết quả" was
shown as "ı phiếu kết qu"); this layout puts them two by two instead, and as many per row as fit elsewhere.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def _hint(item: QLayoutItem) -> QSize:
    """The widget's own size hint: a layout item reports width 0 for a widget whose policy is Ignored (the
    health buttons are, so they can shrink), which would hide how much room their words need."""
    widget = item.widget()
    return widget.sizeHint() if widget is not None else item.sizeHint()


class FitRow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # ---- QLayout ---------------------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(1)

    def add(self, widget: QWidget, stretch: int = 1) -> None:
        self.addWidget(widget)
        self._stretch[-1] = max(1, stretch)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(_hint(i).width() for i, _ in shown) + self.spacing() * max(0, len(shown) - 1)
        return QSize(width, self._row_height(shown))

    def minimumSize(self) -> QSize:
        shown = self._shown()
        return QSize(max((_hint(i).width() for i, _ in shown), default=0), self._row_height(shown))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # ---- arrangement -----------------------------------------------------------------------------------------
    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [(item, s) for item, s in zip(self._items, self._stretch, strict=True) if not item.isEmpty()]

    @staticmethod
    def _row_height(shown: list[tuple[QLayoutItem, int]]) -> int:
        return max((_hint(i).height() for i, _ in shown), default=0)

    def columns(self, width: int) -> int:
        """How many buttons share a row at ``width``: all when their words fit side by side, else as many equal
        cells as the widest label allows."""
        shown = self._shown()
        if not shown:
            return 1
        hints = [_hint(i).width() for i, _ in shown]
        gap = self.spacing()
        if sum(hints) + gap * (len(hints) - 1) <= width:
            return len(hints)
        for cols in range(len(hints) - 1, 1, -1):
            if max(hints) <= (width - gap * (cols - 1)) / cols:
                return cols
        return 1

    def _arrange(self, rect: QRect, place: bool) -> int:
        shown = self._shown()
        if not shown:
            return 0
        gap, row_h = self.spacing(), self._row_height(shown)
        cols = self.columns(rect.width())
        rows = math.ceil(len(shown) / cols)
        if place:
            for r in range(rows):
                cells = shown[r * cols:(r + 1) * cols]
                single = rows == 1
                # one row: the extra room shared by stretch; several rows: equal cells
                hints = [_hint(i).width() if single else 0 for i, _ in cells]
                weights = [s if single else 1 for _, s in cells]
                free = rect.width() - gap * (len(cells) - 1) - sum(hints)
                x, y = rect.x(), rect.y() + r * (row_h + gap)
                for n, ((item, _), hint, weight) in enumerate(zip(cells, hints, weights, strict=True)):
                    w = hint + free * weight // sum(weights)
                    if n == len(cells) - 1:
                        w = rect.right() + 1 - x
                    item.setGeometry(QRect(x, y, w, row_h))
                    x += w + gap
        return rows * row_h + gap * (rows - 1)
