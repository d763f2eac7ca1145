"""The station's own address pick-list, as pure data: the buildings it serves, their floors and flats.

Pure (no Qt, no I/O). A resident of the building picks floor and flat on the form instead of typing an
address (issue 17); the text written into the dossier is the full address, as the ward reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_FLOORS = 99
MAX_FLATS = 60


@dataclass(frozen=True)
class StationAddress:
    buildings: tuple[str, ...] = ()
    street_address: str = ""
    floors: int = 0
    flats_per_floor: int = 0

    @property
    def usable(self) -> bool:
        """False: no pick-list (the form offers typing only)."""
        return bool(self.buildings) and self.floors > 0 and self.flats_per_floor > 0

    def flats(self, floor: int) -> list[str]:
        """The flat numbers of ``floor``: floor then two digits ("1201" … "1212")."""
        if not 1 <= floor <= self.floors:
            return []
        return [f"{floor}{n:02d}" for n in range(1, self.flats_per_floor + 1)]

    def compose(self, building: str, floor: int, flat: str) -> str:
        """"Căn hộ 1205, tầng 12, Tòa nhà A, 12 Nguyễn Huệ, …" ('' for a choice the list does not have)."""
        if building not in self.buildings or flat not in self.flats(floor):
            return ""
        parts = [f"Căn hộ {flat}", f"tầng {floor}", building, self.street_address.strip()]
        return ", ".join(p for p in parts if p)

    def parse(self, text: str) -> tuple[str, int, str] | None:
        """(building, floor, flat) when ``text`` is an address :meth:`compose` wrote, else None."""
        for building in self.buildings:
            for floor in range(1, self.floors + 1):
                prefix = f", tầng {floor}, {building}"
                if prefix in text:
                    flat = text.split(",", 1)[0].removeprefix("Căn hộ ").strip()
                    if self.compose(building, floor, flat) == text:
                        return building, floor, flat
        return None


def station_address(station: Any) -> StationAddress:
    """From the config's ``[station]`` section; bad or missing values give an unusable (typing-only) list."""
    buildings = tuple(str(b).strip() for b in (getattr(station, "buildings", None) or ()) if str(b).strip())
    try:
        floors = int(getattr(station, "floors", 0) or 0)
        flats = int(getattr(station, "flats_per_floor", 0) or 0)
    except (TypeError, ValueError):
        floors = flats = 0
    if not (0 <= floors <= MAX_FLOORS and 0 <= flats <= MAX_FLATS):
        floors = flats = 0
    return StationAddress(buildings, str(getattr(station, "street_address", "") or ""), floors, flats)
