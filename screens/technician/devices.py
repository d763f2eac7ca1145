"""Technician device checks: camera live test, printer test page and simulated modes, health devices.

Renders states the bus reports and emits intents; screens/technician/controller.py does the work.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from screens.shell.screen import Screen
from screens.technician.words import printer_mode, state_line
from screens.widgets.basics import big_button, card, label, scroll_area, title

HEALTH_DEVICES = (("blood_pressure", "blood_pressure"), ("spo2", "oximeter"), ("body", "scale"),
                  ("temperature", "thermometer"))
PRINTER_MODES = ("ok", "paper_out", "offline", "slow")


class TechnicianDevicesScreen(Screen):
    screen_id = "technician.devices"
    camera_test_toggled = Signal(bool)
    printer_test_requested = Signal()
    printer_mode_chosen = Signal(str)
    health_test_requested = Signal(str)  # Measure value

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        self.heading = title()
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        cam_card, cam_box = card()
        self.cam_title = label(name="TileTitle")
        self.cam_state = label()
        self.scan_area = QVBoxLayout()
        self.cam_result = label(name="OkText")
        self.cam_button = big_button()
        self.cam_button.setCheckable(True)
        cam_box.addWidget(self.cam_title)
        cam_box.addWidget(self.cam_state)
        cam_box.addLayout(self.scan_area, 1)
        cam_box.addWidget(self.cam_result)
        cam_box.addWidget(self.cam_button)
        right = QVBoxLayout()
        prn_card, prn_box = card()
        self.prn_title = label(name="TileTitle")
        self.prn_state = label()
        self.prn_mode = QComboBox()
        for mode in PRINTER_MODES:
            self.prn_mode.addItem(mode, mode)  # the mode's words are set by retranslate()
        self.prn_button = big_button(role="secondary")
        self.prn_result = label()
        for w in (self.prn_title, self.prn_state, self.prn_mode, self.prn_button, self.prn_result):
            prn_box.addWidget(w)
        hl_card, hl_box = card()
        self.hl_title = label(name="TileTitle")
        hl_box.addWidget(self.hl_title)
        grid = QGridLayout()
        self.health_rows: dict[str, tuple[Any, Any, Any]] = {}
        for i, (measure, device) in enumerate(HEALTH_DEVICES):
            name, state, button = label(device), label(), big_button(role="secondary")
            button.clicked.connect(lambda _=False, m=measure: self.health_test_requested.emit(m))
            grid.addWidget(name, i, 0)
            grid.addWidget(state, i, 1)
            grid.addWidget(button, i, 2)
            self.health_rows[device] = (name, state, button)
        hl_box.addLayout(grid)
        self.hl_result = label()
        hl_box.addWidget(self.hl_result)
        right.addWidget(prn_card)
        right.addWidget(hl_card, 1)
        row.addWidget(cam_card, 1)
        row.addLayout(right, 1)
        holder = QWidget()
        holder.setLayout(row)
        layout.addWidget(scroll_area(holder), 1)
        self.cam_button.toggled.connect(self._camera_toggled)
        self.prn_button.clicked.connect(self.printer_test_requested)
        self.prn_mode.currentIndexChanged.connect(lambda i: self.printer_mode_chosen.emit(self.prn_mode.itemData(i)))
        self._states: dict[str, tuple[str, str]] = {}

    # ---- rendering --------------------------------------------------------------------------------
    def attach_scan_widget(self, widget: QWidget) -> None:
        self.scan_area.addWidget(widget)

    def set_device_state(self, name: str, state: str, detail: str) -> None:
        self._states[name] = (state, detail)
        text = state_line(state, detail)
        if name == "camera":
            self.cam_state.setText(text)
        elif name == "printer":
            self.prn_state.setText(text)
        elif name in self.health_rows:
            self.health_rows[name][1].setText(text)

    def show_scan(self, summary: str) -> None:
        self.cam_result.setText(summary)

    def show_print_result(self, text: str) -> None:
        self.prn_result.setText(text)

    def show_health_result(self, text: str) -> None:
        self.hl_result.setText(text)

    def set_printer_simulated(self, simulated: bool, mode: str) -> None:
        self.prn_mode.setVisible(simulated)
        self.prn_mode.blockSignals(True)
        self.prn_mode.setCurrentIndex(max(0, self.prn_mode.findData(mode)))
        self.prn_mode.blockSignals(False)

    def _camera_toggled(self, on: bool) -> None:
        self.camera_test_toggled.emit(on)
        self.retranslate()

    def leave(self) -> None:
        if self.cam_button.isChecked():
            self.cam_button.setChecked(False)  # releases the camera
        super().leave()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Device checks"))
        self.cam_title.setText(self.tr("Camera and QR"))
        self.cam_button.setText(self.tr("Stop camera test") if self.cam_button.isChecked()
                                else self.tr("Start camera test"))
        self.prn_title.setText(self.tr("Receipt printer"))
        self.prn_button.setText(self.tr("Print test page"))
        self.hl_title.setText(self.tr("Health devices"))
        names = {"blood_pressure": self.tr("Blood pressure"), "oximeter": self.tr("Pulse oximeter"),
                 "scale": self.tr("Scale"), "thermometer": self.tr("Thermometer")}
        for device, (name, _state, button) in self.health_rows.items():
            name.setText(names[device])
            button.setText(self.tr("Test"))
        if not hasattr(self, "_states"):  # the first call comes before build() has finished
            return
        for i in range(self.prn_mode.count()):
            self.prn_mode.setItemText(i, printer_mode(self.prn_mode.itemData(i)))
        for device, (state, detail) in self._states.items():
            self.set_device_state(device, state, detail)
