"""Technician "Station check": `kiosk doctor` on screen (✔/✗ with the fix) and the USB adapters plugged in,
with the udev rule to name an unknown one. Renders what the controller passes; never does I/O itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QPlainTextEdit, QVBoxLayout

from screens.shell.screen import Screen
from screens.technician.doctor_words import check_detail, check_fix, check_name
from screens.widgets.basics import big_button, label, restyle, title


class TechnicianDoctorScreen(Screen):
    screen_id = "technician.doctor"
    run_requested = Signal()

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.summary = label(name="OkText")
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setPixelSize(20)  # technicians only; residents never see this screen
        self.report.setFont(mono)
        self.report.setObjectName("TechLog")
        buttons = QGridLayout()
        self.run_button = big_button()
        buttons.addWidget(self.run_button, 0, 0)
        for w in (self.heading, self.hint, self.summary):
            layout.addWidget(w)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self.run_button.clicked.connect(self._run)

    def enter(self, visit: Any, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self._run()

    def _run(self) -> None:
        self.summary.setText(self.tr("Checking…"))
        self.run_requested.emit()

    def show_report(self, report: dict[str, Any]) -> None:
        self._report = report  # shown again in the other language when it changes
        checks = report.get("checks", [])
        lines = []
        for c in checks:
            mark = "–" if c.get("skipped") else ("✔" if c.get("ok") else "✗")
            lines.append(f"{mark} {check_name(str(c.get('name')))}: {check_detail(str(c.get('detail')))}")
            if c.get("fix") and not c.get("ok"):
                lines.append(f"    → {check_fix(str(c['fix']))}")
        adapters = report.get("adapters", [])
        lines += ["", self.tr("USB adapters plugged in:") if adapters else self.tr("No USB serial adapter plugged in.")]
        for a in adapters:
            named = f"/dev/tram/{a['role']}" if a.get("role") else self.tr("unknown adapter")
            lines.append(f"  {a['tty']}  {a['vid_pid']}  {a.get('chip') or '-'}  {a.get('product') or ''}  {named}")
            if a.get("rule"):
                lines.append("    " + self.tr("To name it, as root: kiosk devices write-rule %1 ROLE").replace(
                    "%1", a["tty"]))
        self.report.setPlainText("\n".join(lines))
        bad = sum(1 for c in checks if not c.get("ok"))
        self.summary.setObjectName("ErrorText" if bad else "OkText")
        restyle(self.summary)
        self.summary.setText(self.tr("Problems to fix: %1").replace("%1", str(bad)) if bad else self.tr("All well"))

    def reset(self) -> None:
        super().reset()
        self.report.clear()
        self.summary.setText("")
        self._report = None

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Station check"))
        self.hint.setText(self.tr("Everything a technician would check, each with what to do. The same as "
                                  "`kiosk doctor` on the command line."))
        self.run_button.setText(self.tr("Check again"))
        if getattr(self, "_report", None):
            self.show_report(self._report)
