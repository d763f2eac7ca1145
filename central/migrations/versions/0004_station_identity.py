"""Station codes unique among active kiosks; kiosks can be retired (their code freed for a replacement).

Revision ID: 0004_station_identity
Revises: 0003_staff
Create Date: 2026-12-03

Hubs that already hold two active kiosks with one station code keep the first enrolled; the later ones are
renamed `<code>~<last 4 of the kiosk id>` (they keep working; staff see the new name on the dashboard and should
give them real codes by re-enrolling)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_station_identity"
down_revision = "0003_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kiosks") as batch:
        batch.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))
    conn = op.get_bind()
    offline = op.get_context().as_sql  # `upgrade --sql` prints DDL: there are no rows to look at
    rows: Iterable[Any] = [] if offline else conn.execute(
        sa.text("SELECT id, station_code FROM kiosks ORDER BY enrolled_at, id"))
    seen: set[str] = set()
    for kiosk_id, code in rows:
        if code in seen:
            conn.execute(sa.text("UPDATE kiosks SET station_code = :c WHERE id = :i"),
                         {"c": f"{code[:27]}~{kiosk_id[-4:]}", "i": kiosk_id})
        seen.add(code)
    op.create_index("uq_kiosks_active_station", "kiosks", ["station_code"], unique=True,
                    sqlite_where=sa.text("retired_at IS NULL"), postgresql_where=sa.text("retired_at IS NULL"))


def downgrade() -> None:
    op.drop_index("uq_kiosks_active_station", "kiosks")
    with op.batch_alter_table("kiosks") as batch:
        batch.drop_column("retired_at")
