"""Routing the camera to a screen's scan view for one kind of code, and releasing it. GUI thread.

Shared by the dossier, tracking and payment controllers: the scanner service does the work in its thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def begin_scan(ctx: AppContext, widget: Any, purposes: Iterable[Any], on_result: Callable[[Any], None]) -> None:
    scanner = ctx.services.scanner
    if scanner is None:
        widget.set_camera_state("absent")  # the widget then offers typing instead
        return
    scanner.begin(widget, set(purposes), on_result)


def end_scan(ctx: AppContext) -> None:
    scanner = ctx.services.scanner
    if scanner is not None and scanner.active:
        scanner.end()
