"""Trạm công dân số kiosk: composition root, configuration, journey flow and translations."""

__version__ = "0.1.0"
