"""A QR code drawn large on screen for a phone camera (tracking codes, VietQR). GUI thread; pure drawing.

Our payloads are ASCII (``TCDS|1|…``, VietQR), so no ECI header: bank apps read them as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QWidget

from screens.shell import theme
from screens.widgets.basics import panel_is_portrait

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


class QrView(QWidget):
    def __init__(self, side: int = 360, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QrView")
        side = round(side * theme.screen_panel_scale())  # a smaller panel: the same size in millimetres
        self.setFixedSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.payload = ""
        self._matrix: list[list[bool]] = []

    def set_payload(self, payload: str) -> None:
        import segno

        self.payload = payload or ""
        self._matrix = []
        if self.payload:
            qr = segno.make_qr(self.payload, error="m")
            self._matrix = [[bool(v) for v in row] for row in qr.matrix]
        self.setVisible(bool(self.payload))
        self.update()

    def clear(self) -> None:
        self.set_payload("")

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        n = len(self._matrix)
        if not n:
            return
        size = min(self.width(), self.height())
        module = max(1, size // (n + 2 * QUIET_ZONE))  # whole pixels: crisp edges a phone camera reads easily
        origin = (size - module * n) // 2
        black = QColor("black")
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    p.fillRect(QRect(origin + x * module, origin + y * module, module, module), black)


def stack_in_portrait(body: QBoxLayout, page: QWidget, stretch: int = 3, qr_first: bool = False) -> None:
    """Text card beside the QR in landscape; in portrait the QR goes under a card only as tall as its text — or above
    it (``qr_first``) when the code is what the resident must reach: a long card in large text would otherwise
    scroll the payment code half out of view, and a phone cannot read half a code.

    Call from ``page.resizeEvent``.
    """
    portrait = panel_is_portrait(page)
    down = QBoxLayout.Direction.BottomToTop if qr_first else QBoxLayout.Direction.TopToBottom
    body.setDirection(down if portrait else QBoxLayout.Direction.LeftToRight)
    body.setStretch(0, 0 if portrait else stretch)
