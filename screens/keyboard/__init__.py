"""The kiosk's own on-screen keyboard (Telex Vietnamese, digits pad). GUI thread."""

from __future__ import annotations

from screens.keyboard.keyboard import OnScreenKeyboard

__all__ = ["OnScreenKeyboard"]
