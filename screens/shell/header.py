"""The header on every screen: station name, clock, online state, language, large text, help, "Nghe hướng dẫn".

Runs on the GUI thread; online state comes from the sync status (read from the queue DB by the
sync worker), never from a guess of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from screens.widgets.basics import restyle

NARROW_BELOW = 1400  # px: below this the header always takes two rows
STATION_MIN_WIDTH = 300  # px the station name keeps in the one-row header


class Header(QWidget):
    language_toggled = Signal()
    large_text_toggled = Signal(bool)
    help_requested = Signal()
    call_staff_requested = Signal()  # "Gọi cán bộ hỗ trợ": an alert to the ward staff (screens/shell/call_staff.py)
    corner_tapped = Signal()  # taps on the station name: part of the hidden technician gesture
    listen_requested = Signal()  # "Nghe hướng dẫn": read this step aloud, or stop (screens/shell/voice_guide.py)

    def __init__(self, station_name: str) -> None:
        super().__init__()
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.grid = QVBoxLayout(self)
        self.grid.setContentsMargins(24, 10, 24, 10)
        self.grid.setSpacing(6)
        self.top, self.bottom = QHBoxLayout(), QHBoxLayout()
        for row in (self.top, self.bottom):
            row.setSpacing(18)
            self.grid.addLayout(row)
        self.station = QLabel(station_name)
        self.station.setObjectName("StationName")
        self.station.installEventFilter(self)
        self.station.setWordWrap(True)
        # The name gives way to the buttons on narrow (portrait) panels instead of widening the window.
        self.station.setMinimumWidth(0)
        self.station.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clock = QLabel()
        self.clock.setObjectName("Clock")
        self.online = QLabel()
        self.online.setObjectName("OnlineBadge")
        self.language = QPushButton()
        self.large_text = QPushButton()
        self.large_text.setCheckable(True)
        self.help = QPushButton()
        self.call_staff = QPushButton()
        self.call_staff.setObjectName("CallStaff")
        self.listen = QPushButton()
        self.listen.setObjectName("Listen")
        self._speaking = False
        for button in (self.language, self.large_text, self.help, self.call_staff, self.listen):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.online.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._narrow: bool | None = None
        # after a style or language change, once the buttons know their new sizes (the timer dies with the header)
        self._rearrange_soon = QTimer(self, singleShot=True, interval=0, timeout=self.rearrange)
        self._arrange(narrow=False)
        self.language.clicked.connect(self.language_toggled)
        self.large_text.toggled.connect(self.large_text_toggled)
        self.help.clicked.connect(self.help_requested)
        self.call_staff.clicked.connect(self.call_staff_requested)
        self.listen.clicked.connect(self.listen_requested)
        self._online: bool | None = None
        self._language = "vi"
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._update_clock)
        self._timer.start(1000)
        self._update_clock()
        self.set_online(False)

    def _arrange(self, narrow: bool) -> None:
        """Wide panel: one row. Narrow (portrait, 1366 px, large text): the station name, "Nghe hướng dẫn", online
        state and clock on top; the other buttons under them. Each row is its own box, so a button keeps its width
        whatever is above or under it."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for row in (self.top, self.bottom):
            while row.count():
                row.takeAt(0)
        center = Qt.AlignmentFlag.AlignVCenter
        self.top.addWidget(self.station, 1)
        first = (self.listen, self.online, self.clock)
        second = (self.call_staff, self.language, self.large_text, self.help)
        for widget in first + (() if narrow else second):
            self.top.addWidget(widget, 0, center)
        if narrow:
            self.bottom.addStretch(1)
            for widget in second:
                self.bottom.addWidget(widget, 0, center)

    def _one_row_width(self) -> int:
        """Width one row needs: every control at its size, and room for the station name."""
        margins = self.grid.contentsMargins()
        controls = (self.online, self.clock, self.listen, self.call_staff, self.language, self.large_text, self.help)
        return (sum(w.sizeHint().width() for w in controls) + self.top.spacing() * len(controls)
                + margins.left() + margins.right() + STATION_MIN_WIDTH)

    def rearrange(self) -> None:
        """One row when everything fits at this text size and language, else two (large text, portrait)."""
        self._arrange(narrow=self.width() < max(NARROW_BELOW, self._one_row_width()))

    def resizeEvent(self, event: QEvent) -> None:
        self.rearrange()
        super().resizeEvent(event)

    def set_online(self, online: bool | None) -> None:
        self._online = online
        self.online.setProperty("online", "true" if online else "false")
        restyle(self.online)
        self.retranslate()

    def set_large_text(self, on: bool) -> None:
        self.large_text.blockSignals(True)
        self.large_text.setChecked(on)
        self.large_text.blockSignals(False)
        self._rearrange_soon.start()  # the buttons' sizes follow the new stylesheet

    def set_speaking(self, speaking: bool) -> None:
        """While a step is read aloud the button says it stops the reading."""
        self._speaking = speaking
        self.listen.setProperty("speaking", "true" if speaking else "false")
        restyle(self.listen)
        self.retranslate()

    def retranslate(self) -> None:
        # The button names the *other* language, written in that language, so anyone can find theirs.
        self.language.setText("Tiếng Việt" if self._language == "en" else "English")
        self.large_text.setText(self.tr("Large text"))
        self.help.setText(self.tr("Help"))
        self.call_staff.setText(self.tr("Call a staff member"))
        self.listen.setText(self.tr("Stop reading") if self._speaking else self.tr("Read aloud"))
        self.online.setText(self.tr("Online") if self._online else self.tr("Offline"))
        self._update_clock()

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def _update_clock(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm\ndd/MM/yyyy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._rearrange_soon.start()  # English words are longer
        super().changeEvent(event)

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        # Qt turns the second press of a quick pair into a double-click event (no second
        # MouseButtonPress), so a resident-speed 250 ms tap rhythm must count both kinds.
        if watched is self.station and event.type() in (QEvent.Type.MouseButtonPress,
                                                        QEvent.Type.MouseButtonDblClick):
            self.corner_tapped.emit()
        return False
