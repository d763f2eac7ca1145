"""Hỏi đáp (screen id ``questions``): the resident types a question, with or without accents, or picks a common
one; the answer comes only from the procedure catalogue and the curated FAQ (core.qa), cites the procedure with
a button to open it, and below the confidence threshold the station says it does not know and offers staff."""

from __future__ import annotations

from typing import Any


def install(ctx: Any) -> None:
    from screens.procedures import catalogue_getter
    from screens.questions.screen import QuestionsScreen

    screen = ctx.navigator.add(QuestionsScreen(catalogue_getter(ctx), ctx.config.station.staff_phone))
    screen.staff_requested.connect(lambda: _open_help(screen))
    ctx.bus.language_changed.connect(screen.set_language)


def _open_help(screen: Any) -> None:
    """The shell's help overlay (staff phone, emergency numbers), when this screen lives in the main window."""
    overlay = getattr(screen.window(), "help_overlay", None)
    if overlay is not None:
        overlay.open()
