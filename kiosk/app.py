"""The composition root: builds the window, flow, services and every area's screens, and tears
them all down again. Runs on the GUI thread.
"""

from __future__ import annotations

import gc
import importlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.flow import Flow
from core.threads import ThreadOwner
from kiosk.config import KioskConfig
from kiosk.flow_controller import FlowController
from kiosk.language import LanguageManager
from kiosk.services.bus import AppBus
from kiosk.services.context import AppContext, Services
from screens.shell import theme
from screens.shell.coming_soon import ComingSoonScreen
from screens.shell.home import SERVICES, HomeScreen
from screens.shell.main_window import MainWindow
from screens.shell.problem import ProblemScreen
from screens.shell.screen import Screen

if TYPE_CHECKING:
    from screens.technician.controller import TechnicianController

log = logging.getLogger(__name__)

# Each home tile's screens come from a package with install(ctx); a package that is not on this
# build gets a "coming soon" page instead.
AREA_PACKAGES = {
    "procedures": "screens.procedures",
    "dossier": "screens.dossier",
    "tracking": "screens.tracking",
    "payment": "screens.payment",
    "report": "screens.report",
    "health": "screens.health",
    "bills": "screens.bills",
    "questions": "screens.questions",
    "prepared": "screens.prepared",
    "vneid": "screens.vneid",
}
GESTURE_TAPS, GESTURE_WINDOW_S = 5, 3.0
IDLE_BUILD_DELAY_MS = 50  # home is painted and takes touches first; then one area per event-loop turn
FIRST_FRAME_FALLBACK_MS = 3000  # a window that is never painted (minimised, no display) still gets its screens
LARGE_TEXT_SCALE = 1.3


class _ActivityFilter(QObject):
    """Every touch restarts the idle timer; Esc never reaches a screen in kiosk mode."""

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self._app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self._app.flow.activity()
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self._app.window.kiosk_mode:
                return True
        return False


class _FirstFrame(QObject):
    """Calls ``then`` once, when the window has painted its first frame."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._then()
        return False


class KioskApp:
    def __init__(self, config: KioskConfig, data_dir: Path, services: Services | None = None) -> None:
        self.config = config
        self.data_dir = data_dir
        self.bus = AppBus()
        self.threads = ThreadOwner()
        self.language = LanguageManager()
        qapp = QApplication.instance()
        self.font_family = theme.load_fonts()
        self.panel_scale = theme.screen_panel_scale()
        qapp.setFont(theme.app_font(self.panel_scale, self.font_family))
        theme.apply(qapp, self.panel_scale, self.panel_scale)
        self.large_text = False
        self.window = MainWindow(config)
        self.navigator = self.window.navigator
        station = config.station
        self.flow = FlowController(Flow(station.idle_seconds, station.idle_warning_seconds), self.navigator)
        self.ctx = AppContext(config=config, data_dir=data_dir, threads=self.threads, bus=self.bus,
                              navigator=self.navigator, flow=self.flow, services=services or Services())
        self._add_app_services()
        self._taps: list[float] = []
        self.controllers: dict[str, object] = {}
        self._technician: TechnicianController | None = None
        self.install_errors: list[str] = []  # areas that failed to install (self-test fails on them)
        self._wire_shell()
        self._add_shell_screens()
        # the areas are built on first use or, at the latest, one per event-loop turn once home is on screen
        self._pending = ["technician", *(service for service, _glyph in SERVICES)]
        self._frozen = False
        self._first_frame: _FirstFrame | None = None
        self._before_areas: list[Callable[[], None]] = []
        self.navigator.set_builder(self._build_pending)
        self._activity = _ActivityFilter(self)
        qapp.installEventFilter(self._activity)
        self._apply_visit_defaults()

    # ---- building ------------------------------------------------------------------------------
    def _add_app_services(self) -> None:
        """The facades every area may use whatever devices this build has: submitting and the station cache."""
        from kiosk.services.diagnostics import DiagnosticsService
        from kiosk.services.hub import enrolment_reader
        from kiosk.services.submit import SubmitPipeline
        from screens.receipt.station_cache import StationCache

        services = self.ctx.services
        if services.submit is None:
            services.submit = SubmitPipeline(self.ctx)
        if services.diagnostics is None:
            services.diagnostics = DiagnosticsService.from_context(self.ctx)
        if services.station_cache is None:
            services.station_cache = StationCache(self.data_dir, self.threads,
                                                  enrolment_reader(self.config, self.data_dir))

    def _wire_shell(self) -> None:
        w = self.window
        w.header.language_toggled.connect(
            lambda: self.set_language("en" if self.language.language == "vi" else "vi"))
        w.header.large_text_toggled.connect(self.set_large_text)
        w.header.help_requested.connect(w.help_overlay.open)
        from screens.shell.call_staff import CallStaffController

        self.call_staff = CallStaffController(self.ctx, w.call_staff_overlay)
        w.header.call_staff_requested.connect(lambda: self.call_staff.request())
        w.header.corner_tapped.connect(self._corner_tapped)
        from screens.shell.voice_guide import VoiceGuide

        self.voice_guide = VoiceGuide(self.ctx, w.header, w.help_overlay, lambda: self.language.language)
        w.nav_bar.back_clicked.connect(self.flow.back)
        w.nav_bar.home_clicked.connect(self.flow.home)
        w.idle_overlay.more_time.connect(self.flow.more_time)
        w.idle_overlay.go_home.connect(lambda: self.flow.home("button"))
        self.flow.warning_changed.connect(w.idle_overlay.set_seconds)
        self.flow.visit_reset.connect(lambda _reason: self._apply_visit_defaults())
        self.bus.sync_status_changed.connect(lambda s: w.header.set_online(bool((s or {}).get("online"))))

    def _add_shell_screens(self) -> None:
        self.home_screen = self.navigator.add(HomeScreen())
        self.navigator.add(ProblemScreen())

    @property
    def technician(self) -> TechnicianController:
        if self._technician is None:
            self._build_pending("technician")
        assert self._technician is not None
        return self._technician

    @property
    def pin_screen(self) -> Screen:
        return self.technician.pin

    @property
    def tech_screen(self) -> Screen:
        return self.technician.status

    def build_all(self) -> None:
        """Build every screen now (screenshots, self-test, benchmarks)."""
        self._build_pending(None)

    def _build_pending(self, screen_id: str | None) -> None:
        """Install the area of ``screen_id`` ("dossier.form" → dossier), else every area not built yet."""
        area = screen_id.split(".", 1)[0] if screen_id else None
        with self.navigator.building():
            if area in self._pending:
                self._pending.remove(area)
                self._install(area)
            if screen_id is not None and self.navigator.has(screen_id):
                return
            while self._pending:  # a screen shared by areas (identity, receipt): which area adds it is not known
                self._install(self._pending.pop(0))
        self._freeze_when_built()

    def _build_next_idle(self) -> None:
        if self._pending:
            with self.navigator.building():
                self._install(self._pending.pop(0))
        if self._pending:
            QTimer.singleShot(0, self._build_next_idle)
        else:
            self._freeze_when_built()

    def _freeze_when_built(self) -> None:
        """Once every screen exists, move the objects of the app's lifetime out of the garbage collector's reach.

        The screens, modules and catalogue are ~160,000 objects that live as long as the app; a full collection
        walks them all while holding the GIL, and whichever thread triggers it (often a worker) stalls the GUI
        thread for 90–280 ms with nothing to do on screen. Frozen, a full collection walks only what visits make.
        """
        if not self._pending and not self._frozen:
            self._frozen = True
            gc.freeze()
            log.info("screens built: %d long-lived objects frozen for the garbage collector", gc.get_freeze_count())

    def before_first_area(self, step: Callable[[], None]) -> None:
        """Run ``step`` once, just before the first area is built (work home does not need, e.g. the catalogue)."""
        self._before_areas.append(step)

    def _install(self, area: str) -> None:
        while self._before_areas:
            self._before_areas.pop(0)()
        language, large_text = self.language.language, self.large_text
        if area == "technician":
            from screens.technician import install

            self._technician = install(self.ctx)
        else:
            self._install_area(area)
        # a controller built after the resident switched language or text size learns it now
        if language != self.config.station.language:
            self.bus.language_changed.emit(language)
        if large_text:
            self.bus.large_text_changed.emit(True)

    def _install_area(self, service: str) -> None:
        package = AREA_PACKAGES[service]
        try:
            module = importlib.import_module(package)
        except ModuleNotFoundError as exc:
            if (exc.name and package.startswith(exc.name)) or exc.name == package:
                log.info("area %s not on this build: showing 'coming soon'", service)
                self.navigator.add(ComingSoonScreen(service))
                return
            raise
        install = getattr(module, "install", None)
        try:
            if install is None:
                raise TypeError(f"{package} has no install(ctx)")
            self.controllers[service] = install(self.ctx)  # kept for as long as the app lives
        except Exception:
            # One broken service must not take the station down: residents get the others.
            log.exception("area %s failed to install: showing 'coming soon'", service)
            self.install_errors.append(service)
        if not self.navigator.has(service):
            self.navigator.add(ComingSoonScreen(service))

    # ---- behaviour -------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language.set_language(language)
        self.window.header.set_language(self.language.language)
        self.bus.language_changed.emit(self.language.language)

    def set_large_text(self, on: bool) -> None:
        if on == self.large_text:
            return  # restyling every widget is expensive: only when it really changes
        scale = self.panel_scale * (LARGE_TEXT_SCALE if on else 1.0)
        qapp = QApplication.instance()
        qapp.setFont(theme.app_font(scale, self.font_family))
        theme.apply(qapp, scale, self.panel_scale)
        self.window.header.set_large_text(on)
        self.window.fit_to_screen()
        self.large_text = on
        self.bus.large_text_changed.emit(on)

    def _apply_visit_defaults(self) -> None:
        """The next resident starts in the station's language, with normal text."""
        self.set_language(self.config.station.language)
        self.set_large_text(False)
        self.window.help_overlay.hide()

    def _corner_tapped(self) -> None:
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t < GESTURE_WINDOW_S] + [now]
        if len(self._taps) >= GESTURE_TAPS:
            self._taps.clear()
            log.info("technician gesture: PIN pad opened")
            self.flow.go("technician.pin")

    # ---- life cycle -----------------------------------------------------------------------------
    def start(self) -> None:
        self.window.show_kiosk()
        self.flow.home("start")
        # the areas are built in idle time counted from home's first frame, not from now: on a busy start the
        # delay could run out before that frame, and an area's build would then delay it
        self._first_frame = _FirstFrame(self._home_painted)
        self.window.installEventFilter(self._first_frame)
        QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, self._home_painted)

    def _home_painted(self) -> None:
        if self._first_frame is None:
            return
        self.window.removeEventFilter(self._first_frame)
        self._first_frame = None
        QTimer.singleShot(IDLE_BUILD_DELAY_MS, self._build_next_idle)

    def shutdown(self) -> bool:
        """Stop every worker thread; True when all of them finished."""
        self._pending.clear()  # an idle-time build still queued must not build on a closed window
        if self._first_frame is not None:
            self.window.removeEventFilter(self._first_frame)
            self._first_frame = None
        if self._frozen:
            gc.unfreeze()  # what this app leaves behind is collectable again (tests build many apps in one process)
            self._frozen = False
        QApplication.instance().removeEventFilter(self._activity)
        self.flow.stop()
        services = self.ctx.services
        for name, facade in (("scanner", services.scanner), ("health", services.health),
                             ("printer", services.printer)):
            if facade is None:
                continue
            try:
                facade.shutdown()  # stops their watchdog timers; the other facades have none
            except Exception:
                log.exception("service %s failed to shut down", name)
        ok = self.threads.shutdown()
        self.language.uninstall()
        self.window.allow_close = True
        self.window.close()
        return ok
