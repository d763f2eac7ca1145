"""Alembic migrations of the hub database (run programmatically by central.db.upgrade)."""
