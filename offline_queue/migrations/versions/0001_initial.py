"""The first queue schema: submissions, attachments, daily sequences, sync meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("local_ref", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("personal", sa.LargeBinary, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("last_http_status", sa.Integer, nullable=True),
        sa.Column("last_attempt_at", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("server_ref", sa.String(32), nullable=True),
        sa.Column("receipt_status", sa.String(16), nullable=False),
        sa.Column("receipt_printed_at", sa.DateTime, nullable=True),
        sa.CheckConstraint("status IN ('queued','sending','sent','retry','rejected')", name="ck_submissions_status"),
        sa.CheckConstraint("receipt_status IN ('pending','printed','failed')", name="ck_submissions_receipt"),
        sa.UniqueConstraint("local_ref", name="uq_submissions_local_ref"),
    )
    op.create_index("ix_submissions_status", "submissions", ["status"])
    op.create_index("ix_submissions_server_ref", "submissions", ["server_ref"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("submission_id", sa.String(36), sa.ForeignKey("submissions.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("uploaded_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("submission_id", "name", name="uq_attachments_name"),
    )
    op.create_index("ix_attachments_submission_id", "attachments", ["submission_id"])
    op.create_table(
        "daily_sequences",
        sa.Column("station_code", sa.String(16), primary_key=True),
        sa.Column("day", sa.String(6), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("sync_meta")
    op.drop_table("daily_sequences")
    op.drop_index("ix_attachments_submission_id", "attachments")
    op.drop_table("attachments")
    op.drop_index("ix_submissions_server_ref", "submissions")
    op.drop_index("ix_submissions_status", "submissions")
    op.drop_table("submissions")
