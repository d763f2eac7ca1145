"""Random JSON at the ingest endpoint never makes the hub fail (hypothesis)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central.ingest import Rejection, ValidItem, validate_item
from tests.hub.conftest import enroll, make_client

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=15)
field_values = {
    "id": st.one_of(st.just(str(uuid.uuid4())), st.uuids().map(str), json_values),
    "kind": st.sampled_from(["dossier", "report", "health", "payment_intent", "x"]) | json_values,
    "schema_version": st.sampled_from([1, 2, True, "1"]) | json_values,
    "created_at": st.sampled_from(["2026-11-21T10:20:00+07:00", "2026-11-21", ""]) | json_values,
    "local_ref": st.none() | st.text(max_size=80) | json_values,
    "payload": st.dictionaries(st.text(max_size=8), json_values, max_size=4) | json_values,
}
items = st.fixed_dictionaries({}, optional=field_values) | json_values


@given(items)
@settings(max_examples=200, deadline=None)
def test_validate_item_never_raises(raw: object) -> None:
    assert isinstance(validate_item(raw), ValidItem | Rejection)


def test_random_batches_never_give_a_500(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        auth = enroll(client)

        @given(st.one_of(st.fixed_dictionaries({"items": st.lists(items, max_size=5)}), json_values))
        @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
        def check(body: object) -> None:
            # allow_nan: Python's JSON writes Infinity/NaN, which the hub's parser must survive too
            raw = json.dumps(body, allow_nan=True).encode()
            r = client.post("/v1/submissions", content=raw, headers=auth | {"Content-Type": "application/json"})
            assert r.status_code in (200, 422), r.text
            if r.status_code == 200:
                results = r.json()["results"]
                assert len(results) == len(body["items"])  # type: ignore[index]
                assert all(x["status"] in ("accepted", "duplicate", "rejected") for x in results)
            else:
                assert r.headers["content-type"] == "application/problem+json"

        check()
