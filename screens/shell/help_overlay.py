"""Help, always one tap away: the station's staff phone, the emergency numbers 113/114/115, and the voice mode
(every step read aloud as it opens; screens/shell/voice_guide.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from screens.shell.overlay import Overlay
from screens.widgets.basics import big_button, label, title


class HelpOverlay(Overlay):
    voice_mode_toggled = Signal(bool)

    def __init__(self, parent: QWidget, staff_phone: str) -> None:
        super().__init__(parent)
        self.staff_phone = staff_phone
        self.voice_mode = big_button(role="secondary")
        self.voice_mode.setObjectName("VoiceMode")
        self.voice_mode.setCheckable(True)
        self.voice_mode.toggled.connect(self._voice_mode_toggled)
        self.heading = title()
        self.staff = label()
        self.police = label(name="Emergency")
        self.fire = label(name="Emergency")
        self.ambulance = label(name="Emergency")
        self.note = label()
        self.close_button = big_button()
        for widget in (self.heading, self.voice_mode, self.staff, self.police, self.fire, self.ambulance, self.note,
                       self.close_button):
            self.body.addWidget(widget)
        self.close_button.clicked.connect(self.hide)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Need help?"))
        self.staff.setText(self.tr("Call the ward staff: %1").replace("%1", self.staff_phone))
        self.police.setText(self.tr("113  Police"))
        self.fire.setText(self.tr("114  Fire and rescue"))
        self.ambulance.setText(self.tr("115  Ambulance"))
        self.note.setText(self.tr("In an emergency, call now. Do not wait for this machine."))
        self.close_button.setText(self.tr("Close"))
        self.voice_mode.setText(self.tr("Read each step aloud: on") if self.voice_mode.isChecked()
                                else self.tr("Read each step aloud: off"))

    def set_voice_mode(self, on: bool, available: bool = True) -> None:
        """Show the voice mode as it is (a new visit starts with the configured default)."""
        self.voice_mode.blockSignals(True)
        self.voice_mode.setChecked(on)
        self.voice_mode.blockSignals(False)
        self.voice_mode.setVisible(available)
        self.retranslate()

    def _voice_mode_toggled(self, on: bool) -> None:
        self.retranslate()
        self.voice_mode_toggled.emit(on)
