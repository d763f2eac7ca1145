"""The navigator: one screen per step in a QStackedWidget (ANCHORS §5.5), each built once and reused.

Screens are built on first use: the app hands over a ``builder`` that installs the areas not built yet, and
asking for a screen that is not there yet (showing it, ``screen``, ``has``, ``ids``) builds it first. Runs on
the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QStackedWidget

from core.visit import Visit
from screens.shell.screen import Screen

log = logging.getLogger(__name__)


class Navigator(QStackedWidget):
    screen_added = Signal(object)  # Screen
    screen_shown = Signal(object)  # Screen

    def __init__(self) -> None:
        super().__init__()
        self._screens: dict[str, Screen] = {}
        self._builder: Callable[[str | None], None] | None = None
        self._building = False

    def set_builder(self, builder: Callable[[str | None], None] | None) -> None:
        """``builder(screen_id)`` adds the screens not built yet, at least ``screen_id`` (all of them for None)."""
        self._builder = builder

    @contextmanager
    def building(self) -> Iterator[None]:
        """While areas install: their has()/screen() questions about their own screens build nothing else."""
        was, self._building = self._building, True
        try:
            yield
        finally:
            self._building = was

    def _build(self, screen_id: str | None) -> None:
        if self._builder is None or self._building or (screen_id is not None and screen_id in self._screens):
            return
        with self.building():
            self._builder(screen_id)

    def add(self, screen: Screen) -> Screen:
        if not screen.screen_id:
            raise ValueError(f"{type(screen).__name__} has no screen_id")
        if screen.screen_id in self._screens:
            raise ValueError(f"screen id {screen.screen_id!r} added twice")
        self._screens[screen.screen_id] = screen
        self.addWidget(screen)
        self.screen_added.emit(screen)
        return screen

    # A QStackedWidget asks for the size of its largest page; the kiosk shows one page at a time, so
    # only the page on screen decides (a tall page elsewhere must not make this one scroll).
    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        # QStackedLayout answers for its tallest page; the stage (a scroll area) asks this question and
        # should get the least height the page on screen can live with at that width.
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return page.minimumSizeHint().height()

    def ids(self) -> list[str]:
        self._build(None)
        return list(self._screens)

    def screen(self, screen_id: str) -> Screen:
        self._build(screen_id)
        return self._screens[screen_id]

    def has(self, screen_id: str) -> bool:
        self._build(screen_id)
        return screen_id in self._screens

    @property
    def current(self) -> Screen | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def show_step(self, screen_id: str, visit: Visit, params: dict[str, Any]) -> None:
        screen = self.screen(screen_id)
        previous = self.current
        if previous is not None and previous is not screen:
            previous.leave()
        screen.enter(visit, params)
        self.setCurrentWidget(screen)
        self.updateGeometry()  # the stage re-fits to this page's size
        self.screen_shown.emit(screen)

    def reset_all(self) -> None:
        """The visit ended: every screen forgets what it showed."""
        for screen in self._screens.values():
            try:
                screen.reset()
            except Exception:  # one broken screen must not keep another resident's data on the rest
                log.exception("screen %s failed to reset", screen.screen_id)
