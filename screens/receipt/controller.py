"""The done screen's controller: the print outcome from the submit pipeline, the row's status from the queue.

GUI thread; talks only to service facades.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


POLL_MS = 2000


class ReceiptController(QObject):
    """Feeds the done screen: the print outcome from the pipeline, the row's status from the queue DB."""

    def __init__(self, ctx: AppContext, screen: Any) -> None:
        super().__init__(screen)
        self.ctx, self.screen = ctx, screen
        self._uuid: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        # bound methods, not lambdas: long-lived senders drop the connection when this controller goes
        if ctx.services.submit is not None:
            ctx.services.submit.print_finished.connect(self._print_finished)
        screen.watch_requested.connect(self._watch)
        screen.watch_stopped.connect(self._stop)
        screen.pay_requested.connect(lambda params: ctx.flow.go("payment", params))
        screen.reprint_requested.connect(self._reprint)
        ctx.bus.sync_status_changed.connect(self._sync_status)

    def _watch(self, uuid: str) -> None:
        self._uuid = uuid
        self._timer.start()
        submit = self.ctx.services.submit
        last = submit.last_print if submit is not None else None
        if last is not None and last.uuid == uuid:
            self.screen.show_print(last.local_ref, last.ok, last.reason)
        self._poll()

    def _print_finished(self, result: Any) -> None:
        self.screen.show_print(result.local_ref, result.ok, result.reason)

    def _sync_status(self, _status: Any) -> None:
        if self._uuid:
            self._poll()

    def _reprint(self, uuid: str) -> None:
        submit = self.ctx.services.submit
        if submit is None or not submit.reprint(uuid):
            self.screen.show_print(self.screen.params.get("reference", ""), False, "unavailable")

    def _stop(self) -> None:
        self._uuid = None
        self._timer.stop()

    def _poll(self) -> None:
        storage = self.ctx.services.storage
        if storage is None or not self._uuid:
            return
        uuid = self._uuid
        storage.lookup(uuid, lambda view: self._seen(uuid, view))

    def _seen(self, uuid: str, view: Any) -> None:
        if view is None or uuid != self._uuid:
            return
        status = "sent" if view.status == "sent" else "rejected" if view.status == "rejected" else "queued"
        self.screen.show_status(view.local_ref, status, view.server_ref)
        if status == "sent":
            self._timer.stop()
