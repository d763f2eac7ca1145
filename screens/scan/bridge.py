"""Connects a scanning screen's intents to the one scan routing (screens.scan.routing). GUI thread.

A screen that scans emits ``scan_requested(view, purposes)`` when it wants the camera and ``scan_finished()``
when it leaves; it never touches the camera itself (DESIGN §3.3). The scanner facade may be missing (not on this
build, or built after the areas were installed), so it is looked up at every use; without one the screen is told
(``scanner_unavailable()``) and offers typing instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance

from core.formats import Kind, ScanResult

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.scan.routing import ScanView


class ScanningScreen(Protocol):
    """What a screen that scans offers its area's controller."""

    scan_requested: SignalInstance  # ScanView, purposes (a set of core.formats.Kind)
    scan_finished: SignalInstance

    def on_scan_result(self, result: ScanResult) -> None: ...
    def scanner_unavailable(self) -> None: ...


class ScanBridge(QObject):
    """One per scanning screen, parented to it (it lives as long as the screen)."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx

    def attach(self, screen: ScanningScreen) -> None:
        screen.scan_requested.connect(lambda view, purposes, s=screen: self._begin(s, view, purposes))
        screen.scan_finished.connect(self._end)

    def _begin(self, screen: ScanningScreen, view: ScanView, purposes: Iterable[Kind]) -> None:
        from screens.scan.routing import begin_scan

        if self._ctx.services.scanner is None:
            screen.scanner_unavailable()
            return
        begin_scan(self._ctx, view, purposes, screen.on_scan_result)

    def _end(self) -> None:
        from screens.scan.routing import end_scan

        end_scan(self._ctx)
