"""Device drivers (Qt-free) and their Qt worker adapters (``*worker.py`` only)."""
