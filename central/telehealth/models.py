"""Telehealth tables: consultations (one per resident call, with the doctor's note) and who is on duty."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
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
    # Touched every second by the hub process holding the kiosk's socket: a consultation whose kiosk was not seen
    # for the grace time is ended by whichever process notices (the kiosk's process may be gone).
    kiosk_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
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
    seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # touched while the page is connected


class Signal(Base):
    """One signalling message between hub processes (the kiosk and the doctor may be on different ones).

    Rows live a minute; every process with sockets reads the last few seconds' rows a few times a second."""

    __tablename__ = "telehealth_signals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    origin: Mapped[str] = mapped_column(String(32))  # the publishing process (it handled its own hub events)
    target: Mapped[str] = mapped_column(String(10))  # kiosk | doctor | hub
    consultation_id: Mapped[str | None] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)


class TelehealthKey(Base):
    """Secrets shared by every hub process of one database: "ticket" (the doctor's socket tickets) and
    "resident" (the pseudonymous key that links a consenting resident's consultations)."""

    __tablename__ = "telehealth_keys"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))  # hex
