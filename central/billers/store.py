"""Published billers lists: every version kept (versions only grow), the newest one served.

Same rules as the catalogue's store: publishing the same list twice makes no new version, so kiosks'
conditional requests keep answering 304."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Database
from central.models import Base, utcnow
from core.bills import BillersList, billers_digest, billers_etag, parse_billers

log = logging.getLogger(__name__)


class BillersVersion(Base):
    """Added by migration 0008: one row per published billers list."""

    __tablename__ = "billers_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class PublishedBillers:
    version: int
    sha256: str
    billers: BillersList

    @property
    def etag(self) -> str:
        return billers_etag(self.version, self.sha256)


def publish(db: Database, document: Any) -> tuple[PublishedBillers, bool]:
    """Check and publish; (the version, True), or (the latest, False) when it is the same list.
    Raises :class:`core.bills.BillersRefused`."""
    billers = parse_billers(document)
    sha = billers_digest(billers)
    current = latest(db)
    if current is not None and current.sha256 == sha:
        return current, False
    body = json.dumps(billers.as_json(), ensure_ascii=False)
    for _attempt in range(3):  # two publishers at once: one takes the next number
        try:
            with db.session() as s:
                version = (s.scalar(select(func.max(BillersVersion.version))) or 0) + 1
                s.add(BillersVersion(version=version, published_at=utcnow(), sha256=sha, document=body))
            break
        except IntegrityError:
            continue
    else:
        raise RuntimeError("could not allocate a billers list version")
    log.info("billers list version %d published (%s, %d billers)", version, sha[:12], len(billers.billers))
    return PublishedBillers(version, sha, billers), True


def latest(db: Database) -> PublishedBillers | None:
    """The newest list; None before the ward published one (kiosks then know no official biller)."""
    with db.session() as s:
        row = s.scalar(select(BillersVersion).order_by(BillersVersion.version.desc()).limit(1))
        if row is None:
            return None
        return PublishedBillers(row.version, row.sha256, parse_billers(json.loads(row.document)))
