"""Alembic environment of the hub: uses the connection handed over by central.db.upgrade."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from central.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if context.is_offline_mode():  # `upgrade --sql`: print the DDL for a DBA (and to check PostgreSQL's DDL)
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif connection is not None:
    _run(connection)
else:  # `alembic -c …` from a shell
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None, "the alembic config names no sqlalchemy.url"
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
