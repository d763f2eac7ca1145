"""The pure parts behind the screens: typed identity fields and report drafts are untrusted input too."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.formats import parse_cccd
from screens.identity import model as identity
from screens.report import model as report

TODAY = dt.date(2026, 11, 21)
GOOD = {**identity.empty_draft(), "full_name": "Trần Thị Bích", "id_number": "034303000002",
        "date_of_birth": "21/03/2003", "gender": "female", "address": "Thôn Đông, Xã An Quý"}


@pytest.mark.parametrize(("typed", "shown"), [("", ""), ("1", "1"), ("150", "15/0"), ("1503", "15/03"),
                                              ("15031985", "15/03/1985"), ("15/03/19851", "15/03/1985"),
                                              ("1a5b", "15")])
def test_date_box_formats_digits_as_they_are_typed(typed: str, shown: str) -> None:
    assert identity.format_dob(typed) == shown


@pytest.mark.parametrize(("field", "value", "code"), [
    ("full_name", "  ", "name.empty"), ("full_name", "Nguyễn 2", "name.invalid"),
    ("id_number", "03430300000", "id.length"), ("id_number", "０３４３０３０００００２", "id.length"),
    ("date_of_birth", "31/02/2003", "dob.format"), ("date_of_birth", "01/01/2030", "dob.future"),
    ("date_of_birth", "01/01/1850", "dob.too_old"), ("gender", "", "gender.missing"),
    ("address", "", "address.empty"),
])
def test_each_bad_field_gets_its_code(field: str, value: str, code: str) -> None:
    assert identity.validate({**GOOD, field: value}, TODAY) == {field: code}


def test_a_card_round_trips_and_warnings_are_recomputed(sample_data) -> None:
    line = next(x for x in (sample_data / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines()
                if x.startswith("001085"))
    card = parse_cccd(line)
    draft = identity.from_card(card)
    assert identity.validate(draft, TODAY) == {}
    assert identity.to_card(draft, TODAY) == card
    draft["date_of_birth"] = "15/03/1986"
    assert identity.to_card(draft, TODAY).warnings == ("cccd.birth_year_mismatch",)
    typed = identity.to_card(GOOD, TODAY)
    assert typed.layout == "manual" and typed.issue_date is None
    assert identity.personal_fields(typed)["source"] == "typed"


def test_report_payload_never_holds_the_identity() -> None:
    draft = {**report.new_draft(), "category": "fraud", "area": "lobby", "description": "Gọi điện lừa đảo",
             "anonymous": False, "consent": True, "photos": [b"\xff\xd8jpeg"]}
    card = identity.to_card(GOOD, TODAY)
    payload, personal = report.build_submission(draft, card)
    assert personal["id_number"] == "034303000002" and "034303000002" not in str(payload)
    assert payload["photos"] == 1 and report.attachments(draft) == [("photo-1.jpg", "image/jpeg", b"\xff\xd8jpeg")]
    assert report.build_submission({**draft, "anonymous": True}, card)[1] is None
    with pytest.raises(ValueError):
        report.build_submission({**draft, "consent": False}, card)
    with pytest.raises(ValueError):
        report.build_submission(draft, None)  # named without an identity


TYPED = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({k: TYPED for k in identity.FIELDS}))
def test_any_typed_identity_is_validated_without_raising(draft) -> None:
    errors = identity.validate(draft, TODAY)
    assert set(errors) <= set(identity.FIELDS)
    if not errors:
        card = identity.to_card(draft, TODAY)
        assert unicodedata.is_normalized("NFC", card.full_name) and unicodedata.is_normalized("NFC", card.address)
    assert identity.format_dob(draft["date_of_birth"]).replace("/", "").isdigit() or not identity.format_dob(
        draft["date_of_birth"])


@settings(max_examples=300, deadline=None)
@given(TYPED, TYPED, TYPED, st.sampled_from([*report.CATEGORIES, "x"]), st.sampled_from([*report.AREAS, ""]))
def test_any_typed_report_text_is_cleaned(description, block, floor, category, area) -> None:
    draft = {**report.new_draft(), "category": category, "area": area, "description": description,
             "block": block, "floor": floor, "anonymous": True, "consent": True}
    text = report.clean(description, report.MAX_DESCRIPTION)
    assert len(text) <= report.MAX_DESCRIPTION and not any(unicodedata.category(c) == "Cc" and c != "\n"
                                                           for c in text)
    if not report.problems(draft):
        payload, personal = report.build_submission(draft, None)
        assert personal is None and len(payload["location"]["block"]) <= 20
