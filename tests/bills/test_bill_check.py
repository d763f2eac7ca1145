"""The payee check: a bill QR to a listed biller shows the right payee and amount; an unlisted payee is flagged
and never gets a payment code from the station."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.bills import (
    BillersList,
    BillersRefused,
    NotABill,
    bill_for_customer,
    bill_from_scan,
    parse_billers,
    payment_qr_for,
)
from core.formats.vietqr import parse_vietqr
from core.paths import asset
from tests.bills.conftest import EXAMPLE_LIST, bill_qr


def test_listed_biller_shows_payee_and_amount(example_list: dict) -> None:
    bill = bill_from_scan(bill_qr(), parse_billers(example_list))
    assert bill.listed and bill.biller.name == "Công ty Điện lực Ví Dụ"
    assert bill.amount == 452300 and bill.purpose == "PD01000123456 T11"
    assert bill.receiver == "DIEN LUC VI DU" and bill.name_differs


def test_payment_code_is_built_from_the_list_not_the_scan(example_list: dict) -> None:
    billers = parse_billers(example_list)
    bill = bill_from_scan(bill_qr(account="0011001234567"), billers)
    qr = parse_vietqr(payment_qr_for(bill))
    assert (qr.bank_bin, qr.account, qr.amount) == ("970436", "0011001234567", 452300)
    assert qr.purpose == "PD01000123456 T11"


@pytest.mark.parametrize("bank_bin,account", [("970436", "0011001234568"), ("970418", "0011001234567")])
def test_unlisted_payee_is_flagged_and_gets_no_code(example_list: dict, bank_bin: str, account: str) -> None:
    bill = bill_from_scan(bill_qr(bank_bin=bank_bin, account=account), parse_billers(example_list))
    assert not bill.listed and bill.amount == 452300 and bill.receiver == "DIEN LUC VI DU"
    with pytest.raises(ValueError, match="unlisted"):
        payment_qr_for(bill)


def test_shipped_list_is_empty_so_every_payee_is_unlisted() -> None:
    shipped = parse_billers(json.loads(asset("billers", "billers.json").read_text(encoding="utf-8")))
    assert shipped.billers == ()
    assert not bill_from_scan(bill_qr(), shipped).listed


def test_not_a_bill_is_refused_without_echoing_it() -> None:
    with pytest.raises(NotABill) as info:
        bill_from_scan("https://example.invalid/pay?to=me", BillersList())
    assert "example" not in str(info.value)


def test_customer_code_bill(example_list: dict) -> None:
    biller = parse_billers(example_list).by_id("dien-vi-du")
    bill = bill_for_customer(biller, " pd01000123456 ", 452300)
    assert bill.listed and bill.purpose == "PD01000123456"
    with pytest.raises(ValueError):
        bill_for_customer(biller, "x'; drop", 1)


@pytest.mark.parametrize("mutate,where", [
    (lambda d: d["billers"][0].update(bank_bin="97043"), "$.billers[0].bank_bin"),
    (lambda d: d["billers"][1].update(id="dien-vi-du"), "$.billers[1].id"),
    (lambda d: d["billers"][1].update(bank_bin="970436", account="0011001234567"), "$.billers[1].account"),
    (lambda d: d["billers"][0].pop("source"), "$.billers[0].source"),
    (lambda d: d["billers"][0].update(kind="casino"), "$.billers[0].kind"),
])
def test_bad_lists_are_refused_with_the_place(example_list: dict, mutate, where: str) -> None:
    mutate(example_list)
    with pytest.raises(BillersRefused) as info:
        parse_billers(example_list)
    assert any(p.startswith(where) for p in info.value.problems), info.value.problems


@given(st.text(max_size=300))
def test_any_scanned_text_is_a_bill_or_not_a_bill(text: str) -> None:
    try:
        bill_from_scan(text, parse_billers(EXAMPLE_LIST))
    except NotABill:
        pass


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4)))
def test_any_document_is_a_list_or_refused(doc: object) -> None:
    try:
        parse_billers({"format": 1, "billers": [doc]})
    except BillersRefused:
        pass
