"""The line a dossier receipt prints so the resident can prepare the next one at home (GUI thread, translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def next_time_note(hub_url: str) -> str:
    """Where the phone page is when the station's hub has an https address residents' phones can reach; else the
    tile to look for and a word to ask the staff (a LAN address would not open at home)."""
    base = (hub_url or "").strip().rstrip("/")
    if base.startswith("https://"):
        return QCoreApplication.translate(
            "PreparedNote", "Next time you can prepare the dossier at home on your phone: %1 , then scan its QR "
            "code at the station (tile 'Prepared at home').").replace("%1", base + "/prepare")
    return QCoreApplication.translate(
        "PreparedNote", "Next time you can prepare the dossier at home on your phone (ask the staff for the ward's "
        "preparation page), then scan its QR code at the station (tile 'Prepared at home').")
