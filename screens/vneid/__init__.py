"""VNeID (screen id ``vneid``, a home tile): what a level-2 electronic ID account is, where to activate it (the
ward police, with the chip ID card) and how to look up the result, with buttons to the two catalogue entries
(core/assets/catalogue/curated.json). The station itself cannot activate an account; it explains and points.

There is no controller: the screen only reads the in-memory catalogue and navigates (no I/O, no device).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    from screens.procedures.controller import catalogue_getter
    from screens.vneid.screen import VneidScreen

    ctx.navigator.add(VneidScreen(catalogue_getter(ctx)))
