"""Issue 13: bad bodies on every endpoint are 4xx problems, never 500 (real hub process, hypothesis)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central.local import LocalHub
from tests.security.helpers import kiosk_with_dossier
from tests.staff_fixtures import staff_session

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                max_size=4), max_leaves=20)


@pytest.fixture(scope="module")
def targets(real_hub: LocalHub) -> dict[str, Any]:
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    officer = staff_session(real_hub, "admin")
    return {"kiosk": {"Authorization": f"Bearer {kiosk['token']}"}, "ref": ref, "staff": officer}


def _endpoints(t: dict[str, Any]) -> list[tuple[str, str, requests.Session | None, dict[str, str]]]:
    kiosk = t["kiosk"]
    return [("POST", "/v1/kiosks/enroll", None, {}), ("POST", "/v1/submissions", None, kiosk),
            ("POST", "/v1/heartbeat", None, kiosk), ("POST", "/v1/payments", None, kiosk | {"Idempotency-Key": "k"}),
            ("POST", f"/admin/dossiers/{t['ref']}/status", t["staff"], {}),
            ("POST", "/admin/enrolment-codes", t["staff"], {}), ("PUT", "/admin/catalog", t["staff"], {}),
            ("POST", "/admin/faults", t["staff"], {})]


def _send(hub: LocalHub, t: dict[str, Any], body: bytes, faults: bool = True) -> list[int]:
    """`faults=False` for random bodies: a valid one could switch fault injection on for the module's hub."""
    statuses = []
    for method, path, session, headers in _endpoints(t):
        if path == "/admin/faults" and not faults:
            continue
        sender = session or requests
        r = sender.request(method, hub.url + path, data=body, timeout=20,  # type: ignore[union-attr]
                           headers=headers | {"Content-Type": "application/json"})
        assert r.status_code < 500, (path, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith(("application/json", "application/problem+json")), path
        statuses.append(r.status_code)
    return statuses


@pytest.mark.parametrize("depth", [33, 1000, 50_000])
def test_deeply_nested_json_is_400_on_every_endpoint(real_hub: LocalHub, targets: dict[str, Any],
                                                     depth: int) -> None:
    for body in (b"[" * depth + b"]" * depth, b'{"status":' * depth + b"1" + b"}" * depth):
        # The deepest object is also over the 1 MiB JSON limit: refused for its size first.
        expected = {413} if len(body) > 1024 * 1024 else {400}
        assert set(_send(real_hub, targets, body)) == expected


def test_oversize_bodies_are_413_on_every_endpoint(real_hub: LocalHub, targets: dict[str, Any]) -> None:
    body = b'{"items": ["' + b"x" * (1024 * 1024) + b'"]}'
    assert set(_send(real_hub, targets, body)) == {413}


def test_resident_text_within_the_limits_is_not_refused(real_hub: LocalHub, targets: dict[str, Any]) -> None:
    r = requests.post(real_hub.url + "/v1/heartbeat", json={"version": "1", "last_error": "[[[{{{ \"\\\" ]]]"},
                      headers=targets["kiosk"], timeout=10)
    assert r.status_code == 200  # brackets inside strings do not count as nesting


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=JSON)
def test_any_json_value_is_answered_without_a_server_error(real_hub: LocalHub, targets: dict[str, Any],
                                                           value: Any) -> None:
    _send(real_hub, targets, json.dumps(value).encode(), faults=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_bytes_are_answered_without_a_server_error(real_hub: LocalHub, targets: dict[str, Any],
                                                       raw: bytes) -> None:
    _send(real_hub, targets, raw, faults=False)
