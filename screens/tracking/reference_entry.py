"""A reference number, typed on the code pad or scanned from a receipt's code. GUI thread.

Used by the tracking and payment screens: a text box with a primary button and "Scan receipt", and under it
the code pad (screens/tracking/code_pad.py) laid out for the code a receipt carries: this station's part filled
in, ten digits to type, the search starting by itself once the code is whole. "Scan" shows the camera view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from screens.scan.scan_widget import ScanWidget
from screens.tracking.code_pad import CodePad
from screens.widgets.basics import big_button, px


class ReferenceEntry(QWidget):
    submitted = Signal(str)  # the text, stripped, never empty
    scan_requested = Signal(object)  # the ScanWidget to route the camera to
    scan_stopped = Signal()

    def __init__(self, parent: QWidget | None = None, pad_shown: bool = False) -> None:
        super().__init__(parent)
        self.pad_shown = pad_shown  # the pad up from the start (tracking), or when the box is touched
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(16))
        row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setMaxLength(40)
        self.field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.field.installEventFilter(self)
        self.field.returnPressed.connect(self._submit)
        self.go_button = big_button()
        self.scan_button = big_button(role="secondary")
        row.addWidget(self.field, 1)
        row.addWidget(self.go_button)
        row.addWidget(self.scan_button)
        layout.addLayout(row)
        self.scan = ScanWidget()
        # the camera view takes the room there is: it must not make the window taller than the screen
        self.scan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scan.hide()
        self.scan.cancelled.connect(self.stop_scan)
        self.scan.manual_entry_requested.connect(self.open_keyboard)
        layout.addWidget(self.scan, 1)
        self.pad = CodePad()
        self.pad.changed.connect(self.field.setText)
        self.pad.completed.connect(lambda _ref: self._submit())
        self.pad.setVisible(pad_shown)
        layout.addWidget(self.pad)
        self.go_button.clicked.connect(self._submit)
        self.scan_button.clicked.connect(self.start_scan)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.field and event.type() == QEvent.Type.MouseButtonRelease:
            self.open_keyboard()
        return False

    @property
    def scanning(self) -> bool:
        return self.scan.isVisible()

    def set_station(self, station_code: str) -> None:
        """The station part the pad fills in (this station's code)."""
        self.pad.set_station(station_code)

    def open_keyboard(self) -> None:
        self.stop_scan()
        if self.field.text().strip() != self.pad.shown_text():  # a scanned code is there: type afresh
            self.pad.restart()
        self.pad.show()

    def _submit(self) -> None:
        text = self.field.text().strip()
        if text == self.pad.shown_text():  # typed on the pad: "BN01-261121-7" is looked up as …-0007
            text = self.pad.search_text() or text
        if text:
            self.pad.hide()
            self.submitted.emit(text)

    def start_scan(self) -> None:
        self.pad.hide()
        self.scan.show()
        self.scan_requested.emit(self.scan)

    def stop_scan(self) -> None:
        if not self.scan.isHidden():
            self.scan.hide()
            self.scan_stopped.emit()

    def clear(self) -> None:
        """Ready for the next resident: only this station's part filled in."""
        self.stop_scan()
        self.pad.restart()
        self.pad.setVisible(self.pad_shown)

    def retranslate(self, go_text: str) -> None:
        self.field.setPlaceholderText(self.tr("e.g. BN01-261121-0007"))
        self.go_button.setText(go_text)
        self.scan_button.setText(self.tr("▣  Scan receipt"))
        self.scan.set_prompt(self.tr("Hold the code on your receipt in front of the camera"))
