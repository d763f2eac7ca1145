"""How old an unsent submission is, in words operators read on screen and in `kiosk queue status`. Qt-free."""

from __future__ import annotations


def format_age(seconds: float | None, missing: str = "—") -> str:
    """An age for operators: "45 s", "12 min", "3 h 05 min"."""
    if seconds is None:
        return missing
    seconds = int(seconds)
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
