"""The identity sub-journey's controller: connects the ID-card scan to the scanner. GUI thread.

The journey itself (params kept in the visit, the draft, confirming into ``visit.identity`` and returning to the
caller's step) is the screens' own business (base.py, confirm.py): it touches nothing outside the visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from screens.scan.bridge import ScanBridge

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.identity.scan import IdentityScanScreen


class IdentityController(QObject):
    """Lives as long as the scan screen (its parent)."""

    def __init__(self, ctx: AppContext, scan: IdentityScanScreen) -> None:
        super().__init__(scan)
        self.scan_bridge = ScanBridge(ctx, parent=self)
        self.scan_bridge.attach(scan)
