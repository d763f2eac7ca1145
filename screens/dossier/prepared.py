"""The typed entry of a dossier prepared at home (screens/prepared): its answers go into the visit's draft, then
the usual path — the ID card (which fills name, date of birth, number, address), the form to review, photos."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from screens.dossier.common import STEPS, draft_of

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

IDENTITY_STEP = "identity.scan"


def open_prepared(ctx: AppContext, code: str, answers: Mapping[str, str]) -> None:
    """Open the dossier of procedure ``code`` pre-filled with ``answers`` (already checked by
    core.formats.prepared.accepted_answers). The form's own pre-fill then adds what the ID card says."""
    draft = draft_of(ctx.flow.visit)
    draft.code, draft.prefilled_for = code, ""
    draft.answers = dict(answers)
    draft.prefilled.clear()
    draft.photos.clear()
    if ctx.flow.visit is not None and ctx.flow.visit.identity is not None:
        ctx.flow.go("dossier.form", {"code": code})
    else:
        ctx.flow.go(IDENTITY_STEP, {"return_to": "dossier.form", "purpose": "dossier", "step": [2, STEPS]})
