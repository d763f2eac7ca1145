"""CatalogueUpdates: puts a catalogue pulled from the hub in front of residents, but never in the middle of a visit.

Runs on the GUI thread. The SyncWorker pulls, checks, stores and indexes a new version in its own thread and
hands over the finished, immutable ``Catalogue``; this facade keeps it pending while a resident is on any
step but home and switches ``services.catalogue`` when the visit ends (finish, cancel, timeout) or at once when
the kiosk is idle at home. Screens read the catalogue through ``services.catalogue`` each time they open, so
the next resident sees the new version without a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from core.catalogue import Catalogue, CatalogueError, load_catalogue
from core.flow import HOME
from offline_queue.catalogue_pull import load_stored

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)
BUILT_IN = {"source": "built-in", "version": None}


def load_current(data_dir: Path) -> tuple[Any, dict[str, Any]]:
    """(Catalogue or None, info) at start-up: the last good hub version, else the one built into the kiosk."""
    stored = load_stored(data_dir)
    if stored is not None:
        try:
            return Catalogue(stored.document), stored.info()
        except CatalogueError as exc:
            log.error("stored hub catalogue version %d unusable (%s): using the built-in one", stored.version, exc)
    try:
        return load_catalogue(), dict(BUILT_IN)
    except CatalogueError as exc:  # the procedures screens then say the catalogue is unavailable
        log.error("procedure catalogue unusable: %s", exc)
        return None, {"source": "none", "version": None}


class CatalogueUpdates(QObject):
    """Also announces every change on ``bus.catalogue_changed`` (the technician screens show the version)."""

    changed = Signal(object)  # the info dict: source, version, published_at, sha256, fetched_at, refused

    def __init__(self, services: Any, flow: Any, info: dict[str, Any], bus: Any = None) -> None:
        super().__init__()
        self._services, self._flow = services, flow
        self.info: dict[str, Any] = dict(info)
        self._pending: dict[str, Any] | None = None
        flow.visit_reset.connect(self._visit_over)
        if bus is not None:
            self.changed.connect(bus.catalogue_changed)

    @classmethod
    def from_context(cls, ctx: AppContext, info: dict[str, Any]) -> CatalogueUpdates:
        updates = cls(ctx.services, ctx.flow, info, ctx.bus)
        sync = ctx.services.sync
        if sync is not None:
            sync.catalogue_pulled.connect(updates.received)
        updates.changed.emit(dict(updates.info))
        return updates

    @property
    def pending_version(self) -> int | None:
        return self._pending["info"].get("version") if self._pending else None

    @Slot(object)
    def received(self, payload: dict[str, Any]) -> None:
        if payload.get("catalogue") is None:  # refused: keep showing the last good version, tell the technician
            self.info = {**self.info, "refused": payload.get("refused")}
            self.changed.emit(dict(self.info))
            return
        self._pending = payload
        if self._flow.step == HOME:
            self._switch()
        else:
            log.info("catalogue version %s waits for the visit to end", self.pending_version)

    @Slot(str)
    def _visit_over(self, _reason: str) -> None:
        if self._pending is not None:
            self._switch()

    def _switch(self) -> None:
        payload, self._pending = self._pending, None
        if payload is None:
            return
        self._services.catalogue = payload["catalogue"]
        self.info = dict(payload["info"])
        log.info("catalogue version %s in use", self.info.get("version"))
        self.changed.emit(dict(self.info))
