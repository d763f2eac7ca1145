"""Before a video consultation: what is shared with the doctor, an explicit (unticked) consent, and, when the ID
card was scanned, a second unticked box to let the doctor see the resident's earlier readings. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from screens.health.widgets import action_button, button_row
from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scrolling_body
from screens.widgets.basics import label, title


class ConsultConsentScreen(Screen):
    screen_id = "consult.consent"
    idle_seconds = 120

    call_requested = Signal()
    return_requested = Signal()

    def build(self) -> None:
        self._has_readings, self._has_identity = False, False
        outer = QVBoxLayout(self)
        page_margins(outer, 72, 32, spacing=18)
        layout = scrolling_body(outer, spacing=18)  # what is shared scrolls; the call button stays below it
        self.heading = title()
        self.explain = label(name="Body")
        self.shared = label(name="Body")
        self.checkbox = QCheckBox()
        self.checkbox.setObjectName("ConsultConsent")
        self.checkbox.toggled.connect(self._render)
        # Separate, optional and unticked: linking is a choice of its own (Decree 13/2023), not part of the call.
        self.link_checkbox = QCheckBox()
        self.link_checkbox.setObjectName("ConsultLink")
        self.link_explain = label(name="Body")
        self.hint = label(name="OkText")
        for w in (self.heading, self.explain, self.shared, self.checkbox, self.link_checkbox, self.link_explain):
            layout.addWidget(w)
        layout.addStretch(1)
        self.back_button = action_button("secondary", "ConsultBack", self.return_requested)
        self.call_button = action_button("primary", "ConsultCall", self.call_requested, stretch=2)
        outer.addWidget(self.hint)  # why the call button is greyed, right above it
        outer.addLayout(button_row(self.back_button, self.call_button))

    def set_shared(self, has_readings: bool, has_identity: bool) -> None:
        self._has_readings, self._has_identity = has_readings, has_identity
        self.retranslate()

    @property
    def consent(self) -> bool:
        return self.checkbox.isChecked()

    @property
    def link(self) -> bool:
        """The resident also agreed to link this consultation with their earlier ones (the trend)."""
        return self._has_identity and self.link_checkbox.isChecked()

    def _render(self) -> None:
        self.call_button.setEnabled(self.checkbox.isChecked())
        self.hint.setText("" if self.checkbox.isChecked() else self.tr("Tick the box to call a doctor."))
        self.hint.setVisible(bool(self.hint.text()))

    def reset(self) -> None:
        super().reset()
        self.checkbox.setChecked(False)  # silence is not consent: never pre-ticked for the next person
        self.link_checkbox.setChecked(False)
        self._render()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Talk to a doctor online"))
        self.explain.setText(self.tr(
            "A health worker on duty at the ward health station can see and hear you through this station's "
            "camera and microphone. The call is not recorded and does not pass through the ward's server."))
        items = [self.tr("• your picture and voice during the call")]
        if self._has_readings:
            items.append(self.tr("• the results you just measured"))
        if self._has_identity:
            items.append(self.tr("• your name and age from your ID card"))
        self.shared.setText(self.tr("What the doctor receives:") + "\n" + "\n".join(items))
        self.checkbox.setText(self.tr("I agree to share this"))
        self.link_checkbox.setText(self.tr("Also show the doctor my earlier readings"))
        self.link_explain.setText(self.tr(
            "Optional. The ward's server keeps a code made from your ID card number, never the number itself, so "
            "that the doctor sees the readings of your earlier calls."))
        self.link_checkbox.setVisible(self._has_identity)
        self.link_explain.setVisible(self._has_identity)
        self.back_button.setText(self.tr("Back"))
        self.call_button.setText(self.tr("Call a doctor"))
        self._render()
