"""The receipt's status link: one QR a phone opens (the hub's public status page) and a kiosk's scanner reads back
as references. Built and parsed strictly; anything else is refused with a tracking reason, never a crash."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formats import Kind, TrackingError, classify, parse_reference
from core.formats.tracking import build_status_url, parse_status_url

SID = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"
LOCAL, HUB = "BN01-261121-0007", "HS-2026-000123"


def test_a_status_link_round_trips_through_the_kiosk_scanner() -> None:
    url = build_status_url("https://phuong.example.gov.vn/", SID, LOCAL, HUB)
    assert url == f"https://phuong.example.gov.vn/s/{SID}?r={LOCAL}&h={HUB}"
    result = classify(url)
    assert result.kind is Kind.RECEIPT
    assert (result.value.local_ref, result.value.hub_ref, result.value.reference) == (LOCAL, HUB, HUB)
    only_local = classify(build_status_url("https://hub.example:8443/tram", SID, LOCAL))
    assert only_local.kind is Kind.RECEIPT and only_local.value.reference == LOCAL
    assert parse_reference(f" {url}\r\n").hub_ref == HUB  # the tracking screen's own parser takes it too


@pytest.mark.parametrize(("base", "sid", "local", "hub"), [
    ("ftp://hub.example", SID, LOCAL, None), ("https://", SID, LOCAL, None), ("hub.example", SID, LOCAL, None),
    ("https://hub.example/?x=1", SID, LOCAL, None), ("https://user@hub.example", SID, LOCAL, None),
    ("https://hub.example", "not-a-uuid", LOCAL, None), ("https://hub.example", SID, "bn01-261121-0007", None),
    ("https://hub.example", SID, LOCAL, "HS-2026-1"), ("https://hub.example/" + "a" * 400, SID, LOCAL, None),
])
def test_the_builder_refuses_what_it_cannot_print_right(base, sid, local, hub) -> None:
    with pytest.raises(TrackingError):
        build_status_url(base, sid, local, hub)


@pytest.mark.parametrize("text", [
    f"https://hub.example/s/{SID}?r={LOCAL}&r={LOCAL}",  # a second r
    f"https://hub.example/s/{SID}?r={LOCAL}&x=1",  # a field we never print
    f"https://hub.example/s/{SID}?r=BN01-261131-0007",  # no 31st of November
    f"https://hub.example/s/{SID}?r={LOCAL}&h=HS-2026-123456789",  # check digit wrong
    f"https://hub.example/s/{SID}?r={LOCAL}#frag",
    f"https://hub.example/s/{SID[:-1]}z?r={LOCAL}",
])
def test_a_malformed_status_link_is_a_receipt_the_kiosk_cannot_read(text) -> None:
    result = classify(text)
    assert result.kind is Kind.UNKNOWN and result.looks_like is Kind.RECEIPT and result.reason.startswith("tracking.")


def test_other_links_are_not_taken_for_status_links() -> None:
    assert classify(f"https://evil.example/x/{SID}?r={LOCAL}").kind is Kind.UNTRUSTED_LINK
    assert classify(f"https://evil.example/s/{SID}").kind is Kind.UNTRUSTED_LINK  # no reference in it


@given(st.text(max_size=300))
def test_any_text_after_the_status_path_never_crashes_the_parser(tail: str) -> None:
    text = f"https://hub.example/s/{uuid.UUID(int=7)}?r=" + tail
    try:
        ref = parse_status_url(text)
    except TrackingError:
        return
    assert ref.local_ref is not None
    assert classify(text).kind in (Kind.RECEIPT, Kind.UNKNOWN)
