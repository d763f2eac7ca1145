"""The append-only audit log of staff actions: who, when, what, before and after.

`record` only ever INSERTs (in the caller's transaction, so the change and its record commit together); the
database refuses UPDATE and DELETE on the table (triggers of migration 0003_staff)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.db import Database
from central.models import as_utc, utcnow
from central.staff import StaffUser
from central.staff.tables import AuditEntry

CSV_COLUMNS = ("id", "at", "actor", "action", "target", "before", "after")


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(session: Session, actor: StaffUser | None, action: str, target: str, before: dict[str, Any] | None,
           after: dict[str, Any] | None) -> None:
    """Append one record; `actor` None is the command line (`kiosk-hub user …`) or the system."""
    session.add(AuditEntry(at=utcnow(), actor_id=actor.id if actor else None,
                           actor_username=actor.username if actor else None, action=action[:64],
                           target=str(target)[:200], before=_json(before), after=_json(after)))


def record_now(db: Database, actor: StaffUser | None, action: str, target: str, before: dict[str, Any] | None,
               after: dict[str, Any] | None) -> None:
    """`record` in a transaction of its own (for actions whose change is not in our database)."""
    with db.session() as s:
        record(s, actor, action, target, before, after)


def entries(db: Database, limit: int = 200, offset: int = 0, actor: str | None = None) -> list[dict[str, Any]]:
    """Newest first, as plain dicts (for the page, the CSV and tests)."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
    if actor:
        query = query.where(AuditEntry.actor_username == actor)
    with db.session() as s:
        rows = s.scalars(query).all()
    return [{"id": r.id, "at": as_utc(r.at).isoformat(), "actor": r.actor_username, "action": r.action,
             "target": r.target, "before": json.loads(r.before) if r.before else None,
             "after": json.loads(r.after) if r.after else None} for r in rows]


def count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _csv_safe(text: str) -> str:
    # Spreadsheets run cells starting with = + - @ as formulas (CSV injection): quote them as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow([r["id"], r["at"], _csv_safe(r["actor"] or "(hệ thống)"), _csv_safe(r["action"]),
                         _csv_safe(r["target"]), _csv_safe(_json(r["before"]) or ""),
                         _csv_safe(_json(r["after"]) or "")])
    return out.getvalue()
