"""Classification of hub answers (untrusted input): typed results or typed errors, never a crash."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offline_queue.protocol import (
    HubAuthError,
    HubError,
    HubNotFound,
    HubProtocolError,
    HubRejected,
    HubUnavailable,
    check_status,
    parse_json_object,
    parse_retry_after,
    parse_submit_results,
)
from offline_queue.sync import MAX_DELAY, backoff_delay

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                           max_leaves=12)


@pytest.mark.parametrize("status,error,code", [
    (401, HubAuthError, "auth"), (403, HubAuthError, "auth"),
    (429, HubUnavailable, "offline"), (500, HubUnavailable, "offline"), (503, HubUnavailable, "offline"),
    (404, HubNotFound, "not_found"), (409, HubRejected, "rejected"), (422, HubRejected, "rejected"),
    (302, HubProtocolError, "protocol"),
])
def test_status_codes_map_to_typed_errors(status, error, code):
    with pytest.raises(error) as info:
        check_status(status, {"Retry-After": "7"}, b'{"title": "x"}')
    assert info.value.code == code


def test_retry_after_is_read_from_429_and_503():
    with pytest.raises(HubUnavailable) as info:
        check_status(429, {"Retry-After": "12"}, b"")
    assert info.value.retry_after == 12 and info.value.reason == "rate_limited" and not info.value.network
    now = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
    assert parse_retry_after("Sat, 21 Nov 2026 10:01:00 GMT", now) == 60
    assert parse_retry_after("99999999", now) == 3600
    assert parse_retry_after("soon", now) is None


@settings(max_examples=300, deadline=None)
@given(status=st.integers(100, 599), ctype=st.sampled_from(["application/json", "text/html", "", "application/"
                                                           "problem+json; charset=utf-8", "text/plain"]),
       body=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()),
       retry_after=st.none() | st.text(max_size=30))
def test_any_answer_is_a_value_or_a_typed_error(status, ctype, body, retry_after):
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    try:
        check_status(status, headers, body)
        doc = parse_json_object(ctype, body, status)
    except HubError as exc:
        assert exc.code in ("auth", "offline", "not_found", "rejected", "protocol")
        if isinstance(exc, HubUnavailable) and exc.retry_after is not None:
            assert 0 <= exc.retry_after <= 3600
        return
    assert 200 <= status < 300 and isinstance(doc, dict)


@settings(max_examples=300, deadline=None)
@given(doc=json_values, n=st.integers(1, 3))
def test_arbitrary_json_as_batch_results_never_crashes(doc, n):
    ids = [f"00000000-0000-4000-8000-00000000000{i}" for i in range(n)]
    for candidate in (doc, {"results": doc}):
        if not isinstance(candidate, dict):
            continue
        try:
            results = parse_submit_results(candidate, ids)
        except HubProtocolError:
            continue
        assert [r.id for r in results] == ids


@settings(deadline=None)  # a loaded CI box can stall any one call past the default 200 ms
@given(results=st.lists(st.fixed_dictionaries({
    "id": st.sampled_from(["a", "b", "c"]), "status": st.sampled_from(["accepted", "duplicate", "rejected", "ok"]),
    "reference": st.none() | st.text(max_size=70), "reason": st.none() | st.text(max_size=5)}), max_size=4))
def test_results_must_answer_exactly_the_items_sent(results):
    ids = ["a", "b", "c"]
    try:
        parsed = parse_submit_results({"results": results}, ids)
    except HubProtocolError:
        return
    assert [r.id for r in parsed] == ids
    assert all(r.status in ("accepted", "duplicate", "rejected") for r in parsed)
    assert all(r.reference is None or 0 < len(r.reference) <= 64 for r in parsed)


@pytest.mark.parametrize("doc", [
    {},
    {"results": None},
    {"results": [{"id": "b", "status": "accepted", "reference": "HS-2026-000001"}]},
    {"results": [{"id": "a", "status": "accepted", "reference": "HS-2026-000001"}] * 2},
    {"results": [{"id": "a", "status": "sent", "reference": "HS-2026-000001"}]},
    {"results": [{"id": "a", "status": "accepted", "reference": 7}]},
])
def test_wrong_shapes_are_rejected(doc):
    with pytest.raises(HubProtocolError):
        parse_submit_results(doc, ["a"])


def test_html_is_a_protocol_error():
    with pytest.raises(HubProtocolError):
        parse_json_object("text/html", b"<html><body>502 Bad Gateway</body></html>", 200)


def test_backoff_doubles_from_30_s_with_jitter_and_caps_at_an_hour():
    rng = random.Random(1)
    for attempts, base in [(0, 30), (1, 60), (2, 120), (5, 960)]:
        delays = [backoff_delay(attempts, rng) for _ in range(50)]
        assert all(0.75 * base <= d <= 1.25 * base for d in delays)
        assert len(set(delays)) > 1
    assert all(2700 <= backoff_delay(a, rng) <= MAX_DELAY for a in (7, 20, 1000))
