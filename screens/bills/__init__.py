"""Thanh toán hóa đơn (screen id ``bills``): scan a bill's payment QR or pick an official biller and type the
customer code; the kiosk shows in large text who receives the money, the amount and what for, checks the payee
against the ward's official billers list (core.bills) and only then shows a payment code and prints a slip.

Policy (DESIGN, issue 19): a payee that is NOT on the official list never gets a payment code from the station.
The resident sees a clear warning (with the name and account the bill's code carries) and is told to check with
the biller or the staff; the refusal is logged (bank BIN only, no account number or amount).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.bhyt.controller import BhytController


def install(ctx: AppContext) -> BhytController | None:
    """The bills screen and its controller, and the household health insurance journey this area holds; returns
    that journey's controller (the app keeps it; None when another area installed it first)."""
    import screens.bhyt
    from screens.bills.controller import BillsController
    from screens.bills.screen import BillsScreen

    screen = ctx.navigator.add(BillsScreen())
    screen.controller = BillsController(ctx, screen)
    return screens.bhyt.install(ctx)  # family health insurance lives in this "Tiện ích" area
