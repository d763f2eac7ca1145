"""Technician and operator screens, behind the hidden gesture and the PIN pad.

``install(ctx)`` adds the PIN pad and the technician screens and wires their controller (controller.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.technician.controller import TechnicianController


def install(ctx: AppContext) -> TechnicianController:
    from screens.technician.controller import TechnicianController

    return TechnicianController(ctx)
