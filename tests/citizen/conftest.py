"""Helpers for the citizen-area tests: type on the on-screen keyboard, read what a screen shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from core.telex import TELEX_TONES


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


def start_services(app, names) -> None:
    """Build and start only the named real services (the full set also starts health simulators)."""
    import importlib

    from kiosk.services.setup import FACADES

    for name in names:
        module, cls = FACADES[name]
        factory = getattr(importlib.import_module(module), cls)
        ctx = app.ctx
        service = (factory.from_context(ctx) if hasattr(factory, "from_context")
                   else factory(ctx.config, ctx.data_dir, ctx.threads, ctx.bus))
        setattr(ctx.services, name, service)
        service.start()


@pytest.fixture
def scanner_app(make_app):
    """The whole app with the real scanner, storage and printer services (camera "none": codes by inject())."""

    def build(camera: dict | None = None, services=("scanner",), **sections):
        app = make_app(camera=camera or {"kind": "none"}, **sections)
        start_services(app, services)
        return app

    return build
