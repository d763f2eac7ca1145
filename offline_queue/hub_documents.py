"""The documents a kiosk keeps from its hub (procedure catalogue, official billers list): pulled after a good
sync run by whichever process sends, and noticed by the kiosk app when another process stored them.

Qt-free. Both sync modes call :func:`pull_documents` after a good run: the in-GUI SyncWorker
(``hub.sync_in_gui = true``) and the headless sync service (tram-kiosk-sync, ``sync_in_gui = false``). Each
pull is a conditional GET, what arrives is checked again and only a good document replaces the last good one
in the data dir (offline_queue.catalogue_pull, offline_queue.billers_pull). The billers list is read from its
file whenever the bills screen opens, so storing it is enough; the catalogue is indexed in memory, so the app
watches the stored file (:class:`StoredCatalogueWatch`, from its sync thread) and switches between visits.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from offline_queue import billers_pull, catalogue_pull
from offline_queue.catalogue_pull import PullResult, StoredCatalogue
from offline_queue.hub_client import HubClient
from offline_queue.protocol import HubError

log = logging.getLogger(__name__)


def pull_documents(client: HubClient, data_dir: Path, current: StoredCatalogue | None) -> PullResult | None:
    """Pull the catalogue, then the billers list. The catalogue's result, or None if it could not be pulled.

    Never raises for the hub's or the disk's sake: a kiosk keeps working on its last good documents.
    """
    result: PullResult | None = None
    try:
        result = catalogue_pull.pull(client, data_dir, current)
    except HubError as exc:
        log.info("catalogue not pulled: %s", exc)
    except OSError as exc:  # the data dir is full or read-only: keep the current catalogue
        log.error("catalogue not stored: %s", exc.strerror or exc)
    try:
        billers_pull.pull(client, data_dir)
    except HubError as exc:
        log.info("billers list not pulled: %s", exc)
    except OSError as exc:
        log.error("billers list not stored: %s", exc.strerror or exc)
    return result


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


class StoredCatalogueWatch:
    """Notices a catalogue (or a refusal) that another process stored in the data dir.

    ``poll`` costs two ``stat`` calls when nothing changed; files are replaced atomically (rename), so a
    changed inode or mtime means a whole new file. It answers like a pull: "updated" with the stored
    version when it differs from ``current``, "refused" for a refusal not seen before, else None.
    """

    def __init__(self, data_dir: Path) -> None:
        self._folder = catalogue_pull.folder(data_dir)
        self._data_dir = Path(data_dir)
        self._seen: tuple[Any, Any] = (None, None)
        self._refusal: Any = None
        self.mark_seen()

    def _stat(self) -> tuple[Any, Any]:
        return (_signature(self._folder / catalogue_pull.CURRENT), _signature(self._folder / catalogue_pull.STATUS))

    def mark_seen(self) -> None:
        """What is on disk now is known (this process stored it, or has just loaded it)."""
        self._seen = self._stat()
        self._refusal = catalogue_pull.read_status(self._data_dir).get("refused")

    def poll(self, current: StoredCatalogue | None) -> PullResult | None:
        now = self._stat()
        if now == self._seen:
            return None
        self._seen = now
        stored = catalogue_pull.load_stored(self._data_dir)
        if stored is not None and (current is None or (stored.sha256, stored.version) != (current.sha256,
                                                                                         current.version)):
            self._refusal = None
            return PullResult("updated", stored=stored, version=stored.version)
        refusal = catalogue_pull.read_status(self._data_dir).get("refused")
        if isinstance(refusal, dict) and refusal != self._refusal:
            self._refusal = refusal
            version = refusal.get("version")
            return PullResult("refused", problem=str(refusal.get("problem", ""))[:300],
                              version=version if isinstance(version, int) else None)
        self._refusal = refusal
        return None
