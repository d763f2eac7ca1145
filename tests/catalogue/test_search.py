"""Search as a resident types it: accents or not, Telex leftovers, codes, partial words, word order, typos."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.catalogue.text import fold, tokens, untelex

PERMANENT = "1.004222"


@pytest.mark.parametrize("query", [
    "Đăng ký thường trú",
    "đăng ký thường trú",
    "dang ky thuong tru",
    "DANG KY THUONG TRU",
    "ddang kys thuowngf tru",  # Telex typed without an IME
    "ddawng kys thuwowngf trus",  # full Telex keystrokes for "đăng ký thường trú"
    "dang ky thuowfng tru",  # tone key typed before the final consonant
    "dda8ng ky1 thu7o7ng2 tru",  # VNI leftovers
    unicodedata.normalize("NFD", "đăng ký thường trú"),
    "đăng kí thường trú",  # i/y spelling
    "thuong tru dang ky",  # word order
    "thuong tr",  # partial words
    "dang ky thuogn tru",  # small typo
    "thường trú",
    "1.004222",
    "26360",  # the MPS portal id
])
def test_finds_permanent_residence_first(catalogue, query: str) -> None:
    assert catalogue.search(query, 5)[0].code == PERMANENT


@pytest.mark.parametrize(("query", "code"), [
    ("tam vang", "1.003677"),
    ("thông báo lưu trú", "2.001159"),
    ("gia han tam tru", "1.002755"),
    ("xoa dang ky tam tru", "1.010028"),
    ("cap the can cuoc 14 tuoi tinh", "2.000200"),
    ("khoi phuc ho chieu trung uong", "1.010382"),
    ("2.001195", "2.001195"),
])
def test_finds_other_procedures(catalogue, query: str, code: str) -> None:
    assert catalogue.search(query, 3)[0].code == code


def test_name_matches_rank_above_document_and_step_matches(catalogue) -> None:
    hits = catalogue.search_hits("tạm trú", 10)
    places = [h.where for h in hits]
    assert places[:3] == ["name"] * 3
    assert places == sorted(places, key=lambda w: w != "name")  # every name hit before any other
    codes = [h.procedure.code for h in hits]
    assert codes.index(PERMANENT) > codes.index("1.004194")  # "tạm trú" only in its steps/documents


def test_english_query_finds_passport_procedures(catalogue) -> None:
    assert {p.field for p in catalogue.search("lost passport", 4)} == {"xuat_nhap_canh"}


def test_form_code_finds_the_procedures_using_it(catalogue) -> None:
    assert {p.code for p in catalogue.search("TK05", 10)} == {"1.001445", "1.010385", "1.010386", "2.000539"}


def test_limit_and_nonsense(catalogue) -> None:
    assert len(catalogue.search("ho chieu", 2)) == 2
    assert catalogue.search("ho chieu", 0) == []
    assert catalogue.search("", 5) == [] and catalogue.search("   !!! ", 5) == []
    assert catalogue.search("qqqqzzzz", 5) == []


def test_folding_handles_nfc_nfd_and_tone_placement() -> None:
    assert tokens("hoà") == tokens("hòa") == tokens(unicodedata.normalize("NFD", "hoà")) == ["hoa"]
    assert fold("ĐƯỜNG") == "duong"
    assert untelex("ddang") == "dang" and untelex("thuowngf") == "thuong" and untelex("nguwowif") == "nguoi"
    assert untelex("tie6ng1") == "tieng" and untelex("ct01") == "ct01"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.integers(min_value=-3, max_value=30))
def test_arbitrary_queries_never_raise(catalogue, query: str, limit: int) -> None:
    hits = catalogue.search(query, limit)
    assert len(hits) <= max(limit, 0)


@pytest.mark.parametrize("query", ["dang ky thuong tru", "Đăng ký thường trú"])
def test_only_procedures_about_the_query_are_listed(catalogue, query: str) -> None:
    hits = catalogue.search(query, 10)
    assert hits[0].code == PERMANENT
    assert all(p.field == "cu_tru" for p in hits), [p.name_vi for p in hits]  # no passport procedure


@pytest.mark.parametrize("query", ["xyz khong co", "gia vang hom nay", "mua ve tau tet"])
def test_a_query_with_no_real_match_lists_nothing(catalogue, query: str) -> None:
    assert catalogue.search(query, 10) == []  # the screen says "không tìm thấy"


def test_the_title_typed_whole_comes_first_even_among_close_names(catalogue) -> None:
    assert catalogue.search("đăng ký tạm trú", 3)[0].code == "1.004194"
    assert catalogue.search("xoa dang ky tam tru", 3)[0].code == "1.010028"
