"""Fee payments: payee from the hub's config, Idempotency-Key, status, staff mark-paid."""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi.testclient import TestClient

from central.config import Payee
from central.store import create_enrolment_code
from tests.hub.conftest import enroll, item, make_client

REQUEST = {"reference": "BN01-261121-0007", "amount": 20000, "purpose": "BN01-261121-0007 phi"}


def _pay(client: TestClient, auth: dict[str, str], key: str | None, body: dict = REQUEST):  # type: ignore[no-untyped-def]
    headers = auth | ({"Idempotency-Key": key} if key else {})
    return client.post("/v1/payments", json=body, headers=headers)


def test_same_key_gives_the_same_payment(client: TestClient, auth: dict[str, str]) -> None:
    key = str(uuid.uuid4())
    first = _pay(client, auth, key)
    assert first.status_code == 201
    p = first.json()
    assert p["id"].startswith("pay_") and p["status"] == "pending" and p["amount"] == 20000
    assert p["purpose"] == REQUEST["purpose"] and p["reference"] == REQUEST["reference"] and p["expires_at"]
    assert p["payee"] == {"bank_bin": "970436", "account": "0071000123456", "name": "CONG AN PHUONG BEN NGHE",
                          "city": "HCM"}
    again = _pay(client, auth, key)
    assert again.status_code == 201 and again.json()["id"] == p["id"]
    assert again.headers["idempotent-replayed"] == "true"
    other = _pay(client, auth, str(uuid.uuid4()))
    assert other.json()["id"] != p["id"]


def test_key_reuse_with_another_body_and_missing_key_are_problems(client: TestClient, auth: dict[str, str]) -> None:
    key = str(uuid.uuid4())
    _pay(client, auth, key)
    reused = _pay(client, auth, key, REQUEST | {"amount": 10000})
    assert reused.status_code == 422 and reused.json()["type"].endswith("/idempotency-key-reused")
    missing = _pay(client, auth, None)
    assert missing.status_code == 400 and missing.headers["content-type"] == "application/problem+json"
    for bad in ({"amount": -5}, {"amount": "20000"}, {"amount": 1.5}, {"purpose": ""}):
        assert _pay(client, auth, str(uuid.uuid4()), REQUEST | bad).status_code == 422, bad


def test_mark_paid_shows_in_the_payment_and_the_dossier_fee(client: TestClient, auth: dict[str, str]) -> None:
    r = client.post("/v1/submissions", json={"items": [item(local_ref="BN01-261121-0007")]}, headers=auth)
    ref = r.json()["results"][0]["reference"]
    pay = _pay(client, auth, str(uuid.uuid4())).json()
    assert client.get(f"/v1/payments/{pay['id']}", headers=auth).json()["status"] == "pending"
    assert client.get(f"/v1/dossiers/{ref}", headers=auth).json()["fee"] == {"amount": 20000, "paid": False}
    paid = client.post(f"/admin/payments/{pay['id']}/mark-paid")
    assert paid.status_code == 200 and paid.json()["status"] == "paid"
    got = client.get(f"/v1/payments/{pay['id']}", headers=auth).json()
    assert got["status"] == "paid" and got["paid_at"]
    assert client.get(f"/v1/dossiers/{ref}", headers=auth).json()["fee"] == {"amount": 20000, "paid": True}
    assert client.get("/v1/payments/pay_unknown", headers=auth).status_code == 404
    assert client.post("/admin/payments/pay_unknown/mark-paid").status_code == 404


def test_an_unpaid_payment_expires(tmp_path: Path) -> None:
    with make_client(tmp_path, payment_ttl_seconds=0) as c:
        auth = enroll(c)
        pay = _pay(c, auth, str(uuid.uuid4())).json()
        assert c.get(f"/v1/payments/{pay['id']}", headers=auth).json()["status"] == "expired"


def test_payee_comes_from_config_and_is_required(tmp_path: Path) -> None:
    payee = Payee("970415", "113366668888", "UBND PHUONG SAI GON", "HCM")
    with make_client(tmp_path / "a", demo=False, payee=payee) as c:
        auth = enroll(c, create_enrolment_code(c.app.state.db).code)  # a one-time code, as the CLI makes
        assert _pay(c, auth, str(uuid.uuid4())).json()["payee"]["account"] == "113366668888"
    with make_client(tmp_path / "b", demo=False) as c:
        auth = enroll(c, create_enrolment_code(c.app.state.db).code)
        r = _pay(c, auth, str(uuid.uuid4()))
        assert r.status_code == 503 and r.json()["type"].endswith("/payee-not-configured")
