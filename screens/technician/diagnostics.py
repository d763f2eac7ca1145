"""Technician diagnostics: the kiosk log's last lines and an export to a USB stick for support."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QPlainTextEdit, QVBoxLayout

from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, restyle, title


class TechnicianDiagnosticsScreen(Screen):
    screen_id = "technician.diagnostics"
    refresh_requested = Signal()
    export_requested = Signal()

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("DejaVu Sans Mono")
        mono.setPixelSize(20)  # technicians read log lines; residents never see this screen
        self.log.setFont(mono)
        self.log.setObjectName("TechLog")
        self.result = label(name="OkText")
        buttons = QGridLayout()
        self.refresh_button = big_button(role="secondary")
        self.export_button = big_button()
        buttons.addWidget(self.refresh_button, 0, 0)
        buttons.addWidget(self.export_button, 0, 1)
        for w in (self.heading, self.hint):
            layout.addWidget(w)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self._export)

    def enter(self, visit: Any, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.result.setText("")
        self.refresh_requested.emit()

    def show_log(self, text: str) -> None:
        self.log.setPlainText(text or self.tr("(the log is empty)"))
        self.log.verticalScrollBar().setValue(self.log.verticalScrollBar().maximum())

    def _export(self) -> None:
        self.result.setText("…")
        self.export_requested.emit()

    def show_export(self, ok: bool, where: str) -> None:
        self.result.setObjectName("OkText" if ok else "ErrorText")
        restyle(self.result)
        self.result.setText(self.tr("Saved: %1").replace("%1", where) if ok
                            else self.tr("Could not save: %1").replace("%1", where))

    def reset(self) -> None:
        super().reset()
        self.log.clear()
        self.result.setText("")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Diagnostics"))
        self.hint.setText(self.tr("The last lines of the log (no personal data). Export writes the logs, the "
                                  "settings without secrets and a summary to a USB stick, if one is plugged in."))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export for support"))
