"""Hỏi đáp (screen id ``questions``): the resident types a question, with or without accents, or picks a common
one; the answer comes only from the procedure catalogue and the curated FAQ (core.qa), cites the procedure with
a button to open it, and below the confidence threshold the station says it does not know and offers staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    from screens.procedures.controller import catalogue_getter
    from screens.questions.controller import QuestionsController
    from screens.questions.screen import QuestionsScreen

    screen = ctx.navigator.add(QuestionsScreen(catalogue_getter(ctx), ctx.config.station.staff_phone))
    QuestionsController(ctx, screen)
