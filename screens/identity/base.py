"""What the identity screens share: the sub-journey's params kept in the visit, the draft, "step n of m", and
the words for fields and error codes (model.py returns codes). GUI thread."""

from __future__ import annotations

from typing import Any

from screens.identity import model
from screens.shell.screen import Screen
from screens.widgets.blocks import Orientable


class IdentityScreen(Orientable, Screen):
    """Shared: remembers the sub-journey's params in the visit and shows its "step n of m"."""

    def __init__(self) -> None:
        super().__init__()

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        journey = {k: params[k] for k in ("return_to", "return_params", "purpose", "step") if k in params}
        if journey:
            visit.data[model.JOURNEY_KEY] = journey
        if "draft" in params:  # a caller (or the screenshots) hands over a prepared draft
            visit.data[model.DRAFT_KEY] = {**model.empty_draft(), **params["draft"]}

    @property
    def journey(self) -> dict[str, Any]:
        return self.visit.data.get(model.JOURNEY_KEY, {}) if self.visit is not None else {}

    @property
    def draft(self) -> dict[str, Any]:
        if self.visit is None:
            return model.empty_draft()
        return self.visit.data.setdefault(model.DRAFT_KEY, model.empty_draft())

    def step_info(self) -> tuple[int, int] | None:
        step = self.journey.get("step")
        return (int(step[0]), int(step[1])) if step else None

    def field_names(self) -> dict[str, str]:
        return {"full_name": self.tr("Full name"), "id_number": self.tr("ID number"),
                "date_of_birth": self.tr("Date of birth"), "gender": self.tr("Gender"),
                "address": self.tr("Address")}

    def error_text(self, code: str) -> str:
        return {
            "name.empty": self.tr("Please type your full name."),
            "name.invalid": self.tr("The name must not contain digits."),
            "id.length": self.tr("The ID number has exactly 12 digits."),
            "dob.format": self.tr("Type the date of birth as day/month/year, e.g. 15/03/1985."),
            "dob.future": self.tr("The date of birth cannot be in the future."),
            "dob.too_old": self.tr("Please check the year of birth."),
            "gender.missing": self.tr("Please choose Male or Female."),
            "address.empty": self.tr("Please type your address."),
            "address.long": self.tr("The address is too long."),
            "cccd.gender_mismatch": self.tr("The ID number does not match the gender. Please check both."),
            "cccd.birth_year_mismatch": self.tr("The ID number does not match the year of birth. "
                                                "Please check both."),
            "cccd.issued_before_birth": self.tr("The card's issue date is before the date of birth."),
        }.get(code, code)

    def gender_text(self, value: str) -> str:
        return {"male": self.tr("Male"), "female": self.tr("Female")}.get(value, "—")
