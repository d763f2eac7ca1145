"""Area "procedures" (Thủ tục hành chính): browse, search, scan a poster, read a procedure. GUI thread.

``install(ctx)`` adds the screens "procedures" (the home tile: start.py), "procedures.list" (field_list.py),
"procedures.search", "procedures.scan" and "procedures.detail", wires the area's controller (controller.py), and
installs the identity sub-journey (screens.identity) the areas share. What the pages say is in model.py (pure).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.procedures.controller import ProceduresController


def install(ctx: AppContext) -> ProceduresController:
    from screens import identity
    from screens.procedures.controller import ProceduresController, catalogue_getter
    from screens.procedures.detail import ProcedureDetailScreen
    from screens.procedures.field_list import ProcedureListScreen
    from screens.procedures.scan import ProcedureScanScreen
    from screens.procedures.search import ProcedureSearchScreen
    from screens.procedures.start import ProceduresScreen

    get = catalogue_getter(ctx)
    nav = ctx.navigator
    for cls in (ProceduresScreen, ProcedureListScreen, ProcedureSearchScreen, ProcedureDetailScreen):
        nav.add(cls(get))
    scan = nav.add(ProcedureScanScreen(get))
    controller = ProceduresController(ctx, scan)  # a child of the scan screen: lives as long as it
    identity.install(ctx)
    return controller
