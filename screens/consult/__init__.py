"""Video consultation screens (consent, finding a doctor / after the call, the call) and install(ctx). GUI thread.

Installed by the health area (its results screen and its tile lead here); returns the controller, whose
``open(readings, resident)`` starts the journey."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> Any:
    from screens.consult.call import ConsultCallScreen
    from screens.consult.consent import ConsultConsentScreen
    from screens.consult.controller import ConsultController
    from screens.consult.status import ConsultStatusScreen

    consent, status, call = ConsultConsentScreen(), ConsultStatusScreen(), ConsultCallScreen()
    for screen in (consent, status, call):
        ctx.navigator.add(screen)
    controller = ConsultController(ctx, consent, status, call)
    consent.controller = controller  # keep it alive as long as the screens
    return controller
