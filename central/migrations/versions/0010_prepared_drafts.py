"""Dossiers prepared at home on the phone (issue 19): drafts until a station redeems them, and the hub's keys.

Revision ID: 0010_prepared_drafts
Revises: 0009_telehealth_bus
Create Date: 2026-12-03"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_prepared_drafts"
down_revision = "0009_telehealth_bus"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("prepared_drafts",
                    sa.Column("id", sa.String(32), primary_key=True),
                    sa.Column("procedure_code", sa.String(16), nullable=False),
                    sa.Column("answers", sa.Text, nullable=False),
                    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
                    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False))
    op.create_index("ix_prepared_drafts_expires_at", "prepared_drafts", ["expires_at"])
    op.create_table("hub_keys",
                    sa.Column("name", sa.String(40), primary_key=True),
                    sa.Column("value", sa.LargeBinary, nullable=False),
                    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False))


def downgrade() -> None:
    op.drop_table("hub_keys")
    op.drop_index("ix_prepared_drafts_expires_at", "prepared_drafts")
    op.drop_table("prepared_drafts")
