"""The prepared-dossier QR: signed by the hub, refused when altered, expired or malformed (pure)."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formats import Kind, classify
from core.formats.prepared import DraftError, build_draft, new_draft_id, parse_draft, verify_draft

KEY = bytes(range(32))
NOW = 1_800_000_000


def _ref() -> str:
    return build_draft(KEY, "1.004222", new_draft_id(), NOW + 3600).payload


def test_a_signed_draft_verifies_and_classifies_as_a_draft() -> None:
    payload = _ref()
    ref = verify_draft(KEY, payload, NOW)
    assert ref.procedure_code == "1.004222" and ref.expires_at == NOW + 3600
    scanned = classify(payload)
    assert scanned.kind is Kind.DRAFT and scanned.value == ref
    assert len(payload) < 90  # a small QR a phone screen shows and a kiosk camera reads at arm's length


@pytest.mark.parametrize("field", [2, 3, 4, 5])
def test_any_altered_field_is_refused(field: int) -> None:
    parts = _ref().split("|")
    original = parts[field]
    parts[field] = {2: "1.004194", 4: str(NOW + 10 * 86400)}.get(field, original[:-1] + ("A" if original[-1] != "A"
                                                                                            else "B"))
    with pytest.raises(DraftError) as err:
        verify_draft(KEY, "|".join(parts), NOW)
    assert err.value.code == "draft.signature"


def test_another_hubs_key_and_expiry_are_refused() -> None:
    payload = _ref()
    with pytest.raises(DraftError) as err:
        verify_draft(bytes(32), payload, NOW)
    assert err.value.code == "draft.signature"
    with pytest.raises(DraftError) as err:
        verify_draft(KEY, payload, NOW + 3600)
    assert err.value.code == "draft.expired"


def test_a_malformed_draft_is_unknown_and_says_so() -> None:
    result = classify("TCDS-DRAFT|1|1.004222|short|123|sig")
    assert result.kind is Kind.UNKNOWN and result.reason == "draft.format" and result.looks_like is Kind.DRAFT


@given(st.text(max_size=300))
def test_parse_never_raises_anything_but_draft_error(text: str) -> None:
    try:
        parse_draft("TCDS-DRAFT|" + text)
    except DraftError:
        pass


@given(st.dictionaries(st.text(max_size=30), st.one_of(st.text(max_size=2000), st.integers(), st.none(),
                                                       st.lists(st.text(max_size=5))), max_size=20))
def test_a_station_takes_only_the_phone_questions_as_bounded_text(answers: dict) -> None:
    from core.dossier_rules import MAX_TEXT
    from core.formats.prepared import accepted_answers, phone_fields

    procedure = _procedure()
    fields = {f.key: f for f in phone_fields(procedure.form_fields)}
    taken = accepted_answers(procedure.form_fields, answers | {"full_name": "Người Khác", "phone": "0912345678"})
    assert "full_name" not in taken  # the name comes from the ID card scanned at the station, never the hub
    assert taken["phone"] == "0912345678"
    for key, value in taken.items():
        assert key in fields and isinstance(value, str) and len(value) <= MAX_TEXT.get(fields[key].type, 250)


@functools.cache
def _procedure():  # type: ignore[no-untyped-def]
    from core.catalogue import load_catalogue

    return load_catalogue().get("1.004222")
