"""The household BHYT application as pure data: members, their checks, the period, the amounts, the dossier.

Pure (no Qt, no I/O beyond reading the rule's JSON once); used on the GUI thread and in tests. Checks return
error *codes*; the screens translate them. The contribution itself is :mod:`core.bhyt` (the legal rule, in data).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from core.bhyt import BhytError, Quote, Rule, parse_rule, quote
from core.paths import asset
from core.visit import area_draft
from screens.identity.model import MAX_NAME, clean_text, parse_dob

# The kiosk lists at most this many people: a longer household book is taken at the counter, where an officer
# checks it against the book (the list must stay readable on one screen, in large text too).
MAX_MEMBERS = 10
DRAFT_KEY = "bhyt"
ACTIONS = ("register", "renew")
PLACEHOLDER_CODES = {"register": "BHYT-HGD-DK", "renew": "BHYT-HGD-GH"}
SOURCES = ("card", "typed")
CONSENT_VERSION = "nd13-2023-v1"  # the same consent text as every dossier (screens/dossier/model.py)


@dataclass(frozen=True)
class Member:
    full_name: str
    id_number: str  # 12 digits (số định danh cá nhân)
    date_of_birth: dt.date | None  # from the card, or typed
    source: str  # "card" (scanned from their own card) | "typed"


@dataclass
class HouseholdDraft:
    """What the resident chose for one application; lives in ``visit.data["bhyt"]`` and is wiped with it."""

    action: str = ""  # register | renew
    members: list[Member] = field(default_factory=list)
    months: int = 12
    consent: bool = False
    head_id: str = ""  # the ID number the head of household was pre-filled from

    def wipe(self) -> None:
        self.action, self.months, self.consent, self.head_id = "", 12, False, ""
        self.members.clear()


def draft_of(visit: Any) -> HouseholdDraft:
    """The visit's BHYT draft (created on first use; wiped with the visit)."""
    return area_draft(visit, DRAFT_KEY, HouseholdDraft)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    # read once per process (a small package file): every later question about the rule is answered from memory
    return dict(json.loads(asset("bhyt", "household_contribution.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def rule() -> Rule:
    """The contribution rule from the same data (core.bhyt.load_rule would read the file again on every call)."""
    return parse_rule(_data())


def procedure_code(action: str, data: dict[str, Any] | None = None) -> str:
    """The catalogue code of "register" or "renew" (the data file's "procedures" key, else the placeholder)."""
    codes = (data if data is not None else _data()).get("procedures")
    code = codes.get(action) if isinstance(codes, dict) else None
    return code if isinstance(code, str) and code.strip() else PLACEHOLDER_CODES[action]


def state_paid_age(data: dict[str, Any] | None = None) -> tuple[int, str]:
    """(age in years under which the state pays a child's card, its legal source); (0, "") if not in the data."""
    rule = (data if data is not None else _data()).get("state_paid_children")
    if not isinstance(rule, dict) or not isinstance(rule.get("under_age_years"), int):
        return 0, ""
    return int(rule["under_age_years"]), str(rule.get("source", ""))


def periods() -> tuple[int, ...]:
    return rule().periods_months


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def check_member(name: str, id_number: str, dob_text: str, members: list[Member],
                 today: dt.date | None = None, dob: dt.date | None = None) -> tuple[Member | None, dict[str, str]]:
    """(the member, {}) or (None, {field: code}); codes: name.empty, name.invalid, id.length, dob.*,
    member.duplicate, member.too_many, member.state_paid. ``dob`` (a card's) replaces ``dob_text``."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    name = clean_text(name)
    number = (id_number or "").strip()
    if not name:
        errors["full_name"] = "name.empty"
    elif any(ch.isdigit() for ch in name) or len(name) > MAX_NAME:
        errors["full_name"] = "name.invalid"
    if not re.fullmatch(r"[0-9]{12}", number):  # ASCII only: \d takes any script
        errors["id_number"] = "id.length"
    born = dob
    if born is None:
        try:
            born = parse_dob(dob_text, today)
        except ValueError as exc:
            errors["date_of_birth"] = str(exc)
    if errors:
        return None, errors
    if any(m.id_number == number for m in members):
        return None, {"id_number": "member.duplicate"}
    if len(members) >= MAX_MEMBERS:
        return None, {"member": "member.too_many"}
    under, _source = state_paid_age()
    if born is not None and under and age_on(born, today) < under:
        return None, {"date_of_birth": "member.state_paid"}
    return Member(name, number, born, "card" if dob is not None else "typed"), {}


def member_from_card(card: Any, members: list[Member], today: dt.date | None = None) -> tuple[Member | None,
                                                                                              dict[str, str]]:
    """A member scanned from their own ID card (name, number and birth date as the card says)."""
    return check_member(card.full_name, card.id_number, "", members, today, dob=card.date_of_birth)


def contribution(draft: HouseholdDraft, today: dt.date | None = None) -> Quote:
    """What the household pays for the chosen period (raises BhytError for an empty list or a wrong period)."""
    return quote(len(draft.members), draft.months, today or dt.date.today(), rule())


def ready(draft: HouseholdDraft) -> str:
    """"" when the application can be submitted, else why not: action, members, period, consent."""
    if draft.action not in ACTIONS:
        return "action"
    if not draft.members or len(draft.members) > MAX_MEMBERS:
        return "members"
    if draft.months not in periods():
        return "period"
    return "" if draft.consent else "consent"


def submission(draft: HouseholdDraft, identity: dict[str, Any] | None, procedure_name: str, language: str,
               today: dt.date | None = None, channel: str = "in_person"
               ) -> tuple[dict[str, Any], dict[str, Any], Quote]:
    """(payload, personal, quote) of the dossier. The payload says what and how much (no one's name or number);
    names, ID numbers and birth dates of the members are personal (encrypted at rest, like the applicant's)."""
    problem = ready(draft)
    if problem:
        raise BhytError(f"the application is not complete: {problem}")
    q = contribution(draft, today)
    code = procedure_code(draft.action)
    payload = {
        "procedure_code": code, "procedure_name": procedure_name, "channel": channel,
        "fee": {"amount": q.total_vnd},
        "answers": {},
        "attachments": [],
        "consent": {"given": True, "text_version": CONSENT_VERSION},
        "language": language,
        "bhyt": {"action": draft.action, "months": q.months, "members": len(q.members),
                 "monthly_vnd": [m.monthly_vnd for m in q.members], "total_vnd": q.total_vnd,
                 "base_salary_vnd": q.base_salary.amount_vnd,
                 "base_salary_from": q.base_salary.effective_from.isoformat(),
                 "base_salary_source": q.base_salary.source, "rule_source": q.source},
    }
    members = [{"full_name": m.full_name, "id_number": m.id_number,
                "date_of_birth": m.date_of_birth.isoformat() if m.date_of_birth else None, "source": m.source,
                "monthly_vnd": row.monthly_vnd, "period_vnd": row.period_vnd}
               for m, row in zip(draft.members, q.members, strict=True)]
    return payload, {"identity": identity, "answers": {}, "bhyt_members": members}, q
