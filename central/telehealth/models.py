"""Telehealth tables: consultations (one per resident call, with the doctor's note) and who is on duty."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from central.models import Base

# waiting -> active -> ended; waiting -> missed (nobody answered, the kiosk left, no doctor on duty)
CONSULT_STATUSES = ("waiting", "active", "ended", "missed")


class Consultation(Base):
    __tablename__ = "consultations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID made by the hub
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_by: Mapped[str | None] = mapped_column(String(20))  # kiosk | doctor | network | timeout
    doctor: Mapped[str | None] = mapped_column(String(120))  # the health worker's display name
    # What the resident consented to share, as JSON: {"readings": {...}, "resident": {"name", "age"}}
    shared: Mapped[str] = mapped_column(Text)
    resident_key: Mapped[str | None] = mapped_column(String(64), index=True)  # keyed hash of the ID number (trend)
    note: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    noted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DutyShift(Base):
    """A health worker marked on duty (open shift: ended_at is null)."""

    __tablename__ = "duty_shifts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    worker: Mapped[str] = mapped_column(String(120), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
