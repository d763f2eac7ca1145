"""Appliance fixtures: the queue tests' real hub (one process per test worker) and kiosk configs."""

from tests.queue.conftest import data_dir, hub, shared_hub  # noqa: F401
