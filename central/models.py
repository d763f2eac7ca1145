"""Hub database tables (SQLAlchemy 2 ORM, dialect-neutral: SQLite or PostgreSQL); used in request threads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BigInteger primary keys autoincrement on PostgreSQL; SQLite only autoincrements INTEGER.
BigIntPK = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
def as_utc(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; everything we store is UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class EnrolmentCode(Base):
    __tablename__ = "enrolment_codes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reusable: Mapped[bool] = mapped_column(Boolean, default=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[str | None] = mapped_column(String(40))


class Kiosk(Base):
    __tablename__ = "kiosks"
    # local references are <station>-<yymmdd>-<seq>: two active kiosks with one code would collide
    __table_args__ = (Index("uq_kiosks_active_station", "station_code", unique=True,
                            sqlite_where=text("retired_at IS NULL"), postgresql_where=text("retired_at IS NULL")),)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    station_code: Mapped[str] = mapped_column(String(32))  # unique among active kiosks (migration 0004)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the latest heartbeat (only the latest is kept)
    hb_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    hb_queue: Mapped[str | None] = mapped_column(Text)  # JSON object
    hb_oldest_unsent_seconds: Mapped[float | None] = mapped_column(Float)
    hb_last_sync_at: Mapped[str | None] = mapped_column(String(40))
    hb_last_error: Mapped[str | None] = mapped_column(String(500))
    hb_devices: Mapped[str | None] = mapped_column(Text)  # JSON object
    hb_interval_seconds: Mapped[int | None] = mapped_column(Integer)  # migration 0003: amber/red on the dashboard


class Submission(Base):
    __tablename__ = "submissions"
    seq: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)  # the kiosk's UUID = idempotency key
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    schema_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))  # as the kiosk sent it (with its offset)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    local_ref: Mapped[str | None] = mapped_column(String(64), index=True)
    reference: Mapped[str | None] = mapped_column(String(32), unique=True)
    body_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)  # canonical JSON of the item
    fee_amount: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # added by migration 0003 (the officer inbox): filled at ingest from the payload
    procedure_code: Mapped[str | None] = mapped_column(String(32))
    applicant_name: Mapped[str | None] = mapped_column(String(200))  # never for an anonymous report
    name_key: Mapped[str | None] = mapped_column(String(200), index=True)  # lower case, no diacritics: search
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # the procedure's legal time
    assigned_to: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_submissions_kind_seq", "kind", "seq"),
                      Index("ix_submissions_kind_status_seq", "kind", "status", "seq"))


class StatusEvent(Base):
    __tablename__ = "status_events"
    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    submission_seq: Mapped[int] = mapped_column(BigIntPK, ForeignKey("submissions.seq"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(String(500))
    actor: Mapped[str | None] = mapped_column(String(100))  # migration 0003: the officer (None: the hub)


class Attachment(Base):
    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("submission_seq", "name", name="uq_attachment_name"),)
    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    submission_seq: Mapped[int] = mapped_column(BigIntPK, ForeignKey("submissions.seq"))
    name: Mapped[str] = mapped_column(String(128))
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.id"))
    reference: Mapped[str] = mapped_column(String(64), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    purpose: Mapped[str] = mapped_column(String(140))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CatalogVersion(Base):
    """Added by migration 0002: the procedure catalogue, one row per published version."""

    __tablename__ = "catalog_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    procedures: Mapped[str] = mapped_column(Text)  # JSON list


class KioskLookup(Base):
    """Added by migration 0007: recent dossier look-ups per kiosk (central/ratelimit.py), shared by every hub
    process; rows older than the longest window are deleted as the kiosk looks again."""

    __tablename__ = "kiosk_lookups"
    __table_args__ = (Index("ix_kiosk_lookups_kiosk_at", "kiosk_id", "at"),)
    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    missed: Mapped[bool] = mapped_column(Boolean, default=False)

class Alert(Base):
    """Migration 0003: a call for help or a crisis health reading from a kiosk, open until staff acknowledge it."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_open", "acknowledged_at", "received_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the kiosk's UUID = idempotency key
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # help | health
    screen: Mapped[str | None] = mapped_column(String(64))  # where the resident was (help)
    readings: Mapped[str | None] = mapped_column(Text)  # JSON object (health): values and device labels
    created_at: Mapped[str] = mapped_column(String(40))  # as the kiosk sent it
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))


class Device(Base):
    """Migration 0003: the registry of measuring devices (validated model, serial, calibration due date)."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("model", "serial", name="uq_device_model_serial"),)
    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40))  # blood_pressure | spo2 | scale | thermometer | …
    model: Mapped[str] = mapped_column(String(100))
    serial: Mapped[str] = mapped_column(String(100))
    validation_ref: Mapped[str] = mapped_column(String(200))  # e.g. a STRIDE BP / ISO 81060-2 listing
    calibration_due: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HeartbeatLog(Base):
    """Migration 0003: every heartbeat for the 24-hour history per station (older rows are purged)."""

    __tablename__ = "heartbeat_log"
    __table_args__ = (Index("ix_heartbeat_log_kiosk_at", "kiosk_id", "at"),)
    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    unsent: Mapped[int] = mapped_column(Integer)
    faults: Mapped[int] = mapped_column(Integer)  # devices not "ok" in that beat
