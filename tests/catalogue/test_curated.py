"""The hand-curated procedures (core/assets/catalogue/curated.json): internal codes that cannot be taken for portal
codes, a legal source with its date for every fact shown, nothing guessed, residence time limits with their
article, the BHYT codes the household screen reads, and search by the everyday unaccented name."""

from __future__ import annotations

import copy
import json

import pytest

from tests.catalogue.conftest import REPO

CURATED = REPO / "core" / "assets" / "catalogue" / "curated.json"
NEW = {  # what residents come to the ward for (issue 19, item 6) -> internal code
    "birth": "9.000001", "death": "9.000002", "judicial_record": "9.000003", "licence_exchange": "9.000004",
    "vehicle": "9.000005", "copy": "9.000006", "signature": "9.000007", "vneid_level2": "9.000008",
    "vneid_result": "9.000009", "bhyt_register": "9.000010", "bhyt_renew": "9.000011",
}


def curated(catalogue):
    return [p for p in catalogue.all() if p.origin == "curated"]


def test_every_new_procedure_is_in_the_catalogue_with_an_internal_code(catalogue) -> None:
    assert {p.code for p in curated(catalogue)} == set(NEW.values())
    portal = {p.code for p in catalogue.all() if p.origin == "portal"}
    assert all(code.startswith("9.") and code not in portal for code in NEW.values())
    assert not any(code.startswith("9.") for code in portal)


def test_every_fact_shown_cites_a_legal_document_with_its_date(catalogue) -> None:
    for p in curated(catalogue):
        shown = set()
        if p.required_documents:
            shown.add("documents")
        if any(ch.fees for ch in p.channels):
            shown.add("fee")
        if p.processing_times:
            shown.add("processing_time")
        if p.agency.implementing:
            shown.add("where")
        if p.steps:
            shown.add("steps")
        if p.conditions:
            shown.add("conditions")
        assert shown <= set(p.citations), (p.code, shown - set(p.citations))
        for cites in p.citations.values():
            for c in cites:
                assert c.document and len(c.date) == 10 and c.date[4] == "-", (p.code, c)
        assert p.legal_basis, p.code
        assert all(ch.fee_note is None or ch.fees for ch in p.channels), p.code  # a fee rule goes with its figure


@pytest.mark.parametrize(("code", "fact", "document"), [
    ("9.000001", "fee", "Luật Hộ tịch số 60/2014/QH13"),
    ("9.000001", "processing_time", "Luật Hộ tịch số 60/2014/QH13"),
    ("9.000002", "where", "Luật Hộ tịch số 60/2014/QH13"),
    ("9.000003", "fee", "Thông tư 244/2016/TT-BTC"),
    ("9.000003", "processing_time", "Luật Lý lịch tư pháp số 28/2009/QH12"),
    ("9.000004", "fee", "Thông tư 37/2023/TT-BTC"),
    ("9.000006", "fee", "Thông tư 226/2016/TT-BTC"),
    ("9.000007", "documents", "Nghị định 23/2015/NĐ-CP"),
    ("9.000008", "where", "Nghị định 69/2024/NĐ-CP"),
])
def test_known_facts_cite_the_right_document(catalogue, code: str, fact: str, document: str) -> None:
    assert any(c.document.startswith(document) for c in catalogue.get(code).citations[fact])


def test_sourced_figures(catalogue) -> None:
    assert catalogue.get("9.000001").fee("in_person") == 0  # on time: free (Luật Hộ tịch, Điều 11)
    assert catalogue.get("9.000003").fee("in_person") == 200000
    assert catalogue.get("9.000004").fee("in_person") == 135000
    assert catalogue.get("9.000007").fee("in_person") == 10000
    assert "10 ngày" in catalogue.get("9.000003").processing_times[0]


def test_facts_that_cannot_be_sourced_are_left_out(catalogue) -> None:
    vehicle = catalogue.get("9.000005")
    assert vehicle.fee("in_person") is None and not vehicle.processing_times and not vehicle.required_documents
    assert vehicle.agency.implementing == "" and not vehicle.citations
    licence = catalogue.get("9.000004")
    assert not licence.processing_times and not licence.required_documents


def test_an_uncited_fact_or_a_portal_like_code_is_refused_at_build_time(build_tool) -> None:
    import curated_catalogue  # loaded beside the build tool

    data = json.loads(CURATED.read_text(encoding="utf-8"))
    uncited = copy.deepcopy(data)
    uncited["procedures"]["9.000005"]["channels"][0]["fees"] = [{"kind": "le_phi", "amount": 50000}]
    with pytest.raises(SystemExit, match="without a legal source"):
        curated_catalogue.curated_records(uncited, set())
    clash = copy.deepcopy(data)
    clash["procedures"]["1.004222"] = clash["procedures"].pop("9.000005")
    with pytest.raises(SystemExit, match=r"9\.xxxxxx"):
        curated_catalogue.curated_records(clash, {"1.004222"})
    unknown = copy.deepcopy(data)
    unknown["procedures"]["9.000001"]["cite"]["fee"][0]["source"] = "NOPE"
    with pytest.raises(SystemExit, match="unknown source"):
        curated_catalogue.curated_records(unknown, set())


@pytest.mark.parametrize(("code", "days", "article"), [
    ("1.004222", 7, "Điều 22"), ("1.004194", 3, "Điều 28"), ("1.002755", 3, "Điều 28"),
])
def test_residence_procedures_carry_the_legal_time_the_office_counts(catalogue, code: str, days: int,
                                                                      article: str) -> None:
    from central.inbox_fields import processing_days

    p = catalogue.get(code)
    assert all(ch.processing_time for ch in p.channels)
    assert any(c.document.startswith("Luật Cư trú") and c.article.startswith(article)
               for c in p.citations["processing_time"])
    raw = next(r for r in json.loads((REPO / "core/assets/catalogue/procedures.json").read_text("utf-8"))
               ["procedures"] if r["code"] == code)
    assert processing_days(raw) == days  # the hub's due date for the office inbox


def test_the_bhyt_screen_finds_the_household_procedures(catalogue) -> None:
    data = json.loads((REPO / "core/assets/bhyt/household_contribution.json").read_text(encoding="utf-8"))
    codes = data["procedures"]
    assert set(codes) == {"register", "renew"}
    assert catalogue.get(codes["register"]).field == catalogue.get(codes["renew"]).field == "bhyt"
    assert "Đăng ký" in catalogue.get(codes["register"]).name_vi
    assert "Gia hạn" in catalogue.get(codes["renew"]).name_vi


@pytest.mark.parametrize(("query", "code"), [
    ("dang ky khai sinh", "9.000001"), ("lam giay khai sinh cho con", "9.000001"),
    ("giấy khai sinh cho con", "9.000001"), ("khai tu", "9.000002"), ("dang ky khai tu", "9.000002"),
    ("ly lich tu phap", "9.000003"), ("phieu ly lich tu phap", "9.000003"), ("doi bang lai xe", "9.000004"),
    ("doi giay phep lai xe", "9.000004"), ("dang ky xe", "9.000005"), ("chung thuc ban sao", "9.000006"),
    ("sao y ban chinh", "9.000006"), ("chung thuc chu ky", "9.000007"), ("dinh danh dien tu muc 2", "9.000008"),
    ("kich hoat vneid", "9.000008"), ("tra cuu ket qua vneid", "9.000009"),
    ("bao hiem y te ho gia dinh", "9.000010"), ("gia han bhyt ho gia dinh", "9.000011"),
    ("dang ky tam tru", "1.004194"), ("khai bao tam vang", "1.003677"),
])
def test_search_finds_each_new_procedure_by_its_everyday_name(catalogue, query: str, code: str) -> None:
    assert catalogue.search(query, 3)[0].code == code
