"""Thanh toán lệ phí (screen id ``payment``): create the payment at the hub, show and print its VietQR,
wait for the hub to say it was paid; offline, a code from the last known payee or "pay at the counter".

Params: ``{"reference", "amount", "service"}`` (from the done screen or tracking) or none (the resident
types/scans the reference and the fee comes from the hub).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    from screens.payment.controller import PaymentController
    from screens.payment.screen import PaymentScreen

    screen = ctx.navigator.add(PaymentScreen())
    controller = PaymentController(ctx, screen)
    screen.controller = controller
    ctx.flow.visit_reset.connect(controller.visit_over)  # bound: dropped when the controller goes
