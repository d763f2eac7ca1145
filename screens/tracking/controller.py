"""The tracking controller: asks this station's queue and the hub at the same time and shows the honest
combination (screens/tracking/model.py), keeping the hub's last answer in the station cache. GUI thread.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from core.formats import Kind, TrackingError
from screens.scan.routing import begin_scan, end_scan
from screens.tracking.model import combine, parse_typed_reference

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)
_NO_HUB = SimpleNamespace(ok=False, data=None, error_code="not_configured")


class TrackingController(QObject):
    def __init__(self, ctx: AppContext, screen: Any) -> None:
        super().__init__(screen)
        self.ctx, self.screen = ctx, screen
        self._token = 0
        screen.entry.set_station(ctx.config.station.code)  # the code pad fills in this station's part
        screen.lookup_requested.connect(self.lookup)
        screen.scan_requested.connect(self._scan)
        screen.scan_stopped.connect(self._end_scan)
        screen.pay_requested.connect(lambda params: ctx.flow.go("payment", params))

    def lookup(self, text: str) -> None:
        if self.ctx.services.station_cache is not None:
            self.ctx.services.station_cache.start()  # start loading the last known answers now
        try:
            ref = parse_typed_reference(text)
        except TrackingError:
            self.screen.show_error("tracking.reference")
            return
        self._ask(ref.reference, ref.local_ref or "")

    def _ask(self, reference: str, local_ref: str) -> None:
        storage, hub = self.ctx.services.storage, self.ctx.services.hub
        if storage is None and hub is None:
            self.screen.show_error("unavailable")
            return
        self._token += 1
        token = self._token
        answers: dict[str, Any] = {}
        self.screen.set_busy(True, reference)

        def got(key: str, value: Any) -> None:
            if token != self._token:
                return  # a newer lookup started, or the visit ended
            answers[key] = value
            if len(answers) == 2:
                self._show(reference, local_ref, answers["local"], answers["hub"])

        if storage is not None:
            storage.lookup(reference, lambda view: got("local", view))
        else:
            got("local", None)
        if hub is not None:
            hub.track(reference, lambda result: got("hub", result))
        else:
            got("hub", _NO_HUB)

    def _show(self, reference: str, local_ref: str, local: Any, hub: Any) -> None:
        cache = self.ctx.services.station_cache  # outlives visits and restarts: the last answer per reference
        cached = None if cache is None else cache.tracking.get(
            reference, local_ref, getattr(local, "local_ref", ""), getattr(local, "server_ref", "") or "")
        view = combine(reference, local, hub, cached, datetime.now(UTC))
        if cache is not None:
            cache.remember_view(view)
        log.info("tracking: %s (hub: %s)", view.state, getattr(hub, "error_code", None) or "ok")
        self.screen.show_view(view)

    def cancel(self, _reason: str = "") -> None:
        """The visit ended: answers still on their way are ignored."""
        self._token += 1

    def _scan(self, widget: Any) -> None:
        begin_scan(self.ctx, widget, {Kind.RECEIPT}, self._scanned)

    def _scanned(self, result: Any) -> None:
        self._end_scan()
        ref = result.value
        self.screen.field.setText(ref.reference)
        self._ask(ref.reference, ref.local_ref or "")

    def _end_scan(self) -> None:
        end_scan(self.ctx)
