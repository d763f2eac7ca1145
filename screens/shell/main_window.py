"""The kiosk window: header, the screen stack, the Back/Home bar, and the overlays above them.

Runs on the GUI thread. In kiosk mode it is frameless and fullscreen, and it ignores Esc,
Alt+F4 and close requests; only the app's own shutdown may close it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from kiosk.config import KioskConfig
from screens.shell.call_staff import CallStaffOverlay
from screens.shell.header import Header
from screens.shell.help_overlay import HelpOverlay
from screens.shell.idle_overlay import IdleOverlay
from screens.shell.nav_bar import NavBar
from screens.shell.navigator import Navigator
from screens.shell.screen import Screen


class MainWindow(QMainWindow):
    def __init__(self, config: KioskConfig) -> None:
        super().__init__()
        self.kiosk_mode = config.station.kiosk_mode
        self.allow_close = False
        self._station = config.station.name
        self.setWindowTitle(config.station.name)
        if self.kiosk_mode:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        central = QWidget()
        central.setObjectName("Page")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header(config.station.name)
        self.navigator = Navigator()
        self.nav_bar = NavBar()
        layout.addWidget(self.header)
        # A safety net: a screen larger than the panel (e.g. in large-text mode) scrolls instead of
        # growing the window past the panel, which would push the Back/Home bar off the screen.
        self.stage = QScrollArea()
        self.stage.setObjectName("Stage")
        self.stage.setWidget(self.navigator)
        self.stage.setWidgetResizable(True)
        self.stage.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.stage, 1)
        layout.addWidget(self.nav_bar)
        self.setCentralWidget(central)
        self.help_overlay = HelpOverlay(central, config.station.staff_phone)
        self.idle_overlay = IdleOverlay(central)
        self.call_staff_overlay = CallStaffOverlay(central, config.station.staff_phone)
        self.navigator.screen_shown.connect(self._screen_shown)
        self.navigator.screen_added.connect(self._screen_added)
        self.nav_bar.hide()

    def _screen_added(self, screen: Screen) -> None:
        screen.step_info_changed.connect(lambda s=screen: self._screen_shown(s) if s is self.navigator.current
                                         else None)

    def _screen_shown(self, screen: Screen) -> None:
        # Assistive technology announces where the resident is now.
        self.navigator.setAccessibleName(screen.title())
        self.setWindowTitle(f"{self._station} - {screen.title()}")
        self.nav_bar.setVisible(screen.show_nav)
        self.nav_bar.set_step(screen.step_info())

    def fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is not None and self.geometry() != screen.geometry():
            self.setGeometry(screen.geometry())

    def show_kiosk(self) -> None:
        """Fullscreen on the primary screen. Without a window manager showFullScreen() alone leaves
        the window small (DESIGN §8), so the geometry is set to the screen's first."""
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        if self.kiosk_mode:
            self.showFullScreen()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk_mode and not self.allow_close:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.kiosk_mode and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
