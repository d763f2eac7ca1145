"""Trạm công dân số kiosk: composition root, configuration, journey flow and translations."""

from core.version import __version__

__all__ = ["__version__"]
