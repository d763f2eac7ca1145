"""Alembic revision scripts of the hub database."""
