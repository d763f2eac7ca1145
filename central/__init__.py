"""central: the ward hub (FastAPI + SQLAlchemy) that kiosks sync to; runs in its own process (`kiosk-hub`)."""

from __future__ import annotations

from core.version import __version__

API_VERSION = 1

__all__ = ["API_VERSION", "__version__"]
