"""The procedure pages' facts as plain data (screens/procedures/model.py): what the summary card says, and that a
missing fact is marked missing (the screen then tells the resident whom to ask) instead of showing nothing."""

from __future__ import annotations

import dataclasses

import pytest

from core.catalogue import load_catalogue
from screens.procedures import model


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_the_summary_answers_in_the_order_residents_ask(catalogue) -> None:
    proc = catalogue.get("1.004222")
    facts = model.summary_facts(proc)
    assert [f.key for f in facts] == list(model.SUMMARY_KEYS)
    bring, fee, time, where = facts
    assert bring.text.startswith(proc.required_documents[0].name) and not bring.missing
    assert [f.channel for f in fee.fees] == [ch.kind for ch in proc.channels]
    assert time.text == " ".join(proc.processing_times)
    assert where.text == proc.agency.implementing


def test_a_fact_the_catalogue_does_not_give_is_marked_missing(catalogue) -> None:
    proc = catalogue.get("1.004222")
    bare = dataclasses.replace(proc, channels=(), agency=dataclasses.replace(proc.agency, implementing=""))
    facts = {f.key: f for f in model.summary_facts(bare)}
    assert facts["fee"].missing and facts["where"].missing
    assert not facts["bring"].missing


@pytest.mark.parametrize(("amount", "shown"), [(None, "?"), (0, "free"), (20000, "20.000 đ"),
                                               (1250000, "1.250.000 đ")])
def test_money_uses_vietnamese_thousands_dots(amount, shown) -> None:
    assert model.money(amount, "free", "?") == shown


def test_only_an_official_https_page_goes_to_the_phone(catalogue) -> None:
    proc = catalogue.get("1.004222")
    assert model.official_url(proc) is not None
    fake = dataclasses.replace(proc, portal_url="http://dichvucong.gov.vn/x", source_url="https://evil.example/x")
    assert model.official_url(fake) is None


def test_dates_read_day_first() -> None:
    assert model.vn_date("2026-11-21") == "21/11/2026"
    assert model.vn_date("sometime") == "sometime"
