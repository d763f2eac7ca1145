"""Dossier look-ups per kiosk as rows, so the tracking limit is shared by every hub process and machine.

Revision ID: 0007_kiosk_lookups
Revises: 0006_telehealth
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_kiosk_lookups"
down_revision = "0006_telehealth"
branch_labels = None
depends_on = None

BigIntPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "kiosk_lookups",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("missed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_kiosk_lookups_kiosk_at", "kiosk_lookups", ["kiosk_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_kiosk_lookups_kiosk_at", "kiosk_lookups")
    op.drop_table("kiosk_lookups")
