"""Officer inbox queries: filters, search and keyset paging (newest first, `before=<seq>`), fast at 100,000
dossiers because every page reads at most `limit + 1` rows along the (kind, seq) or (kind, status, seq) index
(bench/office_inbox.py measures it). Called from request threads."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from central.catalog_store import procedures_of
from central.db import Database
from central.inbox_fields import name_key, parse_day
from central.models import Attachment, CatalogVersion, Kiosk, Payment, StatusEvent, Submission, as_utc
from central.records import STATUSES

PAGE = 50
OPEN_STATUSES = ("received", "processing", "needs_info")
# The moves an officer may make; every move carries a note the resident sees (a "done" move may leave it empty).
MOVES: dict[str, tuple[str, ...]] = {
    "received": ("processing", "needs_info", "rejected"),
    "processing": ("needs_info", "completed", "rejected"),
    "needs_info": ("processing", "rejected"),
    "completed": (),
    "rejected": (),
}
NOTE_REQUIRED = ("needs_info", "rejected")
_REFERENCE = re.compile(r"^[A-Z]{2}-\d{4}-\d{6,9}$|^[A-Z0-9]{2,8}-\d{6}-\d{4}$")
VN_OFFSET = timedelta(hours=7)


@dataclass(frozen=True)
class Filters:
    kind: str = "dossier"  # dossier | report
    status: str = ""
    procedure: str = ""
    station: str = ""
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    q: str = ""
    before: int | None = None

    @classmethod
    def parse(cls, params: Any, kind: str) -> Filters:
        """From query parameters (untrusted): unknown values are dropped, never an error page."""
        def text(key: str, size: int = 64) -> str:
            value = params.get(key) or ""
            return value.replace("\x00", "").strip()[:size] if isinstance(value, str) else ""

        before = text("before", 20)
        status = text("status")
        return cls(kind=kind, status=status if status in STATUSES else "", procedure=text("procedure", 32),
                   station=text("station", 32), date_from=parse_day(text("from", 10)),
                   date_to=parse_day(text("to", 10)),
                   overdue=text("overdue") in ("1", "on", "true"), q=text("q", 100),
                   before=int(before) if before.isdigit() and len(before) < 19 else None)

    def query_string(self, **override: Any) -> str:
        from urllib.parse import urlencode

        values = {"status": self.status, "procedure": self.procedure, "station": self.station,
                  "from": self.date_from.isoformat() if self.date_from else "",
                  "to": self.date_to.isoformat() if self.date_to else "", "overdue": "1" if self.overdue else "",
                  "q": self.q, "before": ""} | {k: ("" if v is None else str(v)) for k, v in override.items()}
        return urlencode({k: v for k, v in values.items() if v})


@dataclass
class Row:
    seq: int
    reference: str
    local_ref: str
    kind: str
    procedure_code: str
    applicant: str
    station: str
    received_at: datetime
    status: str
    assigned_to: str
    overdue: bool
    about: str = ""  # a dossier's procedure name, a report's category (words, not codes)


@dataclass
class InboxPage:
    rows: list[Row]
    next_before: int | None
    counts: dict[str, int] = field(default_factory=dict)


def _day_start_utc(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC) - VN_OFFSET  # the ward's day (UTC+7)


def inbox(db: Database, f: Filters, now: datetime, limit: int = PAGE, with_counts: bool = True) -> InboxPage:
    q = (select(Submission.seq, Submission.reference, Submission.local_ref, Submission.kind,
                Submission.procedure_code, Submission.applicant_name, Kiosk.station_code, Submission.received_at,
                Submission.status, Submission.assigned_to, Submission.due_at,
                *((Submission.body,) if f.kind == "report" else ()))  # a report's category is in its body
         .join(Kiosk, Kiosk.id == Submission.kiosk_id).where(Submission.kind == f.kind))
    if f.status:
        q = q.where(Submission.status == f.status)
    if f.procedure:
        q = q.where(Submission.procedure_code == f.procedure)
    if f.station:
        q = q.where(Kiosk.station_code == f.station)
    if f.date_from:
        q = q.where(Submission.received_at >= _day_start_utc(f.date_from))
    if f.date_to:
        q = q.where(Submission.received_at < _day_start_utc(f.date_to + timedelta(days=1)))
    if f.overdue:
        q = q.where(Submission.due_at < now, Submission.status.in_(OPEN_STATUSES))
    if f.q:
        ref = f.q.upper().replace(" ", "")
        if _REFERENCE.match(ref):
            # two index look-ups (an OR across two columns would make SQLite walk the whole list instead)
            by_ref = select(Submission.seq).where(Submission.reference == ref)
            by_local = select(Submission.seq).where(Submission.local_ref == ref)
            q = q.where(Submission.seq.in_(by_ref.union(by_local).scalar_subquery()))
        elif key := name_key(f.q):
            escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            # a substring cannot use a b-tree: scan the small name index (covering) rather than the table rows
            names = select(Submission.seq).where(Submission.name_key.like(f"%{escaped}%", escape="\\"))
            q = q.where(Submission.seq.in_(names.scalar_subquery()))
    if f.before is not None:
        q = q.where(Submission.seq < f.before)
    rows = db_rows(db, q.order_by(Submission.seq.desc()).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    titles = procedure_names(db) if f.kind == "dossier" and rows else {}
    out = [Row(r.seq, r.reference or "", r.local_ref or "", r.kind, r.procedure_code or "", r.applicant_name or "",
               r.station_code, as_utc(r.received_at), r.status, r.assigned_to or "",
               bool(r.due_at and as_utc(r.due_at) < now and r.status in OPEN_STATUSES), _about(r, f.kind, titles))
           for r in rows]
    return InboxPage(out, out[-1].seq if more and out else None,
                     status_counts(db, f.kind) if with_counts else {})


def _about(r: Any, kind: str, names: dict[str, str]) -> str:
    from central.office import words

    if kind == "report":
        return words.report_category(body_payload(r.body))
    return names.get(r.procedure_code or "", "")


def body_payload(body: str | None) -> dict[str, Any]:
    """The payload of a stored submission body (our own JSON; {} if it is not one)."""
    try:
        payload = json.loads(body or "{}").get("payload")
    except (ValueError, AttributeError):
        return {}
    return payload if isinstance(payload, dict) else {}


def db_rows(db: Database, q: Any) -> list[Any]:
    with db.session() as s:
        return list(s.execute(q).all())


def status_counts(db: Database, kind: str) -> dict[str, int]:
    """Per status, read from the (kind, status, seq) index alone."""
    rows = db_rows(db, select(Submission.status, func.count()).where(Submission.kind == kind)
                   .group_by(Submission.status))
    return {status: n for status, n in rows}


def stations(db: Database) -> list[str]:
    return [r[0] for r in db_rows(db, select(Kiosk.station_code).distinct().order_by(Kiosk.station_code))]


@dataclass
class Case:
    row: Submission
    station: str
    station_name: str
    payload: dict[str, Any]
    events: list[StatusEvent]
    attachments: list[tuple[str, str, int]]  # name, content type, size
    payments: list[Payment]
    fee_paid: bool

    @property
    def reference(self) -> str:
        """The hub reference: the hub gives every dossier and report one when it accepts it (central.records)."""
        assert self.row.reference is not None
        return self.row.reference

    @property
    def anonymous(self) -> bool:
        return self.row.kind == "report" and self.payload.get("anonymous", True) is not False

    @property
    def personal(self) -> dict[str, Any]:
        """The personal fields, never for an anonymous report (whatever the body holds)."""
        personal = self.payload.get("personal")
        return {} if self.anonymous or not isinstance(personal, dict) else personal


def case(db: Database, reference: str) -> Case | None:
    ref = reference.strip().upper()
    with db.session() as s:
        row = s.scalar(select(Submission).where(Submission.reference == ref))
        if row is None:
            row = s.scalar(select(Submission).where(Submission.local_ref == ref)
                           .order_by(Submission.seq.desc()).limit(1))
        if row is None:
            return None
        kiosk = s.get(Kiosk, row.kiosk_id)
        payload = body_payload(row.body)
        events = list(s.scalars(select(StatusEvent).where(StatusEvent.submission_seq == row.seq)
                                .order_by(StatusEvent.at, StatusEvent.id)))
        attachments = [(a.name, a.content_type, a.size) for a in s.execute(
            select(Attachment.name, Attachment.content_type, Attachment.size)
            .where(Attachment.submission_seq == row.seq).order_by(Attachment.name)).all()]
        refs = [r for r in (row.reference, row.local_ref) if r]
        payments = list(s.scalars(select(Payment).where(Payment.reference.in_(refs)).order_by(Payment.created_at)))
        return Case(row, kiosk.station_code if kiosk else "?", kiosk.name if kiosk else "", payload, events,
                    attachments, payments, any(p.status == "paid" for p in payments))


_INDEX: dict[tuple[int, str], dict[str, tuple[str, dict[str, str]]]] = {}


def _catalogue_index(db: Database) -> dict[str, tuple[str, dict[str, str]]]:
    """code -> (Vietnamese name, {field key: label}) from the latest catalogue, kept until a new version."""
    with db.session() as s:
        latest = s.execute(select(CatalogVersion.version, CatalogVersion.published_at)
                           .order_by(CatalogVersion.version.desc()).limit(1)).first()
        if latest is None:
            return {}
        key = (latest[0], str(latest[1]))
        if key not in _INDEX:
            version = s.get(CatalogVersion, latest[0])
            assert version is not None  # selected a moment ago in this transaction
            procedures = procedures_of(version.procedures)
            _INDEX.clear()
            _INDEX[key] = {p["code"]: (str(p.get("name_vi") or ""),
                                       {f["key"]: f.get("label_vi") or f["key"] for f in p.get("form_fields") or []
                                        if isinstance(f, dict) and isinstance(f.get("key"), str)})
                           for p in procedures if isinstance(p, dict) and isinstance(p.get("code"), str)}
    return _INDEX[key]


def field_labels(db: Database, procedure_code: str) -> dict[str, str]:
    """The Vietnamese labels of a procedure's form fields from the latest catalogue (key -> label)."""
    return _catalogue_index(db).get(procedure_code, ("", {}))[1]


def procedure_names(db: Database) -> dict[str, str]:
    """code -> the procedure's Vietnamese name, from the latest catalogue."""
    return {code: name for code, (name, _) in _catalogue_index(db).items() if name}


def attachment(db: Database, seq: int, name: str) -> tuple[bytes, str] | None:
    with db.session() as s:
        a = s.scalar(select(Attachment).where(Attachment.submission_seq == seq, Attachment.name == name))
        return (a.data, a.content_type) if a else None


def assign(db: Database, seq: int, who: str, actor: Any) -> None:
    """Assign a case; the change and its audit record commit together."""
    from central.staff.audit import record

    with db.session() as s:
        row = s.get(Submission, seq)
        assert row is not None  # the caller found this case by its reference
        before = row.assigned_to
        row.assigned_to = who[:100] or None
        record(s, actor, "case.assign", row.reference or str(seq), {"assigned_to": before},
               {"assigned_to": row.assigned_to})


def by_uuid(db: Database, submission_id: str) -> Case | None:
    with db.session() as s:
        ref = s.scalar(select(Submission.reference).where(Submission.id == submission_id))
    return case(db, ref) if ref else None
