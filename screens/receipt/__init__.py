"""The shared "done" screen (``receipt.done``) every resident journey ends on (controller in controller.py).

``install(ctx)`` is called by the dossier area (and may be called by any area that submits: it is
idempotent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    from screens.receipt.controller import ReceiptController
    from screens.receipt.done import DoneScreen

    if ctx.navigator.has(DoneScreen.screen_id):
        return
    screen = ctx.navigator.add(DoneScreen())
    screen.controller = ReceiptController(ctx, screen)
