"""Health check screens (choose, guidance + live measuring, results, consent) and their install(ctx). GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> Any:
    """Create the health screens, add them to the navigator and wire the journey controller."""
    from screens.health.check import HealthCheckScreen
    from screens.health.choose import HealthChooseScreen
    from screens.health.consent import HealthConsentScreen
    from screens.health.controller import HealthController
    from screens.health.results import HealthResultsScreen

    choose = HealthChooseScreen()
    check = HealthCheckScreen()
    results = HealthResultsScreen()
    consent = HealthConsentScreen()
    for screen in (choose, check, results, consent):
        ctx.navigator.add(screen)
    import screens.consult

    consult = screens.consult.install(ctx)
    controller = HealthController(ctx, choose, check, results, consent, consult)
    # keep the controller alive as long as the screens (it is a QObject without a parent widget)
    choose.controller = controller
    return controller
