"""Loading, schema validation, typed errors, browsing by field, code/portal resolution, form fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.catalogue import CatalogueError, load_catalogue, schema_path
from core.catalogue.schema import SUPPORTED, keywords, validate
from core.formats.procedure_link import parse_procedure
from tests.catalogue.conftest import REPO

OUT = REPO / "core" / "assets" / "catalogue" / "procedures.json"
PREFILLS = {"identity.full_name", "identity.id_number", "identity.date_of_birth", "identity.gender", "identity.address"}


def _data() -> dict:
    return json.loads(OUT.read_text(encoding="utf-8"))


def _schema() -> dict:
    return json.loads(schema_path().read_text(encoding="utf-8"))


def test_committed_catalogue_matches_its_schema() -> None:
    assert validate(_data(), _schema()) == []


def test_schema_uses_only_keywords_our_validator_checks() -> None:
    assert keywords(_schema()) - {"$schema", "$id"} <= SUPPORTED | {"procedures"}


@pytest.mark.parametrize(("mutate", "fragment"), [
    (lambda d: d["procedures"][0].pop("name_vi"), "missing 'name_vi'"),
    (lambda d: d["procedures"][0].update(code="1.4222"), "does not match"),
    (lambda d: d["procedures"][0]["channels"][0].update(kind="fax"), "not one of"),
    (lambda d: d["procedures"][0]["channels"][0]["fees"].append({"kind": "phi", "amount": "20.000"}), "expected"),
    (lambda d: d["procedures"][0]["form_fields"][0].update(type="slider"), "not one of"),
    (lambda d: d["procedures"][0].update(surprise=1), "unexpected 'surprise'"),
    (lambda d: d["procedures"][0]["documents"][0].update(original=-1), "below 0"),
])
def test_schema_rejects_broken_records(mutate, fragment: str) -> None:
    data = _data()
    mutate(data)
    errors = validate(data, _schema())
    assert errors and any(fragment in e for e in errors), errors


def test_every_procedure_has_the_required_content(catalogue) -> None:
    for p in catalogue.all():
        assert p.name_vi and p.name_en and p.summary_vi and p.summary_en, p.code
        assert p.result_vi and p.result_en and p.channels and p.fetched_at, p.code
        assert p.field in {f.key for f in catalogue.fields()}, p.code
        if p.origin == "portal":  # a curated procedure leaves out what it cannot cite (tests/catalogue/test_curated.py)
            assert p.agency.implementing and p.agency.deciding and p.steps and p.required_documents, p.code
            assert p.source_url is not None and p.source_url.startswith("https://"), p.code


def test_form_fields_are_usable_to_generate_a_dossier_form(catalogue) -> None:
    for p in catalogue.all():
        if p.origin == "curated":
            assert not p.form_fields, p.code  # no form yet: the detail page offers no "apply" button
            continue
        keys = [f.key for f in p.form_fields]
        assert len(keys) == len(set(keys)), p.code
        assert any(f.prefill == "identity.full_name" for f in p.form_fields), p.code
        for f in p.form_fields:
            assert f.prefill is None or f.prefill in PREFILLS
            # a choice lists its options; a long text may offer the usual answers as buttons (typing stays)
            assert f.type != "choice" or f.choices, (p.code, f.key)
            assert not f.choices or f.type in ("choice", "textarea"), (p.code, f.key)
    ct01 = {f.key: f for f in catalogue.get("1.004222").form_fields}
    for key in ("full_name", "date_of_birth", "gender", "id_number", "phone", "email", "current_address",
                "new_address", "request_content", "relationship_to_head"):
        assert key in ct01
    assert ct01["id_number"].type == "id_number" and ct01["id_number"].prefill == "identity.id_number"
    assert ct01["new_address"].type == "address" and ct01["new_address"].required
    assert [c.value for c in ct01["gender"].choices] == ["Nam", "Nữ"]


def test_fields_with_counts_and_names_in_both_languages(catalogue) -> None:
    fields = {f.key: f for f in catalogue.fields()}
    assert set(fields) == {"cu_tru", "can_cuoc", "xuat_nhap_canh", "ho_tich", "chung_thuc", "ly_lich_tu_phap",
                           "giao_thong", "dinh_danh_dien_tu", "bhyt"}
    assert fields["ho_tich"].name_en.startswith("Civil status") and fields["bhyt"].count == 2
    assert sum(f.count for f in fields.values()) == len(catalogue)
    assert fields["cu_tru"].count == 6 and fields["cu_tru"].name_en == "Residence registration"
    assert {p.code for p in catalogue.by_field("cu_tru")} >= {"1.004222", "1.004194", "2.001159"}
    assert catalogue.by_field("nope") == []


@pytest.mark.parametrize(("ref", "host", "code"), [
    ("1.004222", None, "1.004222"),
    (" 2.000200 ", None, "2.000200"),
    ("26360", "dichvucong.bocongan.gov.vn", "1.004222"),
    ("26052", None, "2.000200"),
    ("29497", "dichvucong.bocongan.gov.vn", "1.001456"),
    ("https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=26360", None, "1.004222"),
    ("https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222", None, "1.004222"),
])
def test_resolve_codes_portal_ids_and_links(catalogue, ref: str, host, code: str) -> None:
    assert catalogue.resolve(ref, host).code == code


@pytest.mark.parametrize(("ref", "host"), [
    ("9.999999", None), ("26360", "dichvucong.gov.vn"), ("12345", None), ("", None),
    ("https://evil.example/tthc?matt=26360", None), ("http://dichvucong.bocongan.gov.vn/x?matt=26360", None),
    ("26360", "evil.example"),
])
def test_resolve_unknown_or_untrusted_gives_none(catalogue, ref: str, host) -> None:
    assert catalogue.resolve(ref, host) is None


def test_resolve_accepts_a_parsed_procedure_link(catalogue) -> None:
    ref = parse_procedure("https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=29497")
    assert catalogue.resolve(ref).code == "1.001456"


@pytest.mark.parametrize(("content", "code"), [
    (None, "catalogue.missing"),
    (b"", "catalogue.not_json"),
    (b"\xff\xfe{}", "catalogue.not_json"),
    (b'{"schema_version": 1', "catalogue.not_json"),
    (b"[]", "catalogue.invalid"),
    (b'{"schema_version": 2, "source": {}, "fields": {}, "procedures": []}', "catalogue.invalid"),
])
def test_broken_file_gives_a_typed_error(tmp_path: Path, content, code: str) -> None:
    path = tmp_path / "procedures.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert info.value.code == code


def test_procedure_with_undeclared_field_is_rejected(tmp_path: Path) -> None:
    data = _data()
    data["procedures"][0]["field"] = "ma_tuy"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError, match="undeclared"):
        load_catalogue(path)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_file_bytes_never_crash_the_loader(tmp_path_factory, content: bytes) -> None:
    path = tmp_path_factory.mktemp("cat") / "p.json"
    path.write_bytes(content)
    with pytest.raises(CatalogueError):
        load_catalogue(path)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.one_of(st.none(), st.text(max_size=30)))
def test_resolve_never_raises(catalogue, ref: str, host) -> None:
    result = catalogue.resolve(ref, host)
    assert result is None or result.code
