"""The catalogue the phone page shows: the one the ward published to its kiosks, else the bundled one (the
catalogue a kiosk uses before its first pull). Built once per published version."""

from __future__ import annotations

import threading

from central import catalog_store
from central.db import Database
from core.catalogue import Catalogue, load_catalogue


class PhoneCatalogue:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._catalogue: Catalogue | None = None

    def current(self, db: Database) -> Catalogue:
        newest = catalog_store.latest_version(db)
        version = newest[0] if newest else 0
        with self._lock:
            if self._catalogue is not None and self._version == version:
                return self._catalogue
        catalogue = None
        if version:
            try:
                published = catalog_store.get(db, version)
                catalogue = Catalogue(published.document) if published.document else None
            except (catalog_store.UnknownVersion, KeyError, ValueError):
                catalogue = None
        catalogue = catalogue or load_catalogue()
        with self._lock:
            self._version, self._catalogue = version, catalogue
        return catalogue
