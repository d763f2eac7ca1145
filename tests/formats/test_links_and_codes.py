"""Procedure codes and portal links (allowlist, look-alikes), receipts/references, enrolment codes."""

from __future__ import annotations

import pytest

from core.formats import (
    Kind,
    TrackingError,
    build_enrolment_payload,
    build_tracking_payload,
    classify,
    parse_reference,
)

PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="


@pytest.mark.parametrize(("text", "code", "portal_id", "host"), [
    ("1.004222", "1.004222", None, None),
    (" 2.000200\r\n", "2.000200", None, None),
    (PORTAL + "5974", None, "5974", "dichvucong.gov.vn"),
    ("https://thutuc.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=140183",
     None, "140183", "thutuc.dichvucong.gov.vn"),
    ("https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193",
     "1.001193", None, "dichvucong.gov.vn"),
    ("https://DichVuCong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222",
     "1.004222", None, "dichvucong.gov.vn"),
    ("https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=26360",
     None, "26360", "dichvucong.bocongan.gov.vn"),
    ("https://csdl.dichvucong.gov.vn:443/x?ma_thu_tuc=12&other=1", None, "12", "csdl.dichvucong.gov.vn"),
])
def test_procedure_codes_and_official_links(text, code, portal_id, host):
    result = classify(text)
    assert result.kind is Kind.PROCEDURE
    assert (result.value.code, result.value.portal_id, result.value.host) == (code, portal_id, host)


@pytest.mark.parametrize(("url", "reason"), [
    ("http://dichvucong.gov.vn/?ma_thu_tuc=1.004222", "link.not_https"),
    ("https://dichvucong.gov.vn@evil.com/?ma_thu_tuc=1.004222", "link.userinfo"),
    ("https://user:pw@dichvucong.gov.vn/?ma_thu_tuc=1.004222", "link.userinfo"),
    ("https://dichvucong.gov.vn.evil.com/?ma_thu_tuc=1.004222", "link.host_not_allowed"),
    ("https://evil-dichvucong.gov.vn/?ma_thu_tuc=1.004222", "link.host_not_allowed"),
    ("https://dichvucong.gov.vn./?ma_thu_tuc=1.004222", "link.host_not_allowed"),
    ("https://dichvucong.gov.vn:8443/?ma_thu_tuc=1.004222", "link.port"),
    ("https://dịchvucông.gov.vn/?ma_thu_tuc=1.004222", "link.non_ascii"),
    ("https://xn--dchvucng-0ya6o.gov.vn/?ma_thu_tuc=1.004222", "link.host_not_allowed"),
    ("https://dichvucong.gov.vn\\@evil.com/", "link.bad_characters"),
    ("https://dichvucong.gov.vn%2F@evil.com/", "link.userinfo"),
    ("https://evil.com/#https://dichvucong.gov.vn/", "link.host_not_allowed"),
    ("https://evil.com/?ma_thu_tuc=1.004222", "link.host_not_allowed"),
    ("javascript:alert(1)", "link.not_https"),
    ("www.dichvucong.gov.vn/?ma_thu_tuc=1.004222", "link.not_https"),
])
def test_links_elsewhere_are_untrusted_and_carry_no_value(url, reason):
    result = classify(url)
    assert result.kind is Kind.UNTRUSTED_LINK
    assert result.reason == reason
    assert result.value is None  # nothing to open


@pytest.mark.parametrize(("url", "reason"), [
    ("https://dichvucong.gov.vn/p/home/index.html", "procedure.no_id"),
    (PORTAL + "1.004222&ma_thu_tuc=2.000200", "procedure.ambiguous"),
    (PORTAL + "abc", "procedure.bad_id"),
])
def test_official_links_without_a_procedure(url, reason):
    result = classify(url)
    assert (result.kind, result.reason, result.looks_like) == (Kind.UNKNOWN, reason, Kind.PROCEDURE)


def test_receipt_payload_round_trip():
    payload = build_tracking_payload("BN01-261121-0007")
    assert payload == "TCDS|1|BN01-261121-0007"
    result = classify(payload)
    assert result.kind is Kind.RECEIPT and result.value.local_ref == "BN01-261121-0007"
    both = classify(build_tracking_payload("BN01-261121-0007", "HS-2026-000123")).value
    assert (both.local_ref, both.hub_ref, both.reference) == ("BN01-261121-0007", "HS-2026-000123", "HS-2026-000123")


@pytest.mark.parametrize(("local", "hub"), [
    ("bn01-261121-0007", None), ("B-261121-0007", None), ("ABCDEFGHI-261121-0007", None), ("BN01-261321-0007", None),
    ("BN01-261121-007", None), ("BN01-261121-0007", "HS-26-000123"), ("BN01-261121-0007", "XX-2026-000123"),
])
def test_builder_refuses_malformed_references(local, hub):
    with pytest.raises(TrackingError):
        build_tracking_payload(local, hub)


@pytest.mark.parametrize("text", [
    "TCDS|2|BN01-261121-0007", "TCDS|1|BN01-261121-0007|HS-2026-000123|x", "TCDS|1|BN01-261131-0007", "TCDS|1|",
])
def test_malformed_receipt_payloads(text):
    result = classify(text)
    assert result.kind is Kind.UNKNOWN and result.looks_like is Kind.RECEIPT


@pytest.mark.parametrize(("typed", "local", "hub"), [
    ("BN01-261121-0007", "BN01-261121-0007", None),
    ("  bn01 261121 0007 ", "BN01-261121-0007", None),
    ("bn01 – 261121 – 0007", "BN01-261121-0007", None),
    ("ＢＮ０１－２６１１２１－０００７", "BN01-261121-0007", None),
    ("hs-2026-000123", None, "HS-2026-000123"),
    ("HS 2026 000123", None, "HS-2026-000123"),
    ("tcds|1|BN01-261121-0007|HS-2026-000123", "BN01-261121-0007", "HS-2026-000123"),
])
def test_typed_references(typed, local, hub):
    ref = parse_reference(typed)
    assert (ref.local_ref, ref.hub_ref) == (local, hub)


@pytest.mark.parametrize("typed", ["", "BN01", "BN01-261121", "HS-2026-00012", "BN01-261199-0007", "x" * 500])
def test_bad_typed_references(typed):
    with pytest.raises(TrackingError):
        parse_reference(typed)


def test_bare_references_scan_as_receipts():
    assert classify("BN01-261121-0007").kind is Kind.RECEIPT
    assert classify("HS-2026-000123").value.hub_ref == "HS-2026-000123"


@pytest.mark.parametrize(("text", "url", "warnings"), [
    ("TCDS-ENROL|1|https://hub.phuong.gov.vn/|ABCD-2345", "https://hub.phuong.gov.vn", ()),
    ("TCDS-ENROL|1|http://127.0.0.1:8765|abcd-2345", "http://127.0.0.1:8765", ()),
])
def test_enrolment_codes(text, url, warnings):
    result = classify(text)
    assert result.kind is Kind.ENROLMENT
    assert (result.value.hub_url, result.value.code, result.warnings) == (url, "ABCD-2345", warnings)


@pytest.mark.parametrize(("text", "reason"), [
    ("TCDS-ENROL|1|http://hub.example.com|ABCD-2345", "enrolment.insecure_url"),
    ("TCDS-ENROL|1|http://192.168.1.20:8000|ABCD-2345", "enrolment.insecure_url"),  # a LAN is no excuse either
    ("TCDS-ENROL|1|https://user@hub.example.com|ABCD-2345", "enrolment.url"),
    ("TCDS-ENROL|1|ftp://hub.example.com|ABCD-2345", "enrolment.insecure_url"),
    ("TCDS-ENROL|1|https://hub.example.com|AB CD", "enrolment.code"),
    ("TCDS-ENROL|2|https://hub.example.com|ABCD-2345", "enrolment.version"),
    ("TCDS-ENROL|1|https://hub.example.com", "enrolment.field_count"),
])
def test_bad_enrolment_codes(text, reason):
    assert classify(text).reason == reason


def test_enrolment_builder_round_trip():
    payload = build_enrolment_payload("https://hub.example.vn/", "WXYZ-9876")
    assert payload == "TCDS-ENROL|1|https://hub.example.vn|WXYZ-9876"
    assert classify(payload).kind is Kind.ENROLMENT


@pytest.mark.parametrize(("text", "reason"), [("", "empty"), ("\x00 \r\n", "empty"), ("hello", "unrecognised"),
                                              ("9" * 5000, "too_long"), ("123|456", "cccd.id_number")])
def test_anything_else_is_unknown_with_a_reason(text, reason):
    result = classify(text)
    assert (result.kind, result.reason) == (Kind.UNKNOWN, reason)


@pytest.mark.parametrize("text", ["MECARD:N:Sean Owen;TEL:+12125658770;;", "BEGIN:VCARD\nN:A\nEND:VCARD",
                                  "WIFI:S:net;T:WPA;P:x;;", "Version 1 QR"])
def test_other_common_qr_contents_are_unknown_not_links(text):
    assert classify(text).reason == "unrecognised"


def test_codes_the_hub_makes_are_read_back():
    """Contract with central/: its enrolment QR payload and codes parse here (docs/hub-api.md)."""
    admin = pytest.importorskip("central.admin")
    from central.config import DEMO_CODE
    from central.security import new_enrolment_code

    for code in (new_enrolment_code(), DEMO_CODE):
        result = classify(admin.qr_payload("http://127.0.0.1:8765/", code))
        assert result.kind is Kind.ENROLMENT and result.value.code == code
