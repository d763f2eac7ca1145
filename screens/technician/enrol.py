"""Enrol this kiosk with a hub: scan the enrolment QR the hub's dashboard shows, or type the code.

Renders and emits intents; screens/technician/controller.py asks the hub service to enrol.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, restyle, scroll_area, title


class TechnicianEnrolScreen(Screen):
    screen_id = "technician.enrol"
    enrol_requested = Signal(str, str)  # hub URL ("" = the configured one), one-time code
    scan_toggled = Signal(bool)

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        self.heading = title()
        self.hint = label(name="Subtitle")
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        scan_card, scan_box = card()
        self.scan_area = QVBoxLayout()
        self.scan_button = big_button(role="secondary")
        self.scan_button.setCheckable(True)
        scan_box.addLayout(self.scan_area, 1)
        scan_box.addWidget(self.scan_button)
        form_card, form_box = card()
        self.url_label = label()
        self.url = QLineEdit()
        self.code_label = label()
        self.code = QLineEdit()
        self.keyboard_area = QVBoxLayout()
        self.enrol_button = big_button()
        self.result = label(name="OkText")
        for w in (self.url_label, self.url, self.code_label, self.code):
            form_box.addWidget(w)
        form_box.addWidget(self.enrol_button)
        form_box.addWidget(self.result)
        form_box.addStretch(1)
        row.addWidget(scan_card, 1)
        row.addWidget(form_card, 1)
        # Technician screen: the camera, the form and the keyboard scroll rather than grow the window.
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addLayout(row)
        inner.addLayout(self.keyboard_area)
        layout.addWidget(scroll_area(holder), 1)
        self.scan_button.toggled.connect(self._scan_toggled)
        self.enrol_button.clicked.connect(self._submit)

    def attach(self, scan_widget: QWidget | None, keyboard: QWidget | None) -> None:
        if scan_widget is not None:
            self.scan_area.addWidget(scan_widget)
        if keyboard is not None:
            self.keyboard_area.addWidget(keyboard)

    def fill(self, hub_url: str, code: str) -> None:
        """A scanned enrolment QR: show what it holds and enrol straight away."""
        self.url.setText(hub_url)
        self.code.setText(code)
        self._submit()

    def set_configured_url(self, url: str) -> None:
        if not self.url.text():
            self.url.setText(url)

    def _submit(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.show_result(False, self.tr("Type the enrolment code, or scan the hub's QR code."))
            return
        self.result.setText("…")
        self.enrol_requested.emit(self.url.text().strip(), code)

    def show_result(self, ok: bool, text: str) -> None:
        self.result.setObjectName("OkText" if ok else "ErrorText")
        restyle(self.result)
        self.result.setText(text)

    def describe(self, result: Any) -> str:
        """The outcome of an enrolment in words (``result`` is a HubResult)."""
        if result.ok:
            return self.tr("Enrolled as %1 with %2. Sync starts now.").replace(
                "%1", str(result.data.get("kiosk_id"))).replace("%2", str(result.data.get("hub_url")))
        texts = {
            "offline": self.tr("The hub cannot be reached. Check the network and the address."),
            "rejected": self.tr("The hub refused the code: it is wrong, used or expired. Create a new one."),
            "station_taken": self.tr("Another kiosk already uses this station code. Set this kiosk's own code "
                                     "([station] code), or ask the ward's staff to retire the old kiosk."),
            "url_mismatch": self.tr("This station's configuration names another hub ([hub] url)."),
            "not_configured": self.tr("No hub address: scan the hub's QR code."),
            "tls": self.tr("The hub is not trusted: its address must start with https:// and its certificate must "
                           "match the CA bundle and pinned keys. %1").replace("%1", str(result.message)),
        }
        return texts.get(result.error_code, self.tr("Enrolment failed: %1").replace("%1", str(result.message)))

    def _scan_toggled(self, on: bool) -> None:
        self.scan_toggled.emit(on)
        self.retranslate()

    def enter(self, visit: Any, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.result.setText("")

    def leave(self) -> None:
        if self.scan_button.isChecked():
            self.scan_button.setChecked(False)
        super().leave()

    def reset(self) -> None:
        super().reset()
        self.code.clear()
        self.result.setText("")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Enrol this station with the hub"))
        self.hint.setText(self.tr("On the hub's dashboard, create an enrolment code; then scan its QR code here."))
        self.scan_button.setText(self.tr("Stop scanning") if self.scan_button.isChecked()
                                 else self.tr("Scan the enrolment QR"))
        self.url_label.setText(self.tr("Hub address"))
        self.code_label.setText(self.tr("Enrolment code"))
        self.enrol_button.setText(self.tr("Enrol"))
