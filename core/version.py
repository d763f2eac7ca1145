"""The application's version, read from the installed distribution's metadata: pyproject.toml is its one source."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "tram-cong-dan-so"


def app_version() -> str:
    """The installed version; "0+unknown" when running from a tree that was never installed."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


__version__ = app_version()
