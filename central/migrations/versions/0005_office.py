"""The officer back office: searchable/filterable dossiers, who moved a status, alerts, device registry and
the heartbeat history.

Revision ID: 0005_office
Revises: 0004_station_identity
Create Date: 2026-12-03
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0005_office"
down_revision = "0004_station_identity"
branch_labels = None
depends_on = None

BigIntPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("procedure_code", sa.String(32), nullable=True))
        batch.add_column(sa.Column("applicant_name", sa.String(200), nullable=True))
        batch.add_column(sa.Column("name_key", sa.String(200), nullable=True))
        batch.add_column(sa.Column("due_at", TS, nullable=True))
        batch.add_column(sa.Column("assigned_to", sa.String(100), nullable=True))
        batch.create_index("ix_submissions_name_key", ["name_key"])
        batch.create_index("ix_submissions_kind_seq", ["kind", "seq"])
        batch.create_index("ix_submissions_kind_status_seq", ["kind", "status", "seq"])
    with op.batch_alter_table("kiosks") as batch:
        batch.add_column(sa.Column("hb_interval_seconds", sa.Integer(), nullable=True))
    with op.batch_alter_table("status_events") as batch:
        batch.add_column(sa.Column("actor", sa.String(100), nullable=True))
    _backfill()
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("screen", sa.String(64), nullable=True),
        sa.Column("readings", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("acknowledged_at", TS, nullable=True),
        sa.Column("acknowledged_by", sa.String(100), nullable=True),
    )
    op.create_index("ix_alerts_open", "alerts", ["acknowledged_at", "received_at"])
    op.create_table(
        "devices",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("serial", sa.String(100), nullable=False),
        sa.Column("validation_ref", sa.String(200), nullable=False),
        sa.Column("calibration_due", sa.String(10), nullable=False),
        sa.Column("registered_at", TS, nullable=False),
        sa.UniqueConstraint("model", "serial", name="uq_device_model_serial"),
    )
    op.create_table(
        "heartbeat_log",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("unsent", sa.Integer(), nullable=False),
        sa.Column("faults", sa.Integer(), nullable=False),
    )
    op.create_index("ix_heartbeat_log_kiosk_at", "heartbeat_log", ["kiosk_id", "at"])


def _backfill() -> None:
    """Rows stored before this revision get their procedure code and applicant name from the stored body."""
    from alembic import context

    from central.inbox_fields import fields_of

    if context.is_offline_mode():  # `--sql` rendering: there are no rows to fill
        return
    conn = op.get_bind()
    subs = sa.table("submissions", sa.column("seq"), sa.column("kind"), sa.column("body"),
                    sa.column("procedure_code"), sa.column("applicant_name"), sa.column("name_key"))
    for seq, kind, body in conn.execute(sa.select(subs.c.seq, subs.c.kind, subs.c.body)).all():
        try:
            payload = json.loads(body).get("payload") or {}
        except (ValueError, AttributeError):
            continue
        code, name, key = fields_of(kind, payload)
        conn.execute(subs.update().where(subs.c.seq == seq).values(procedure_code=code, applicant_name=name,
                                                                   name_key=key))


def downgrade() -> None:
    op.drop_table("heartbeat_log")
    op.drop_table("devices")
    op.drop_index("ix_alerts_open", "alerts")
    op.drop_table("alerts")
    with op.batch_alter_table("status_events") as batch:
        batch.drop_column("actor")
    with op.batch_alter_table("kiosks") as batch:
        batch.drop_column("hb_interval_seconds")
    with op.batch_alter_table("submissions") as batch:
        batch.drop_index("ix_submissions_kind_status_seq")
        batch.drop_index("ix_submissions_kind_seq")
        batch.drop_index("ix_submissions_name_key")
        for column in ("assigned_to", "due_at", "name_key", "applicant_name", "procedure_code"):
            batch.drop_column(column)
