"""Initial hub schema: enrolment codes, kiosks, submissions, status history, attachments, payments.

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

BigIntPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "enrolment_codes",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=True),
        sa.Column("reusable", sa.Boolean(), nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("used_by", sa.String(40), nullable=True),
    )
    op.create_table(
        "kiosks",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("enrolled_at", TS, nullable=False),
        sa.Column("hb_at", TS, nullable=True),
        sa.Column("hb_queue", sa.Text(), nullable=True),
        sa.Column("hb_oldest_unsent_seconds", sa.Float(), nullable=True),
        sa.Column("hb_last_sync_at", sa.String(40), nullable=True),
        sa.Column("hb_last_error", sa.String(500), nullable=True),
        sa.Column("hb_devices", sa.Text(), nullable=True),
    )
    op.create_table(
        "submissions",
        sa.Column("seq", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("local_ref", sa.String(64), nullable=True),
        sa.Column("reference", sa.String(32), nullable=True, unique=True),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_submissions_kiosk_id", "submissions", ["kiosk_id"])
    op.create_index("ix_submissions_received_at", "submissions", ["received_at"])
    op.create_index("ix_submissions_local_ref", "submissions", ["local_ref"])
    op.create_table(
        "status_events",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("submission_seq", BigIntPK, sa.ForeignKey("submissions.seq"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
    )
    op.create_index("ix_status_events_submission_seq", "status_events", ["submission_seq"])
    op.create_table(
        "attachments",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("submission_seq", BigIntPK, sa.ForeignKey("submissions.seq"), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("submission_seq", "name", name="uq_attachment_name"),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("idempotency_key", sa.String(100), nullable=False, unique=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("purpose", sa.String(140), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("paid_at", TS, nullable=True),
    )
    op.create_index("ix_payments_reference", "payments", ["reference"])


def downgrade() -> None:
    for table in ("payments", "attachments", "status_events", "submissions", "kiosks", "enrolment_codes"):
        op.drop_table(table)
