"""Alembic migrations of the queue database (run programmatically by offline_queue.db)."""
