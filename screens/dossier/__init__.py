"""Nộp hồ sơ: choose a procedure, identify with the ID card, fill the form, photos, review, consent, submit.

``install(ctx)`` adds the dossier screens (and the shared done screen) and wires their controller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.dossier.controller import DossierController


def install(ctx: AppContext) -> DossierController:
    import screens.identity
    import screens.receipt
    from screens.dossier.controller import DossierController
    from screens.dossier.form import FormScreen
    from screens.dossier.photos import PhotosScreen
    from screens.dossier.pick import ProcedurePickScreen
    from screens.dossier.review import ConsentScreen, ReviewScreen

    screens.receipt.install(ctx)
    screens.identity.install(ctx)  # the shared ID-card sub-journey (idempotent)
    built = {}
    for cls in (ProcedurePickScreen, FormScreen, PhotosScreen, ReviewScreen, ConsentScreen):
        built[cls.screen_id] = ctx.navigator.add(cls())
    from screens.dossier.address import station_address

    built["dossier.form"].place = station_address(ctx.config.station)  # the address pick-list
    consent = built["dossier.consent"]
    consent.retention_days = ctx.config.queue.retention_days
    return DossierController(ctx, built)
