"""Bảo hiểm y tế hộ gia đình (family health insurance): register or renew a household's cards at the station.

Screens: ``bhyt`` (register or renew), the shared identity steps (the head of household's ID card),
``bhyt.members`` (the people to cover), ``bhyt.member`` (add one: scan their card, or type), ``bhyt.quote`` (period,
each person's contribution by core.bhyt with the legal source, consent, submit). The application is a dossier of the
procedure named in core/assets/bhyt/household_contribution.json ("procedures"); the fee is paid through the payment
area like any dossier fee. Reached from the bills area ("Tiện ích": screens/bills), not a home tile of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.bhyt.controller import BhytController


def install(ctx: AppContext) -> BhytController | None:
    if ctx.navigator.has("bhyt"):
        return None
    import screens.identity
    import screens.receipt
    from screens.bhyt.choose import BhytChooseScreen
    from screens.bhyt.controller import BhytController
    from screens.bhyt.member import BhytMemberScreen
    from screens.bhyt.members import BhytMembersScreen
    from screens.bhyt.quote import BhytQuoteScreen

    screens.receipt.install(ctx)
    screens.identity.install(ctx)  # the shared ID-card sub-journey (idempotent)
    built = {cls.screen_id: ctx.navigator.add(cls())
             for cls in (BhytChooseScreen, BhytMembersScreen, BhytMemberScreen, BhytQuoteScreen)}
    return BhytController(ctx, built)
