"""Helpers for the citizen-area tests: type on the on-screen keyboard, read what a screen shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.telex import TELEX_TONES


def press_keys(qtbot, keyboard, keys: str) -> None:
    """Touch the keyboard's keys one by one, as a resident does (" " = space)."""
    for key in keys:
        name = "space" if key == " " else key.lower()
        if key.isupper() and key.lower() not in TELEX_TONES:
            qtbot.mouseClick(keyboard.keys["shift"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(keyboard.keys[name], Qt.MouseButton.LeftButton)


def texts(widget) -> list[str]:
    """Every visible label and button text under ``widget``."""
    out = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget.window()) and child.text().strip():
            out.append(child.text())
    return out


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def scanner_app(make_app):
    """The whole app with only the real scanner service running (camera "none": codes come by inject())."""

    def build(camera: dict | None = None, **sections):
        from kiosk.services.scanner import ScannerService

        app = make_app(camera=camera or {"kind": "none"}, **sections)
        scanner = ScannerService.from_context(app.ctx)
        app.ctx.services.scanner = scanner
        scanner.start()
        return app

    return build
