"""The identity sub-journey shared by dossier, report and health: "identity.scan" (scan.py), "identity.confirm"
(confirm.py), "identity.manual" (manual.py); the draft and its checks in model.py (pure), the scan wiring in
controller.py. GUI thread.

Enter any of them with params {"return_to": step, "purpose": "dossier"|"report"|"health",
"return_params": {...} (optional), "step": [n, m] (optional, shown as "step n of m")}. When the resident
confirms, ``visit.identity`` holds a :class:`core.formats.cccd.IdCard` (typed-in ones: layout "manual",
issue_date None) and the flow goes to ``return_to`` with ``return_params``. ``install(ctx)`` may be called by
every area that needs it; the screens are added once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    if ctx.navigator.has("identity.scan"):
        return
    from screens.identity.confirm import IdentityConfirmScreen
    from screens.identity.controller import IdentityController
    from screens.identity.manual import IdentityManualScreen
    from screens.identity.scan import IdentityScanScreen

    scan = ctx.navigator.add(IdentityScanScreen())
    ctx.navigator.add(IdentityConfirmScreen())
    ctx.navigator.add(IdentityManualScreen())
    IdentityController(ctx, scan)  # a child of the scan screen: lives as long as it
