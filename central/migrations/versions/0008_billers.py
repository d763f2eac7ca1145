"""The official billers list (issue 19): one row per published version.

Revision ID: 0008_billers
Revises: 0007_kiosk_lookups
Create Date: 2026-12-03"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_billers"
down_revision = "0007_kiosk_lookups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("billers_versions",
                    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
                    sa.Column("sha256", sa.String(64), nullable=False),
                    sa.Column("document", sa.Text, nullable=False))


def downgrade() -> None:
    op.drop_table("billers_versions")
