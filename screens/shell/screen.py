"""Base class of every screen: intents out (signals), state in (enter/reset), texts via retranslate().

Runs on the GUI thread. A screen never calls a device, the queue or the network (DESIGN §3.3):
it emits what the resident asked for and its area's journey controller decides.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QWidget

from core.visit import Visit


class Screen(QWidget):
    screen_id: ClassVar[str] = ""
    idle_seconds: ClassVar[float | None] = None  # None: the configured default; 0: never times out
    show_nav: ClassVar[bool] = True  # the Back / Home bar under the screen

    navigate = Signal(str, dict)  # go to a step, with parameters
    back_requested = Signal()
    home_requested = Signal()
    failed = Signal(str, object)  # failure code, saved reference or None
    step_info_changed = Signal()  # "step n of m" changed while on the screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint the page colour itself
        self.visit: Visit | None = None
        self.build()
        self.retranslate()

    # ---- to override ---------------------------------------------------------------------------
    def build(self) -> None:
        """Create the widgets (once)."""

    def retranslate(self) -> None:
        """Set every visible text (called at start and on every language change)."""

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        """The screen is about to be shown for ``visit``."""
        self.visit = visit

    def leave(self) -> None:
        """The screen is being hidden."""

    def reset(self) -> None:
        """The visit ended: clear every field the resident filled or saw."""
        self.visit = None

    def step_info(self) -> tuple[int, int] | None:
        """(step, of) for multi-step journeys, shown as "Bước 2/4"."""
        return None

    def title(self) -> str:
        """Short name of the screen: the window title and the accessible name of the page area."""
        return self.screen_id

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        """Parameters that make the screen show something meaningful in screenshots/self-test."""
        return {}

    # ---- Qt ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
