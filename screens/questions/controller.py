"""The Hỏi đáp screen's controller: the language follows the station's, "ask staff" opens the help overlay.

GUI thread; the answers themselves come from the pure engine (core.qa) the screen asks directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


class QuestionsController(QObject):
    def __init__(self, ctx: AppContext, screen: Any) -> None:
        super().__init__(screen)  # lives as long as its screen
        self.screen = screen
        screen.staff_requested.connect(self._open_help)
        ctx.bus.language_changed.connect(screen.set_language)

    def _open_help(self) -> None:
        """The shell's help overlay (staff phone, emergency numbers), when this screen lives in the main window."""
        overlay = getattr(self.screen.window(), "help_overlay", None)
        if overlay is not None:
            overlay.open()
