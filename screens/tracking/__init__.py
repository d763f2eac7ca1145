"""Tra cứu hồ sơ: look a dossier up by the code on its receipt or its reference (screen id ``tracking``).

``install(ctx)`` adds the screen and its controller. The controller asks this station's queue and the hub
at the same time and shows the honest combination (screens/tracking/model.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    import screens.receipt
    from screens.tracking.controller import TrackingController
    from screens.tracking.screen import TrackingScreen

    screens.receipt.install(ctx)
    screen = ctx.navigator.add(TrackingScreen())
    controller = TrackingController(ctx, screen)
    screen.controller = controller
    ctx.flow.visit_reset.connect(controller.cancel)  # bound: dropped when the controller goes
