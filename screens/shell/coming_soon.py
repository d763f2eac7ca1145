"""Placeholder for a service whose screens have not been installed on this station."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from screens.shell.screen import Screen
from screens.widgets.basics import label, px, title


class ComingSoonScreen(Screen):
    def __init__(self, screen_id: str) -> None:
        self.screen_id = screen_id
        super().__init__()

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(96), px(64), px(96), px(64))
        self.heading = title()
        self.message = label()
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Coming soon"))
        self.message.setText(self.tr("This service is not available on this station yet. "
                                     "Please ask the ward staff, who can help you directly."))
