"""Telehealth across hub processes: signals between processes, liveness of kiosks and doctors, shared keys.

Revision ID: 0009_telehealth_bus
Revises: 0008_billers
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_telehealth_bus"
down_revision = "0008_billers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telehealth_signals",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("target", sa.String(10), nullable=False),
        sa.Column("consultation_id", sa.String(36)),
        sa.Column("body", sa.Text(), nullable=False),
    )
    op.create_index("ix_telehealth_signals_created_at", "telehealth_signals", ["created_at"])
    op.create_table(
        "telehealth_keys",
        sa.Column("name", sa.String(20), primary_key=True),
        sa.Column("secret", sa.String(64), nullable=False),
    )
    with op.batch_alter_table("consultations") as batch:
        batch.add_column(sa.Column("kiosk_seen_at", sa.DateTime(timezone=True)))
    with op.batch_alter_table("duty_shifts") as batch:
        batch.add_column(sa.Column("seen_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("duty_shifts") as batch:
        batch.drop_column("seen_at")
    with op.batch_alter_table("consultations") as batch:
        batch.drop_column("kiosk_seen_at")
    op.drop_table("telehealth_keys")
    op.drop_table("telehealth_signals")
