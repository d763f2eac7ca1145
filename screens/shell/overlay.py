"""A dimmed layer over the whole window holding one dialog card (help, idle warning)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from screens.widgets.basics import px


class Overlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dialog = QFrame(self)
        self.dialog.setObjectName("Dialog")
        self.dialog.setMaximumWidth(px(1200))
        self.body = QVBoxLayout(self.dialog)
        self.body.setContentsMargins(px(48), px(40), px(48), px(40))
        self.body.setSpacing(px(24))
        outer.addWidget(self.dialog)
        parent.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set texts; overridden."""
