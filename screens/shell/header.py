"""The header on every screen: station name, clock, online state, language, large text, help.

Runs on the GUI thread; online state comes from the sync status (read from the queue DB by the
sync worker), never from a guess of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from screens.widgets.basics import restyle


class Header(QWidget):
    language_toggled = Signal()
    large_text_toggled = Signal(bool)
    help_requested = Signal()
    call_staff_requested = Signal()  # "Gọi cán bộ hỗ trợ": an alert to the ward staff (screens/shell/call_staff.py)
    corner_tapped = Signal()  # taps on the station name: part of the hidden technician gesture

    def __init__(self, station_name: str) -> None:
        super().__init__()
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(24, 10, 24, 10)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
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
        for button in (self.language, self.large_text, self.help, self.call_staff):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.online.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._narrow: bool | None = None
        self._arrange(narrow=False)
        self.language.clicked.connect(self.language_toggled)
        self.large_text.toggled.connect(self.large_text_toggled)
        self.help.clicked.connect(self.help_requested)
        self.call_staff.clicked.connect(self.call_staff_requested)
        self._online: bool | None = None
        self._language = "vi"
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._update_clock)
        self._timer.start(1000)
        self._update_clock()
        self.set_online(False)

    def _arrange(self, narrow: bool) -> None:
        """Landscape: one row. Portrait: the station name gets its own row above the controls."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for widget in (self.station, self.online, self.clock, self.language, self.large_text, self.help,
                       self.call_staff):
            self.grid.removeWidget(widget)
        center = Qt.AlignmentFlag.AlignVCenter
        if narrow:
            # Upright panel: name, online state and clock on top; the four buttons under them, each in its own
            # column (a badge above a button shares its column, so the header is never wider than the panel).
            self.grid.addWidget(self.station, 0, 0, 1, 2)
            self.grid.addWidget(self.online, 0, 2, center)
            self.grid.addWidget(self.clock, 0, 3, center)
            row, first = 1, 0
            self.grid.setColumnStretch(0, 1)
            widgets = (self.call_staff, self.language, self.large_text, self.help)
        else:
            self.grid.addWidget(self.station, 0, 0)
            row, first = 0, 1
            self.grid.setColumnStretch(0, 1)
            widgets = (self.online, self.clock, self.call_staff, self.language, self.large_text, self.help)
        for i, widget in enumerate(widgets):
            if widget is not None:
                self.grid.addWidget(widget, row, first + i, center)

    def resizeEvent(self, event: QEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        """One row or two for the width there is. Before the first show that is the panel's width: arranged in
        one row, the header's minimum would widen the window past an upright panel, and under X the window
        never shrinks back (the screens' right edge was off the glass)."""
        width = self.width()
        if not self.isVisible():
            screen = self.screen() or QGuiApplication.primaryScreen()
            width = screen.geometry().width() if screen is not None else width
        self._arrange(narrow=width < self.one_row_width())

    def one_row_width(self) -> int:
        """The width one row needs: every badge and button at its size, and room for a short station name."""
        widgets = (self.online, self.clock, self.call_staff, self.language, self.large_text, self.help)
        margins = self.grid.contentsMargins()
        return (sum(w.sizeHint().width() for w in widgets) + self.grid.horizontalSpacing() * len(widgets)
                + margins.left() + margins.right() + 6 * self.station.fontMetrics().averageCharWidth() * 2)

    def set_online(self, online: bool | None) -> None:
        self._online = online
        self.online.setProperty("online", "true" if online else "false")
        restyle(self.online)
        self.retranslate()

    def set_large_text(self, on: bool) -> None:
        self.large_text.blockSignals(True)
        self.large_text.setChecked(on)
        self.large_text.blockSignals(False)

    def retranslate(self) -> None:
        # The button names the *other* language, written in that language, so anyone can find theirs.
        self.language.setText("Tiếng Việt" if self._language == "en" else "English")
        self.large_text.setText(self.tr("Large text"))
        self.help.setText(self.tr("Help"))
        self.call_staff.setText(self.tr("Call a staff member"))
        self.online.setText(self.tr("Online") if self._online else self.tr("Offline"))
        self._update_clock()
        self._fit()  # the other language's words may need another arrangement

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def _update_clock(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm\ndd/MM/yyyy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        # Qt turns the second press of a quick pair into a double-click event (no second
        # MouseButtonPress), so a resident-speed 250 ms tap rhythm must count both kinds.
        if watched is self.station and event.type() in (QEvent.Type.MouseButtonPress,
                                                        QEvent.Type.MouseButtonDblClick):
            self.corner_tapped.emit()
        return False
