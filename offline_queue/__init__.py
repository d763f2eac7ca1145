"""Offline queue: durable submissions in SQLite and their sync to the hub (docs/queue.md). No Qt outside *worker.py."""
