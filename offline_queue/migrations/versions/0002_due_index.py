"""Index for the sync claim query (status, next_attempt_at, created_at): claiming stays fast with a long queue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_submissions_due", "submissions", ["status", "next_attempt_at", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_submissions_due", "submissions")
