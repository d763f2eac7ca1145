"""central: the ward hub (FastAPI + SQLAlchemy) that kiosks sync to; runs in its own process (`kiosk-hub`)."""

from __future__ import annotations

__version__ = "0.1.0"
API_VERSION = 1
