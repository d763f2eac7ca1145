"""Family health insurance (BHYT hộ gia đình) contributions by the legal rule, from data (pure; any thread).

The rule and the base salary live in ``core/assets/bhyt/household_contribution.json`` with their legal sources and
effective dates, so a change of law is a data update: the 1st member pays 4.5 % of the base salary a month, the
2nd, 3rd and 4th 70 %, 60 % and 50 % of that, the 5th onward 40 % each; a household pays for 3, 6 or 12 months.
Amounts are exact integers of đồng (Decimal arithmetic, rounded half up to the đồng only at the end)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.paths import asset

MAX_MEMBERS = 30  # a household book; beyond this the input is a typing error, not a household


class BhytError(ValueError):
    """Input the rule cannot price (no member, unsupported period, no base salary in force on that day)."""


@dataclass(frozen=True)
class BaseSalary:
    amount_vnd: int
    effective_from: date
    source: str


@dataclass(frozen=True)
class Rule:
    rate: Decimal
    member_factors: tuple[Decimal, ...]  # the last one applies to every further member
    periods_months: tuple[int, ...]
    base_salaries: tuple[BaseSalary, ...]  # oldest first
    source: str

    def base_salary_on(self, day: date) -> BaseSalary:
        in_force = [b for b in self.base_salaries if b.effective_from <= day]
        if not in_force:
            raise BhytError(f"no base salary in force on {day.isoformat()}")
        return in_force[-1]


@dataclass(frozen=True)
class MemberContribution:
    position: int  # 1-based order in the household
    factor: Decimal  # of the 1st member's contribution
    monthly_vnd: int
    period_vnd: int


@dataclass(frozen=True)
class Quote:
    members: tuple[MemberContribution, ...]
    months: int
    base_salary: BaseSalary
    total_vnd: int
    source: str


def _vnd(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_rule(data: dict[str, Any]) -> Rule:
    """The rule from its JSON form; raises BhytError on anything malformed (a data file is checked at load)."""
    try:
        rule = data["rule"]
        salaries = tuple(sorted((BaseSalary(int(b["amount_vnd"]), date.fromisoformat(b["effective_from"]),
                                            str(b["source"])) for b in data["base_salary"]),
                                key=lambda b: b.effective_from))
        parsed = Rule(rate=Decimal(rule["rate_of_base_salary"]),
                      member_factors=tuple(Decimal(f) for f in rule["member_factors"]),
                      periods_months=tuple(int(m) for m in data["periods_months"]),
                      base_salaries=salaries, source=str(rule["source"]))
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise BhytError(f"malformed BHYT rule data: {exc}") from exc
    if not parsed.member_factors or not parsed.base_salaries or not 0 < parsed.rate < 1:
        raise BhytError("malformed BHYT rule data: empty factors, no base salary or a rate outside 0..1")
    return parsed


@lru_cache(maxsize=1)
def load_rule(path: Path | None = None) -> Rule:
    file = path or asset("bhyt", "household_contribution.json")
    return parse_rule(json.loads(file.read_text(encoding="utf-8")))


def quote(members: int, months: int, on: date, rule: Rule | None = None) -> Quote:
    """What a household of ``members`` people pays for ``months`` months, at the law in force on ``on``."""
    rule = rule or load_rule()
    if not 1 <= members <= MAX_MEMBERS:
        raise BhytError(f"a household has 1..{MAX_MEMBERS} members to cover, not {members}")
    if months not in rule.periods_months:
        raise BhytError(f"a household pays for {', '.join(map(str, rule.periods_months))} months, not {months}")
    salary = rule.base_salary_on(on)
    first = Decimal(salary.amount_vnd) * rule.rate
    rows = []
    for position in range(1, members + 1):
        factor = rule.member_factors[min(position, len(rule.member_factors)) - 1]
        monthly = first * factor
        rows.append(MemberContribution(position, factor, _vnd(monthly), _vnd(monthly * months)))
    return Quote(tuple(rows), months, salary, sum(r.period_vnd for r in rows), rule.source)
