"""Protocol registry: config ``protocol`` name → parser class (explicit imports for PyInstaller). Qt-free."""

from __future__ import annotations

from devices.health.protocols.base import Protocol, SerialParams
from devices.health.protocols.cms50 import Cms50New, Cms50Old
from devices.health.protocols.mlx90614 import Mlx90614
from devices.health.protocols.tanita import GenericScale, Tanita
from devices.health.protocols.visomat import Visomat

PROTOCOLS: dict[str, type[Protocol]] = {
    "cms50_new": Cms50New,
    "cms50_old": Cms50Old,
    "visomat": Visomat,
    "tanita": Tanita,
    "generic_scale": GenericScale,
    "mlx90614": Mlx90614,
}


def make_protocol(name: str, line_pattern: str = "") -> Protocol:
    """A fresh parser for ``name``; raises KeyError with the known names if unknown."""
    try:
        cls = PROTOCOLS[name]
    except KeyError:
        raise KeyError(f"unknown protocol {name!r}; known: {', '.join(PROTOCOLS)}") from None
    if cls is GenericScale:
        return GenericScale(line_pattern)
    return cls()


__all__ = ["PROTOCOLS", "Protocol", "SerialParams", "make_protocol"]
