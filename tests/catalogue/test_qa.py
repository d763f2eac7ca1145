"""Hỏi đáp answers only from the catalogue and the curated FAQ, the same with or without accents, and says it does
not know instead of guessing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.catalogue import load_catalogue
from core.qa import Answer, Answerer, NoAnswer, load_faq


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer.from_catalogue(load_catalogue())


@pytest.mark.parametrize("question, code", [
    ("Tôi muốn đăng ký thường trú cho vợ", "1.004222"),
    ("toi muon dang ky thuong tru cho vo", "1.004222"),
    ("ddang kys thuowngf truss", "1.004222"),
    ("thuê phòng trọ có phải khai báo không", "1.004194"),
    ("mất thẻ căn cước phải làm sao", "2.001194"),
])
def test_questions_are_answered_by_the_procedure_they_are_about(answerer: Answerer, question: str,
                                                                code: str) -> None:
    result = answerer.ask(question)
    assert isinstance(result, Answer) and result.procedure is not None and result.procedure.code == code


def test_what_the_resident_asks_about_is_kept_for_the_answer(answerer: Answerer) -> None:
    fee = answerer.ask("làm hộ chiếu hết bao nhiêu tiền")
    time = answerer.ask("lam ho chieu mat bao lau")
    assert isinstance(fee, Answer) and fee.aspect == "fee"
    assert isinstance(time, Answer) and time.aspect == "time" and time.procedure is not None
    assert "hộ chiếu" in time.procedure.name_vi  # "mất bao lâu" is how long, not a lost passport


@pytest.mark.parametrize("question", ["giá vàng hôm nay", "xe buýt số 32 đi đâu", "xin chào", "", "   ", "???"])
def test_out_of_scope_questions_get_i_do_not_know(answerer: Answerer, question: str) -> None:
    assert isinstance(answerer.ask(question), NoAnswer)


def test_every_curated_entry_points_at_a_real_procedure_or_carries_its_own_answer() -> None:
    codes = {p.code for p in load_catalogue().all()}
    for entry in load_faq():
        assert entry.procedure in codes or (entry.procedure is None and entry.answer_vi and entry.answer_en), entry.id


@given(st.text(max_size=2000))
def test_any_typed_text_gives_an_answer_or_i_do_not_know(text: str) -> None:
    result = _shared().ask(text)
    assert isinstance(result, Answer | NoAnswer)


_CACHE: list[Answerer] = []


def _shared() -> Answerer:
    if not _CACHE:
        _CACHE.append(Answerer.from_catalogue(load_catalogue()))
    return _CACHE[0]
