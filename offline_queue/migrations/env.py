"""Alembic environment: always runs on a connection handed over by offline_queue.db (no ini file)."""

from __future__ import annotations

from alembic import context

from offline_queue.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("offline_queue migrations run through offline_queue.db.open_database()")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
