"""Enrolment codes, kiosk tokens and staff access."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.hub.conftest import enroll, make_client


def _enrol(client: TestClient, code: str, station: str = "BN02"):  # type: ignore[no-untyped-def]
    return client.post("/v1/kiosks/enroll", json={"code": code, "station_code": station, "name": "Trạm 2",
                                                   "version": "0.1.0"})


def test_demo_code_is_reusable_and_gives_distinct_tokens_and_the_payee(client: TestClient) -> None:
    first, second = _enrol(client, "DEMO-0000").json(), _enrol(client, "demo-0000", station="BN03").json()
    assert first["kiosk_id"].startswith("k_") and first["kiosk_id"] != second["kiosk_id"]
    assert first["token"] != second["token"]
    assert first["payee"] == {"bank_bin": "970436", "account": "0071000123456", "name": "CONG AN PHUONG BEN NGHE",
                              "city": "HCM"}


def test_one_time_code_works_once(client: TestClient) -> None:
    created = client.post("/admin/enrolment-codes", json={})
    assert created.status_code == 201
    code = created.json()["code"]
    assert created.json()["qr_payload"] == f"TCDS-ENROL|1|http://testserver|{code}"
    assert _enrol(client, code).status_code == 201
    again = _enrol(client, code, station="BN03")  # another kiosk
    assert again.status_code == 400
    assert again.headers["content-type"] == "application/problem+json"
    assert again.json()["type"].endswith("/enrolment-code-invalid")


def test_unknown_and_malformed_codes_are_problems(client: TestClient) -> None:
    assert _enrol(client, "ABCD-2345").json()["status"] == 400
    r = client.post("/v1/kiosks/enroll", json={"code": "x"})
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"


def test_only_a_hash_of_the_token_is_stored(client: TestClient, tmp_path: Path) -> None:
    token = _enrol(client, "DEMO-0000").json()["token"]
    with client.app.state.db.engine.connect() as con:
        stored = [row[0] for row in con.execute(text("SELECT token_hash FROM kiosks"))]
    assert token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() in stored


def test_missing_or_wrong_token_is_a_401_problem(client: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        for method, path in (("GET", "/v1/catalog"), ("POST", "/v1/heartbeat"), ("GET", "/v1/dossiers/HS-1"),
                             ("GET", "/v1/payments/pay_1"), ("POST", "/v1/submissions")):
            r = client.request(method, path, headers=headers, json={"items": []})
            assert r.status_code == 401, (method, path, headers)
            assert r.headers["content-type"] == "application/problem+json"
            assert r.headers["www-authenticate"].startswith("Bearer")
            assert r.json()["status"] == 401


def test_a_good_token_opens_the_kiosk_endpoints(client: TestClient) -> None:
    r = client.get("/v1/catalog", headers=enroll(client))
    assert r.status_code == 200 and r.json()["version"] == 1


def test_staff_pages_need_a_staff_session_even_in_demo_mode(tmp_path: Path) -> None:
    with make_client(tmp_path, staff=None) as c:
        assert c.post("/admin/enrolment-codes", json={}).status_code == 401
        page = c.get("/", headers={"Accept": "text/html"}, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/staff/login?next=/"
        for headers in ({"Authorization": "Bearer wrong"}, {"Authorization": "Basic " + base64.b64encode(
                b"staff:anything").decode()}):
            assert c.get("/admin/fleet", headers=headers).status_code == 401


def test_demo_mode_no_longer_opens_staff_pages_to_loopback(hub) -> None:  # type: ignore[no-untyped-def]
    assert hub.request("GET", "/admin/fleet", token="")[0] == 401  # a real socket from 127.0.0.1
    assert hub.request("GET", "/admin/fleet")[0] == 200  # LocalHub's own administrator session


def test_cli_enrolment_code_prints_code_and_qr_payload(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from central.cli import main as cli_main

    assert cli_main(["enrolment-code", "--db", str(tmp_path / "hub.db"), "--url", "https://hub.example.vn"]) == 0
    out = capsys.readouterr().out
    code, payload = out.splitlines()[:2]
    assert payload == f"TCDS-ENROL|1|https://hub.example.vn|{code}"
    with make_client(tmp_path, demo=False, staff=None) as c:
        assert _enrol(c, code).status_code == 201
        assert _enrol(c, code, station="BN03").status_code == 400


def test_a_retried_enrolment_of_the_same_station_gets_the_same_kiosk(client: TestClient) -> None:
    """The answer to a one-time code was lost (timeout, dropped connection): the station's retry still works."""
    code = client.post("/admin/enrolment-codes", json={}).json()["code"]
    first = _enrol(client, code).json()
    retry = _enrol(client, code)
    assert retry.status_code == 201
    assert retry.json()["kiosk_id"] == first["kiosk_id"] and retry.json()["token"] != first["token"]
    assert client.get("/v1/catalog", headers={"Authorization": f"Bearer {retry.json()['token']}"}).status_code == 200
    assert client.get("/v1/catalog", headers={"Authorization": f"Bearer {first['token']}"}).status_code == 401
    other = client.post("/v1/kiosks/enroll", json={"code": code, "station_code": "BN09"})
    assert other.status_code == 400  # another station cannot reuse it
