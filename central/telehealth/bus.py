"""Signals between hub processes through the database (`kiosk-hub serve --workers N`, or several hosts on one
PostgreSQL): the kiosk's socket and the doctor's may be held by different processes.

A process sends straight to a socket it holds; otherwise it writes a row here, and the process holding the
target reads it within `poll_seconds`. Each process reads the rows of the last few seconds (not "after the last
id": on PostgreSQL a lower id may commit after a higher one) and remembers the ids it has handled. Polling works
the same on SQLite and PostgreSQL; a signal costs one INSERT, and an idle process (no sockets) does not poll."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from central.db import Database
from central.models import as_utc, utcnow
from central.telehealth.models import Signal

LOOKBACK = timedelta(seconds=10)  # longer than any commit takes; rows older than this are not read again
KEEP = timedelta(seconds=60)  # then deleted (by whichever process purges first)
PURGE_EVERY = 30.0  # seconds


@dataclass(frozen=True)
class Delivery:
    id: int
    created_at: datetime
    origin: str
    target: str  # kiosk | doctor | hub
    cid: str | None
    body: dict[str, Any]


class Bus:
    def __init__(self, db: Database, origin: str) -> None:
        self.db, self.origin = db, origin
        self._seen: dict[int, float] = {}  # id -> when handled (monotonic), forgotten after the lookback
        self._purged = 0.0

    def publish(self, target: str, cid: str | None, body: dict[str, Any]) -> None:
        with self.db.session() as s:
            s.add(Signal(created_at=utcnow(), origin=self.origin, target=target, consultation_id=cid,
                         body=json.dumps(body, ensure_ascii=False)))

    def fetch(self) -> list[Delivery]:
        """The signals not handled yet by this process, in the order they were written."""
        now = time.monotonic()
        with self.db.session() as s:
            rows = s.execute(select(Signal).where(Signal.created_at >= utcnow() - LOOKBACK)
                             .order_by(Signal.id)).scalars().all()
            fresh = [Delivery(r.id, as_utc(r.created_at) or utcnow(), r.origin, r.target, r.consultation_id,
                              json.loads(r.body)) for r in rows if r.id not in self._seen]
            if now - self._purged > PURGE_EVERY:
                self._purged = now
                s.execute(delete(Signal).where(Signal.created_at < utcnow() - KEEP))
        for d in fresh:
            self._seen[d.id] = now
        horizon = now - 2 * LOOKBACK.total_seconds()
        self._seen = {i: t for i, t in self._seen.items() if t >= horizon}
        return fresh
