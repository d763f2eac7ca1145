"""Every error is an RFC 9457 problem: size limits over a real socket, FastAPI/Starlette errors, OpenAPI."""

from __future__ import annotations

import requests
from fastapi.testclient import TestClient

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def test_oversize_json_body_is_a_413_problem_over_a_real_socket(hub) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    body = b'{"items": ["' + b"x" * (1024 * 1024 + 10) + b'"]}'
    r = requests.post(hub.url + "/v1/submissions", data=body, timeout=30,
                      headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/problem+json" and set(r.json()) >= PROBLEM_KEYS
    # chunked (no Content-Length) is counted too
    chunks = (b"x" * 65536 for _ in range(20))
    r = requests.post(hub.url + "/v1/heartbeat", data=chunks, timeout=30,
                      headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert r.status_code == 413
    assert hub.request("GET", "/healthz")[0] == 200


def test_framework_errors_are_problems(client: TestClient, auth: dict[str, str]) -> None:
    cases = [
        client.get("/no/such/page"),
        client.delete("/v1/submissions", headers=auth),
        client.post("/v1/heartbeat", content=b"{oops", headers=auth | {"Content-Type": "application/json"}),
        client.get("/v1/catalog?since=-1", headers=auth),
        client.post("/v1/kiosks/enroll", json=[1, 2]),
    ]
    assert [r.status_code for r in cases] == [404, 405, 422, 422, 422]
    for r in cases:
        assert r.headers["content-type"] == "application/problem+json"
        body = r.json()
        assert set(body) >= PROBLEM_KEYS and body["status"] == r.status_code and body["type"].startswith("http")


def test_openapi_describes_the_v1_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/v1/kiosks/enroll", "/v1/submissions", "/v1/submissions/{submission_id}/attachments/{name}",
                 "/v1/dossiers/{reference}", "/v1/payments", "/v1/payments/{payment_id}", "/v1/heartbeat",
                 "/v1/catalog", "/admin/faults", "/admin/enrolment-codes"):
        assert path in spec["paths"], path
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_nul_characters_are_refused_alike_on_every_database(client: TestClient, auth: dict[str, str]) -> None:
    """PostgreSQL text cannot hold NUL: the hub answers 422/404 (or rejects the item), never 500."""
    from tests.hub.conftest import item

    r = client.post("/v1/payments", json={"reference": "HS\x00", "amount": 1, "purpose": "x"},
                    headers=auth | {"Idempotency-Key": "k1"})
    assert r.status_code == 422
    assert client.post("/v1/heartbeat", json={"version": "1\x00"}, headers=auth).status_code == 422
    assert client.get("/v1/dossiers/HS%00", headers=auth).status_code == 404
    bad = client.post("/v1/submissions", json={"items": [item(local_ref="BN\x00")]}, headers=auth)
    assert bad.json()["results"][0]["reason"] == "invalid_payload"
    ok = client.post("/v1/submissions", json={"items": [item(note="a\x00b")]}, headers=auth)
    assert ok.json()["results"][0]["status"] == "accepted"  # inside the payload it is escaped JSON text


def test_an_unexpected_error_is_a_500_problem(client: TestClient) -> None:
    def boom() -> None:
        raise RuntimeError("bug")

    client.app.add_api_route("/v1/boom", boom)
    r = client.get("/v1/boom")
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"].endswith("/internal-error") and "bug" not in r.text  # no internals leak
