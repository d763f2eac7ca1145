"""The procedures area's controller: hands its screens the catalogue and connects the poster scan to the scanner.

GUI thread. The pages themselves read the pure catalogue (core.catalogue) through the getter: it is switched
between visits by the catalogue service, so it is read at each use and never kept.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from screens.scan.bridge import ScanBridge

if TYPE_CHECKING:
    from core.catalogue import Catalogue
    from kiosk.services.context import AppContext
    from screens.procedures.model import CatalogueGetter
    from screens.procedures.scan import ProcedureScanScreen

log = logging.getLogger(__name__)


def catalogue_getter(ctx: AppContext) -> CatalogueGetter:
    """() -> Catalogue | None: the service's catalogue, or one loaded here once if services were not built."""
    cache: dict[str, Catalogue | None] = {}

    def get() -> Catalogue | None:
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


class ProceduresController(QObject):
    """Lives as long as the scan screen (its parent)."""

    def __init__(self, ctx: AppContext, scan: ProcedureScanScreen) -> None:
        super().__init__(scan)
        self.scan_bridge = ScanBridge(ctx, parent=self)
        self.scan_bridge.attach(scan)
