"""Per-kiosk limits on dossier look-ups (tracking): a stolen or scripted kiosk token cannot walk the reference
space. The look-ups are rows (kiosk_lookups), so every hub worker process and every hub machine on one database
count together and a restart forgets nothing; called from request threads."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select

from central.db import Database
from central.models import KioskLookup, as_utc, utcnow
from central.problems import Problem

LOOK_WINDOW = timedelta(seconds=60)
MISS_WINDOW = timedelta(minutes=10)


class TrackingLimit:
    def __init__(self, db: Database, per_minute: int = 60, misses_per_10_min: int = 20,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.db, self.per_minute, self.misses = db, per_minute, misses_per_10_min
        self._clock = clock

    def check(self, kiosk_id: str) -> None:
        """Count one look-up; 429 with Retry-After when the kiosk is over either limit. Two processes checking
        the same kiosk at the same instant may both pass the last free slot: the limit is soft by one or two."""
        now = self._clock()
        with self.db.session() as s:
            mine = KioskLookup.kiosk_id == kiosk_id
            s.execute(delete(KioskLookup).where(mine, KioskLookup.at < now - MISS_WINDOW))
            looks, first_look = s.execute(select(func.count(), func.min(KioskLookup.at)).where(
                mine, KioskLookup.missed.is_(False), KioskLookup.at >= now - LOOK_WINDOW)).one()
            misses, first_miss = s.execute(select(func.count(), func.min(KioskLookup.at)).where(
                mine, KioskLookup.missed.is_(True), KioskLookup.at >= now - MISS_WINDOW)).one()
            if misses < self.misses and looks < self.per_minute:
                s.execute(insert(KioskLookup).values(kiosk_id=kiosk_id, at=now, missed=False))
                return
        first, window = (first_miss, MISS_WINDOW) if misses >= self.misses else (first_look, LOOK_WINDOW)
        wait = ((as_utc(first) or now) + window - now).total_seconds()
        raise Problem(429, "too-many-lookups", "Too Many Requests", "Too many dossier look-ups from this kiosk.",
                      headers={"Retry-After": str(max(1, int(wait) + 1))})

    def miss(self, kiosk_id: str) -> None:
        """A look-up found nothing (guessing looks like this)."""
        with self.db.session() as s:
            s.execute(insert(KioskLookup).values(kiosk_id=kiosk_id, at=self._clock(), missed=True))


DRAFT_WINDOW = timedelta(hours=1)


class DraftCreationLimit:
    """At most ``per_hour`` prepare-at-home drafts an hour from one client address (the phone page is public: rows
    must not pile up). Counted in the same table as the kiosks' look-ups, under a key made from a hash of the
    address (no address is stored), so every hub process on one database counts together."""

    def __init__(self, db: Database, per_hour: int = 30, clock: Callable[[], datetime] = utcnow) -> None:
        self.db, self.per_hour, self._clock = db, per_hour, clock

    @staticmethod
    def key(address: str) -> str:
        return "draft:" + hashlib.sha256(address.encode("utf-8", "replace")).hexdigest()[:32]

    def allow(self, address: str) -> bool:
        now, key = self._clock(), self.key(address)
        with self.db.session() as s:
            mine = KioskLookup.kiosk_id == key
            s.execute(delete(KioskLookup).where(mine, KioskLookup.at < now - DRAFT_WINDOW))
            made = s.execute(select(func.count()).where(mine)).scalar_one()
            if made >= self.per_hour:
                return False
            s.execute(insert(KioskLookup).values(kiosk_id=key, at=now, missed=False))
            return True
