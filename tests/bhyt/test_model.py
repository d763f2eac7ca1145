"""The household list, its checks, the period and the amounts (screens/bhyt/model.py), against worked examples
computed by hand from the rule (Nghị định 146/2018, Điều 7) at the base salary of Nghị định 73/2024: the first
person pays 4.5 % × 2,340,000 = 105,300 đ a month."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.bhyt import BhytError
from core.formats.cccd import Gender, IdCard
from screens.bhyt import model

TODAY = dt.date(2026, 12, 3)
ADULTS = [("Nguyễn Văn An", "001085012345", "15/03/1986"), ("Trần Thị Bình", "001188004321", "02/09/1988"),
          ("Nguyễn Văn Cường", "001060000111", "01/01/1960"), ("Lê Thị Dung", "001162000222", "05/05/1962"),
          ("Nguyễn Minh Em", "001210000333", "20/05/2010"), ("Nguyễn Thu Hà", "001312000444", "07/07/2012")]
# A household of n pays, for 12 months (monthly 105,300 / 73,710 / 63,180 / 52,650 / 42,120 / 42,120):
YEARLY = {1: 1_263_600, 2: 2_148_120, 3: 2_906_280, 4: 3_538_080, 5: 4_043_520, 6: 4_548_960}


def household(n: int) -> model.HouseholdDraft:
    draft = model.HouseholdDraft(action="register")
    for name, number, born in ADULTS[:n]:
        member, errors = model.check_member(name, number, born, draft.members, TODAY)
        assert errors == {} and member is not None
        draft.members.append(member)
    return draft


@pytest.mark.parametrize("n", range(1, 7))
def test_households_of_one_to_six_against_worked_examples(n: int) -> None:
    draft = household(n)
    for months in (3, 6, 12):
        draft.months = months
        quote = model.contribution(draft, TODAY)
        assert [m.monthly_vnd for m in quote.members] == [105_300, 73_710, 63_180, 52_650, 42_120, 42_120][:n]
        assert quote.total_vnd == YEARLY[n] // 12 * months
    draft.consent = True
    payload, personal, quote = model.submission(draft, None, "Đăng ký", "vi", TODAY)
    assert payload["fee"] == {"amount": YEARLY[n]} and payload["bhyt"]["members"] == n
    assert payload["procedure_code"] == model.procedure_code("register")
    assert payload["bhyt"]["base_salary_from"] == "2024-07-01" and "73/2024" in payload["bhyt"]["base_salary_source"]
    assert [m["id_number"] for m in personal["bhyt_members"]] == [a[1] for a in ADULTS[:n]]
    assert sum(m["period_vnd"] for m in personal["bhyt_members"]) == YEARLY[n]
    assert not any(a[1] in str(payload) or a[0] in str(payload) for a in ADULTS)  # no one's data in the clear part


@pytest.mark.parametrize("name, number, born, field, code", [
    ("", "001085012345", "15/03/1986", "full_name", "name.empty"),
    ("Nguyễn 2", "001085012345", "15/03/1986", "full_name", "name.invalid"),
    ("Nguyễn Văn Ba", "00108501234", "15/03/1986", "id_number", "id.length"),
    ("Nguyễn Văn Ba", "００１０８５０１２３４５", "15/03/1986", "id_number", "id.length"),  # full-width digits
    ("Nguyễn Văn Ba", "001085012399", "31/02/1986", "date_of_birth", "dob.format"),
    ("Nguyễn Văn Ba", "001085012399", "01/01/2030", "date_of_birth", "dob.future"),
    ("Bé Na", "001224000555", "01/06/2022", "date_of_birth", "member.state_paid"),  # under 6: the State pays
])
def test_invalid_members_are_refused_with_a_reason(name, number, born, field, code) -> None:
    member, errors = model.check_member(name, number, born, [], TODAY)
    assert member is None and errors == {field: code}


def test_a_child_of_six_or_more_is_covered_by_the_household() -> None:
    member, errors = model.check_member("Nguyễn Bé Sáu", "001220000666", "03/12/2020", [], TODAY)
    assert errors == {} and member is not None and member.source == "typed"


def test_the_same_person_twice_and_too_many_people_are_refused() -> None:
    draft = household(2)
    assert model.check_member(*ADULTS[1], draft.members, TODAY) == (None, {"id_number": "member.duplicate"})
    full = [model.Member(f"Người {i}", f"{i:012d}", dt.date(1980, 1, 1), "typed") for i in range(model.MAX_MEMBERS)]
    assert model.check_member("Người Thêm", "009999999999", "01/01/1980", full, TODAY) == (
        None, {"member": "member.too_many"})


def test_a_scanned_card_gives_the_name_number_and_birth_date() -> None:
    card = IdCard("001085012345", None, "Nguyễn Văn An", dt.date(1986, 3, 15), Gender.MALE, "Hà Nội",
                  dt.date(2022, 6, 22), "cccd_chip_2021")
    member, errors = model.member_from_card(card, [], TODAY)
    assert errors == {} and member == model.Member("Nguyễn Văn An", "001085012345", dt.date(1986, 3, 15), "card")


@pytest.mark.parametrize("months", [0, 1, 2, 24])
def test_a_period_other_than_three_six_or_twelve_months_is_refused(months: int) -> None:
    draft = household(1)
    draft.months, draft.consent = months, True
    assert model.ready(draft) == "period"
    with pytest.raises(BhytError):
        model.contribution(draft, TODAY)


def test_nothing_is_submitted_without_members_action_or_consent() -> None:
    draft = household(1)
    assert model.ready(draft) == "consent"
    draft.consent, draft.action = True, ""
    assert model.ready(draft) == "action"
    draft.action, draft.members = "renew", []
    assert model.ready(draft) == "members"
    with pytest.raises(BhytError):
        model.submission(draft, None, "Gia hạn", "vi", TODAY)


def test_procedure_codes_come_from_the_data_with_placeholders_when_missing() -> None:
    assert model.procedure_code("renew", {"procedures": {"register": "X.1", "renew": "X.2"}}) == "X.2"
    assert model.procedure_code("register", {}) == "BHYT-HGD-DK"
    assert model.procedure_code("renew", {"procedures": {"renew": ""}}) == "BHYT-HGD-GH"
    assert model.state_paid_age({}) == (0, "")
    assert model.state_paid_age()[0] == 6 and "Điều 12" in model.state_paid_age()[1]


@given(st.text(max_size=80), st.text(max_size=20), st.text(max_size=12))
def test_typed_text_never_crashes_the_checks(name: str, number: str, born: str) -> None:
    member, errors = model.check_member(name, number, born, [], TODAY)
    assert (member is None) == bool(errors)
