"""Trạm công dân số kiosk: composition root, configuration, journey flow and translations."""

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    # read from the distribution's metadata when first asked (a scan of the installed packages, tens of
    # milliseconds), not by every import of the kiosk package on the way to the first frame
    if name == "__version__":
        from core.version import __version__

        return __version__
    raise AttributeError(f"module 'kiosk' has no attribute {name!r}")
