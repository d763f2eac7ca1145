"""SQLAlchemy 2 models of the offline queue (submissions, their attachments, daily sequences, sync meta).

Pure data definitions; used from whichever thread owns the session (StorageWorker, SyncWorker, CLI).
Times are stored as naive UTC and returned as aware UTC (``UTCDateTime``) so comparisons never mix zones.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

STATUSES = ("queued", "sending", "sent", "retry", "rejected")
UNSENT = ("queued", "sending", "retry")
RECEIPT_STATUSES = ("pending", "printed", "failed")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, naive UTC in SQLite, aware UTC out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the queue; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        CheckConstraint("status IN ('queued','sending','sent','retry','rejected')", name="ck_submissions_status"),
        CheckConstraint("receipt_status IN ('pending','printed','failed')", name="ck_submissions_receipt"),
        Index("ix_submissions_due", "status", "next_attempt_at", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID4, the idempotency key
    local_ref: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    payload: Mapped[str] = mapped_column(Text)  # JSON, non-personal
    personal: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # AES-GCM(JSON)
    status: Mapped[str] = mapped_column(String(16), index=True, default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_http_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    server_ref: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    receipt_status: Mapped[str] = mapped_column(String(16), default="pending")
    receipt_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", passive_deletes=True, order_by="Attachment.id")


class Attachment(Base):
    """A document photo; the bytes are AES-GCM encrypted (they show a person's papers)."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("submission_id", "name", name="uq_attachments_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    content_type: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))  # of the plaintext: the hub checks Digest-SHA256
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # loaded only when uploaded
    uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    submission: Mapped[Submission] = relationship(back_populates="attachments")


class DailySequence(Base):
    """Last local-reference number handed out per station and local day (YYMMDD)."""

    __tablename__ = "daily_sequences"

    station_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class SyncMeta(Base):
    """Key/value sync state (last success, last error, phase...) so it survives restarts."""

    __tablename__ = "sync_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
