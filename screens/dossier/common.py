"""Bits shared by the dossier screens: the step count, the draft in the visit, text of a procedure."""

from __future__ import annotations

from typing import Any

from core.visit import area_draft
from screens.dossier.model import DossierDraft

STEPS = 6  # procedure, identity, form, photos, review, consent
DRAFT_KEY = "dossier"


def draft_of(visit: Any) -> DossierDraft:
    """The visit's dossier draft (created on first use; wiped with the visit)."""
    return area_draft(visit, DRAFT_KEY, DossierDraft)


def procedure_name(procedure: Any, language: str) -> str:
    if procedure is None:
        return ""
    return procedure.name_en if language == "en" and procedure.name_en else procedure.name_vi


def field_label(f: Any, language: str) -> str:
    return f.label_en if language == "en" and f.label_en else f.label_vi


def choice_label(f: Any, value: str, language: str) -> str:
    for c in f.choices:
        if c.value == value:
            return c.label_en if language == "en" and c.label_en else c.label_vi
    return value
