"""Hồ sơ chuẩn bị tại nhà (screen id ``prepared``): the resident shows the QR the hub's phone page gave; the
station redeems it once through the hub and opens the dossier pre-filled (screens/dossier/prepared.py), or says
clearly why it cannot (altered, expired, already used, no connection) and offers to fill the dossier here."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.prepared.controller import PreparedController


def install(ctx: AppContext) -> PreparedController:
    from screens.prepared.controller import PreparedController
    from screens.prepared.screen import PreparedScreen

    screen = ctx.navigator.add(PreparedScreen())
    return PreparedController(ctx, screen)
