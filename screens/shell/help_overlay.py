"""Help, always one tap away: the station's staff phone and the emergency numbers 113/114/115."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screens.shell.overlay import Overlay
from screens.widgets.basics import big_button, label, title


class HelpOverlay(Overlay):
    def __init__(self, parent: QWidget, staff_phone: str) -> None:
        super().__init__(parent)
        self.staff_phone = staff_phone
        self.heading = title()
        self.staff = label()
        self.police = label(name="Emergency")
        self.fire = label(name="Emergency")
        self.ambulance = label(name="Emergency")
        self.note = label()
        self.close_button = big_button()
        for widget in (self.heading, self.staff, self.police, self.fire, self.ambulance, self.note,
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
