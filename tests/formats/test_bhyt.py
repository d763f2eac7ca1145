"""BHYT hộ gia đình contributions against worked examples computed by hand from the rule (Nghị định 146/2018,
Điều 7) at the base salary of Nghị định 73/2024 (2,340,000 đ from 01/07/2024): 4.5 % is 105,300 đ a month."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.bhyt import BhytError, load_rule, parse_rule, quote

AFTER_JULY_2024 = date(2026, 12, 3)
# Monthly per member: 105,300; 73,710 (70 %); 63,180 (60 %); 52,650 (50 %); 42,120 (40 %) for the 5th onward.
MONTHLY = [105_300, 73_710, 63_180, 52_650, 42_120, 42_120]


@pytest.mark.parametrize("members, yearly_total", [
    (1, 1_263_600),                # 105,300 × 12
    (2, 2_148_120),                # + 73,710 × 12 = 884,520
    (3, 2_906_280),                # + 63,180 × 12 = 758,160
    (4, 3_538_080),                # + 52,650 × 12 = 631,800
    (5, 4_043_520),                # + 42,120 × 12 = 505,440
    (6, 4_548_960),                # the 6th pays as the 5th
])
def test_households_of_one_to_six_members_for_a_year(members: int, yearly_total: int) -> None:
    q = quote(members, 12, AFTER_JULY_2024)
    assert [m.monthly_vnd for m in q.members] == MONTHLY[:members]
    assert q.total_vnd == yearly_total
    assert q.base_salary.amount_vnd == 2_340_000 and "73/2024" in q.base_salary.source


def test_a_shorter_period_costs_that_many_months() -> None:
    assert quote(2, 3, AFTER_JULY_2024).total_vnd == (105_300 + 73_710) * 3
    assert quote(2, 6, AFTER_JULY_2024).total_vnd == (105_300 + 73_710) * 6


def test_the_law_in_force_on_the_day_is_used() -> None:
    before = quote(1, 12, date(2024, 6, 30))
    assert before.base_salary.amount_vnd == 1_800_000 and before.total_vnd == 81_000 * 12


@pytest.mark.parametrize("members, months", [(0, 12), (31, 12), (2, 1), (2, 24)])
def test_impossible_requests_are_refused_with_a_reason(members: int, months: int) -> None:
    with pytest.raises(BhytError):
        quote(members, months, AFTER_JULY_2024)


def test_a_change_of_law_is_a_data_update() -> None:
    data = json.loads(json.dumps({"rule": {"rate_of_base_salary": "0.045", "member_factors": ["1", "0.7", "0.6",
                                                                                              "0.5", "0.4"],
                                           "source": "test"}, "periods_months": [3, 6, 12],
                                  "base_salary": [{"amount_vnd": 2_500_000, "effective_from": "2027-01-01",
                                                   "source": "a future decree"}]}))
    rule = parse_rule(data)
    assert quote(1, 12, date(2027, 2, 1), rule).total_vnd == 112_500 * 12


@given(st.dictionaries(st.sampled_from(["rule", "periods_months", "base_salary"]),
                       st.one_of(st.none(), st.integers(), st.text(), st.lists(st.integers()),
                                 st.dictionaries(st.text(max_size=5), st.text(max_size=5)))))
def test_malformed_rule_data_is_a_bhyt_error_never_a_crash(data: dict) -> None:
    try:
        parse_rule(data)
    except BhytError:
        pass


def test_the_shipped_rule_cites_its_sources() -> None:
    rule = load_rule()
    assert "146/2018" in rule.source and all(b.source for b in rule.base_salaries)
