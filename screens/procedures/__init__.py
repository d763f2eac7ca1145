"""Area "procedures" (Thủ tục hành chính): browse, search, scan a poster, read a procedure. GUI thread.

``install(ctx)`` adds the screens "procedures" (the home tile), "procedures.list", "procedures.search",
"procedures.scan" and "procedures.detail", and the identity sub-journey (screens.identity) they share with
other areas.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)


def catalogue_getter(ctx: AppContext):
    """() -> Catalogue | None: the service's catalogue, or one loaded here once if services were not built."""
    cache: dict[str, Any] = {}

    def get() -> Any:
        if ctx.services.catalogue is not None:
            return ctx.services.catalogue
        if "catalogue" not in cache:
            from core.catalogue import CatalogueError, load_catalogue

            try:
                cache["catalogue"] = load_catalogue()
            except CatalogueError as exc:
                log.error("procedure catalogue not available: %s", exc.code)
                cache["catalogue"] = None
        return cache["catalogue"]

    return get


def install(ctx: AppContext) -> None:
    from screens import identity
    from screens.procedures.browse import (
        ProcedureListScreen,
        ProcedureScanScreen,
        ProcedureSearchScreen,
        ProceduresScreen,
    )
    from screens.procedures.detail import ProcedureDetailScreen
    from screens.procedures.widgets import ScanBridge

    get = catalogue_getter(ctx)
    nav = ctx.navigator
    built = [nav.add(cls(get)) for cls in (ProceduresScreen, ProcedureListScreen, ProcedureSearchScreen,
                                           ProcedureDetailScreen, ProcedureScanScreen)]
    scan = built[-1]
    bridge = ScanBridge(ctx, parent=scan)
    bridge.attach(scan)
    identity.install(ctx)
