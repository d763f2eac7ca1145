"""Saving results to the resident's record: explicit consent (box starts unticked), then the ID card. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from screens.health.widgets import action_button, button_row
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scrolling_body
from screens.widgets.basics import label, title


class HealthConsentScreen(Screen):
    screen_id = "health.consent"
    idle_seconds = 120

    consent_changed = Signal(bool)
    scan_requested = Signal()
    print_requested = Signal()
    finish_requested = Signal()
    left = Signal()

    def build(self) -> None:
        self._state = "ask"  # ask | scanning | saving | saved | failed | unavailable
        self._print_state = ""
        self._reference = ""
        self._error = ""
        outer = QVBoxLayout(self)
        page_margins(outer, 72, 32, spacing=18)
        layout = scrolling_body(outer, spacing=18)  # the explanation and the camera scroll; the buttons stay
        self.heading = title()
        self.explain = label(name="Body")
        self.checkbox = QCheckBox()
        self.checkbox.setObjectName("HealthConsent")
        self.checkbox.toggled.connect(self._toggled)
        self.scan_widget = ScanWidget()
        self.status = label(name="OkText")
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.scan_widget, 100)
        layout.addWidget(self.status)
        layout.addStretch(1)  # packs the texts at the top while the camera view is hidden
        self.finish_button = action_button("secondary", "HealthFinish", self.finish_requested)
        self.print_button = action_button("secondary", "HealthPrintRef", self.print_requested)
        self.scan_button = action_button("primary", "HealthScan", self.scan_requested, stretch=2)
        outer.addLayout(button_row(self.finish_button, self.print_button, self.scan_button))

    def _toggled(self, on: bool) -> None:
        self.consent_changed.emit(on)
        self._render()

    # -- state from the controller -------------------------------------------------------------
    def set_state(self, state: str, reference: str = "", error: str = "") -> None:
        self._state, self._reference, self._error = state, reference, error
        self._render()

    def set_print_state(self, state: str) -> None:
        """"" | printing | printed | failed (the slip with the reference)."""
        self._print_state = state
        self.print_button.setEnabled(state != "printing")
        self._render()

    @property
    def consent(self) -> bool:
        return self.checkbox.isChecked()

    def _render(self) -> None:
        state = self._state
        self.checkbox.setEnabled(state in ("ask", "scanning", "failed"))
        self.scan_widget.setVisible(state == "scanning")
        self.scan_button.setVisible(state in ("ask", "failed"))
        self.scan_button.setEnabled(self.checkbox.isChecked())
        self.print_button.setVisible(state == "saved")
        messages = {
            "ask": self.tr("Tick the box, then scan the QR code on your ID card.") if not self.checkbox.isChecked()
            else self.tr("Now press “Scan my ID card”."),
            "scanning": self.tr("Hold the QR code of your ID card in front of the camera."),
            "saving": self.tr("Saving…"),
            "saved": self.tr("Saved. Your reference number is %1. It will be sent to the ward health station "
                             "when the network is available.").replace("%1", self._reference),
            "failed": self.tr("Your results could not be saved. Nothing was stored. You can try again or "
                              "ask the staff."),
            "unavailable": self.tr("Saving is not available on this station. Please print the slip and show it "
                                   "at the health station."),
        }
        printing = {"printing": self.tr("Printing…"), "printed": self.tr("Please take your slip."),
                    "failed": self.tr("The slip could not be printed. Please write down your reference number.")}
        extra = printing.get(self._print_state, "") if state == "saved" else ""
        self.status.setText(" ".join(t for t in (messages.get(state, ""), extra) if t))
        self.status.setObjectName("ErrorText" if state in ("failed", "unavailable") else "OkText")

    def leave(self) -> None:
        self.left.emit()

    def reset(self) -> None:
        super().reset()
        self.checkbox.setChecked(False)  # silence is not consent: never pre-ticked for the next person
        self._state, self._reference, self._error, self._print_state = "ask", "", "", ""
        self._render()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Save to your health record"))
        self.explain.setText(self.tr(
            "If you agree, these results are saved together with your ID number, name and date of birth from your "
            "ID card, and sent to the ward health station for your health record. They are used only for your "
            "care. You can ask the health station to delete them at any time. If you do not agree, nothing is "
            "saved."))
        self.checkbox.setText(self.tr("I agree to save my results"))
        self.scan_button.setText(self.tr("Scan my ID card"))
        self.print_button.setText(self.tr("Print slip with reference"))
        self.finish_button.setText(self.tr("Finish"))
        self._render()
