"""The header on every screen: station name, clock, online state, language, large text, help, "Nghe hướng dẫn".

Runs on the GUI thread; online state comes from the sync status (read from the queue DB by the
sync worker), never from a guess of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

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
        # the online state beside the clock, or over it where the station name needs the width
        self.status_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.status_box.setSpacing(4)
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
        self.status_box.addWidget(self.online, 0, Qt.AlignmentFlag.AlignCenter)
        self.status_box.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignCenter)
        self._narrow: tuple[bool, bool] | None = None  # (two rows, "Nghe hướng dẫn" on the top one)
        # after a style or language change, once the buttons know their new sizes (the timer dies with the header)
        self._rearrange_soon = QTimer(self, singleShot=True, interval=0, timeout=self.rearrange)
        self.rearrange()
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

    def _arrange(self, narrow: bool, listen_on_top: bool = True, stacked: bool = True) -> None:
        """Wide panel: one row, the online state over the clock. Narrow (portrait, 1366 px, large text): the station
        name, the online state and the clock on top, the buttons under them; "Nghe hướng dẫn" joins the buttons when
        they fit in one row, else the top row (and the online state goes over the clock where the station name
        needs the width). Each row is its own box, so a button keeps its width whatever is above or under it."""
        self.status_box.setDirection(QBoxLayout.Direction.TopToBottom if stacked
                                     else QBoxLayout.Direction.LeftToRight)
        self.status_box.setSpacing(4 if stacked else self.top.spacing())
        if (narrow, listen_on_top) == self._narrow:
            return
        self._narrow = (narrow, listen_on_top)
        for box in (self.top, self.bottom):
            while box.count():
                box.takeAt(0)
        center = Qt.AlignmentFlag.AlignVCenter
        self.top.addWidget(self.station, 1)
        buttons = (self.listen, self.call_staff, self.language, self.large_text, self.help)
        if narrow:
            self.bottom.addStretch(1)
        for widget in buttons:
            on_top = not narrow or (widget is self.listen and listen_on_top)
            (self.top if on_top else self.bottom).addWidget(widget, 0, center)
        self.top.addLayout(self.status_box)

    def _row_width(self, widgets: tuple[QWidget, ...]) -> int:
        margins = self.grid.contentsMargins()
        return (sum(w.sizeHint().width() for w in widgets) + self.top.spacing() * (len(widgets) - 1)
                + margins.left() + margins.right())

    def _available_width(self) -> int:
        """Before the first show that is the panel's width: arranged in one row, the header's minimum would widen
        the window past an upright panel, and under X the window never shrinks back (the screens' right edge was
        off the glass)."""
        if self.isVisible():
            return self.width()
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.geometry().width() if screen is not None else self.width()

    def rearrange(self) -> None:
        """One row when everything fits at this text size and language, else two (large text, portrait)."""
        width = self._available_width()
        buttons = (self.listen, self.call_staff, self.language, self.large_text, self.help)
        status = max(self.online.sizeHint().width(), self.clock.sizeHint().width())
        one_row = self._row_width(buttons) + self.top.spacing() * 2 + status + STATION_MIN_WIDTH
        if width >= max(NARROW_BELOW, one_row):
            self._arrange(narrow=False)
            return
        listen_on_top = self._row_width(buttons) > width
        side_by_side = self._row_width((self.online, self.clock)) + self.top.spacing() + STATION_MIN_WIDTH + (
            self.listen.sizeHint().width() + self.top.spacing() if listen_on_top else 0)
        self._arrange(narrow=True, listen_on_top=listen_on_top, stacked=side_by_side > width)

    def resizeEvent(self, event: QEvent) -> None:
        self.rearrange()
        super().resizeEvent(event)

    def set_online(self, online: bool | None) -> None:
        if online == self._online:
            return  # every sync run reports its status: laying the header out again each time is wasted GUI time
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
        self.rearrange()  # the other language's words may need another arrangement (also before the first show)

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
