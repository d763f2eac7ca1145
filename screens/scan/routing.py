"""One scan routing for every screen that scans: connects the scan view on screen to the scanner service.

The scanner service (kiosk.services.scanner) knows nothing of widgets; it emits the preview, camera states,
guidance and feedback. A screen calls ``begin_scan(ctx, view, purposes, on_result)``; the routing connects that
one view (the ScanWidget, or another :class:`ScanView`) to the service, opens the camera, and on ``end_scan(ctx)``
— or when the view is destroyed by a screen that forgot — lets go of both. GUI thread.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, SignalInstance, Slot

from core.formats import Kind, ScanResult

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.protocols import ScannerApi

class ScanView(Protocol):
    """What a screen shows a scan on: the ScanWidget, or the documents viewfinder (screens.dossier.photo_view)."""

    retry_requested: SignalInstance
    timed_out: SignalInstance
    destroyed: SignalInstance
    preview_resized: SignalInstance  # width, height, fill: the size it draws the preview at

    def preview_request(self) -> tuple[int, int, bool]: ...

    def start_scan(self, timeout_seconds: int) -> None: ...
    def stop_scan(self) -> None: ...
    def show_frame(self, image: Any) -> None: ...
    def set_camera_state(self, state: str) -> None: ...
    def show_guidance(self, code: str) -> None: ...
    def show_success(self) -> None: ...
    def show_feedback(self, code: str) -> None: ...


_routings: weakref.WeakKeyDictionary[Any, ScanRouting] = weakref.WeakKeyDictionary()


class ScanRouting(QObject):
    """Routes one scanner service to the scan view currently on screen (at most one at a time)."""

    def __init__(self, scanner: ScannerApi, timeout_seconds: float) -> None:
        super().__init__()
        self._scanner = scanner
        self._timeout = timeout_seconds
        self._view: ScanView | None = None
        self._purposes: set[Kind] = set()
        scanner.closed.connect(self._release_view)  # whoever closed it (a video call takes the camera)

    @property
    def active(self) -> bool:
        return self._view is not None

    def begin(self, view: ScanView, purposes: Iterable[Kind], on_result: Callable[[ScanResult], None]) -> None:
        self._release_view()  # also for the same view again: no doubled connections
        self._view, self._purposes = view, set(purposes)
        for signal, slot in self._links(view):
            signal.connect(slot)
        view.start_scan(int(self._timeout))
        self._scanner.set_preview_size(*view.preview_request())  # frames come scaled: the GUI thread only draws
        self._scanner.open(self._purposes, on_result)

    def end(self) -> None:
        self._scanner.close()
        self._release_view()  # closing an already closed scanner emits nothing

    def _links(self, view: ScanView) -> list[tuple[Any, Any]]:
        s = self._scanner
        return [(s.frame, view.show_frame), (s.camera_state, view.set_camera_state), (s.guidance, view.show_guidance),
                (s.accepted, view.show_success), (s.refused, view.show_feedback),
                (view.retry_requested, self._retry), (view.timed_out, s.pause), (view.destroyed, self._view_destroyed),
                (view.preview_resized, s.set_preview_size)]

    @Slot()
    def _retry(self) -> None:
        if self._view is not None:
            self._view.start_scan(int(self._timeout))
            self._scanner.resume()

    @Slot()
    def _view_destroyed(self) -> None:
        # The widget is gone (Qt dropped the connections to its slots with it), but the camera must be let go.
        self._view = None
        self._scanner.close()

    @Slot()
    def _release_view(self) -> None:
        view, self._view = self._view, None
        if view is None:
            return
        for signal, slot in self._links(view):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        view.stop_scan()


def routing_for(scanner: ScannerApi, timeout_seconds: float) -> ScanRouting:
    """The one routing of this scanner service (made on first use)."""
    routing = _routings.get(scanner)
    if routing is None:
        routing = _routings[scanner] = ScanRouting(scanner, timeout_seconds)
    return routing


def begin_scan(ctx: AppContext, view: ScanView, purposes: Iterable[Kind],
               on_result: Callable[[ScanResult], None]) -> None:
    """Open the camera for ``purposes`` with ``view`` on screen; without a camera the view offers typing."""
    scanner = ctx.services.scanner
    if scanner is None:
        view.set_camera_state("absent")
        return
    routing_for(scanner, ctx.config.camera.scan_timeout_seconds).begin(view, purposes, on_result)


def end_scan(ctx: AppContext) -> None:
    """Release the camera and the view (a no-op when nothing scans)."""
    scanner = ctx.services.scanner
    routing = _routings.get(scanner) if scanner is not None else None
    if routing is not None and routing.active:
        routing.end()
    elif scanner is not None and scanner.active:
        scanner.close()
