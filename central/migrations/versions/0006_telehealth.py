"""Telehealth: consultations with the doctor's note, duty shifts.

Revision ID: 0006_telehealth
Revises: 0005_office
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_telehealth"
down_revision = "0005_office"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True)),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
        sa.Column("ended_by", sa.String(20)),
        sa.Column("doctor", sa.String(120)),
        sa.Column("shared", sa.Text(), nullable=False),
        sa.Column("resident_key", sa.String(64)),
        sa.Column("note", sa.Text()),
        sa.Column("advice", sa.Text()),
        sa.Column("noted_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_consultations_kiosk_id", "consultations", ["kiosk_id"])
    op.create_index("ix_consultations_status", "consultations", ["status"])
    op.create_index("ix_consultations_created_at", "consultations", ["created_at"])
    op.create_index("ix_consultations_resident_key", "consultations", ["resident_key"])
    op.create_table(
        "duty_shifts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("worker", sa.String(120), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_duty_shifts_worker", "duty_shifts", ["worker"])


def downgrade() -> None:
    op.drop_table("duty_shifts")
    op.drop_table("consultations")
