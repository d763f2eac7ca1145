"""Issue 13: a second kiosk reads nothing of the first one's; station codes and references identify one thing."""

from __future__ import annotations

import hashlib
import itertools
import json
import uuid
from typing import Any

import pytest
import requests

from central.local import LocalHub
from central.references import check_digit_ok
from tests.hub.conftest import item
from tests.security.helpers import kiosk_with_dossier, station


def _auth(kiosk: dict[str, Any], **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {kiosk['token']}", **extra}


@pytest.fixture(scope="module")
def victim(real_hub: LocalHub) -> dict[str, Any]:
    """Kiosk B with a dossier, a photo and a payment: what kiosk A's token tries to reach."""
    kiosk, ref, it = kiosk_with_dossier(real_hub, procedure_code="1.004222", fee={"amount": 20000},
                                      full_name="Trần Thị Bích", id_number="079190004321")
    photo = b"\xff\xd8 the victim's photo"
    r = requests.put(f"{real_hub.url}/v1/submissions/{it['id']}/attachments/cccd-front.jpg", data=photo,
                     headers=_auth(kiosk, **{"Digest-SHA256": hashlib.sha256(photo).hexdigest(),
                                             "Content-Type": "image/jpeg"}), timeout=10)
    assert r.status_code == 201
    key = str(uuid.uuid4())
    pay = requests.post(real_hub.url + "/v1/payments", json={"reference": ref, "amount": 20000, "purpose": "Le phi"},
                        headers=_auth(kiosk, **{"Idempotency-Key": key}), timeout=10).json()
    return {"kiosk": kiosk, "ref": ref, "item": it, "payment": pay, "key": key}


def _probes(v: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    it, other_photo = v["item"], b"attacker's photo"
    return {
        "track by hub reference": ("GET", f"/v1/dossiers/{v['ref']}", {}),
        "track by local reference": ("GET", f"/v1/dossiers/{it['local_ref']}", {}),
        "attach a file": ("PUT", f"/v1/submissions/{it['id']}/attachments/extra.jpg", {
            "data": other_photo, "headers": {"Digest-SHA256": hashlib.sha256(other_photo).hexdigest()}}),
        "overwrite an attachment": ("PUT", f"/v1/submissions/{it['id']}/attachments/cccd-front.jpg", {
            "data": other_photo, "headers": {"Digest-SHA256": hashlib.sha256(other_photo).hexdigest()}}),
        "read a payment": ("GET", f"/v1/payments/{v['payment']['id']}", {}),
        "bill another kiosk's dossier": ("POST", "/v1/payments", {
            "json": {"reference": v["ref"], "amount": 1, "purpose": "x"},
            "headers": {"Idempotency-Key": str(uuid.uuid4())}}),
        "replay another kiosk's payment key": ("POST", "/v1/payments", {
            "json": {"reference": v["ref"], "amount": 20000, "purpose": "Le phi"},
            "headers": {"Idempotency-Key": v["key"]}}),
    }


PROBES = ["track by hub reference", "track by local reference", "attach a file", "overwrite an attachment",
          "read a payment", "bill another kiosk's dossier", "replay another kiosk's payment key"]


@pytest.mark.parametrize("probe", PROBES)
def test_a_second_kiosk_reads_and_changes_nothing(real_hub: LocalHub, victim: dict[str, Any], probe: str) -> None:
    attacker = real_hub.enroll(station_code=station())
    method, path, kwargs = _probes(victim)[probe]
    headers = _auth(attacker, **kwargs.pop("headers", {}))
    r = requests.request(method, real_hub.url + path, headers=headers, timeout=10, **kwargs)
    assert r.status_code in (403, 404, 409), (probe, r.status_code, r.text)
    leaked = r.text
    for secret in (victim["ref"], victim["payment"]["id"], victim["item"]["local_ref"], "Trần Thị Bích",
                   "079190004321", "received", "pending"):
        assert secret not in leaked, (probe, secret)
    # the owner still sees exactly its own data
    own = requests.get(f"{real_hub.url}/v1/dossiers/{victim['ref']}", headers=_auth(victim["kiosk"]), timeout=10)
    assert own.status_code == 200 and own.json()["fee"] == {"amount": 20000, "paid": False}


def test_resending_another_kiosks_item_is_a_conflict_without_its_reference(real_hub: LocalHub,
                                                                           victim: dict[str, Any]) -> None:
    attacker = real_hub.enroll(station_code=station())
    r = requests.post(real_hub.url + "/v1/submissions", json={"items": [victim["item"]]}, headers=_auth(attacker),
                      timeout=10)
    assert r.status_code == 200
    answer = r.json()["results"][0]
    assert answer["status"] == "rejected" and answer["reference"] is None and victim["ref"] not in r.text


def test_the_attacker_kiosk_still_works_on_its_own_data(real_hub: LocalHub) -> None:
    """The matrix is not passing because everything is refused: the same calls on one's own data succeed."""
    kiosk, ref, it = kiosk_with_dossier(real_hub)
    assert requests.get(f"{real_hub.url}/v1/dossiers/{it['local_ref']}", headers=_auth(kiosk),
                        timeout=10).json()["reference"] == ref
    photo = b"own photo"
    assert requests.put(f"{real_hub.url}/v1/submissions/{it['id']}/attachments/p.jpg", data=photo,
                        headers=_auth(kiosk, **{"Digest-SHA256": hashlib.sha256(photo).hexdigest()}),
                        timeout=10).status_code == 201


# ---- station codes -----------------------------------------------------------------------------------------------

def test_a_duplicate_station_code_is_refused_clearly(real_hub: LocalHub) -> None:
    code = station()
    first = real_hub.enroll(station_code=code)
    _, one_time = real_hub.request("POST", "/admin/enrolment-codes", {})
    for enrol_code in (real_hub.demo_code, one_time["code"]):
        status, body = real_hub.request("POST", "/v1/kiosks/enroll", {"code": enrol_code, "station_code": code.lower(),
                                                                      "name": "Trạm trùng"}, token="")
        assert status == 409 and body["type"].endswith("/station-code-taken"), body
        assert code in body["detail"] and "Mã trạm" in body["detail"]
    # the refused attempt did not spend the one-time code
    assert real_hub.enroll(station_code=station(), code=one_time["code"])["token"]
    # staff retire the old kiosk: its token stops working and the code is free again
    status, _ = real_hub.request("POST", f"/admin/kiosks/{first['kiosk_id']}/retire")
    assert status == 200
    assert requests.get(real_hub.url + "/v1/catalog", headers=_auth(first), timeout=10).status_code == 401
    assert real_hub.enroll(station_code=code)["kiosk_id"] != first["kiosk_id"]


# ---- references and payments ---------------------------------------------------------------------------------------

def test_references_are_random_with_a_check_digit_and_unique(real_hub: LocalHub) -> None:
    kiosk = real_hub.enroll(station_code=station())
    items = [item(local_ref=None) for _ in range(60)]
    r = requests.post(real_hub.url + "/v1/submissions", json={"items": items}, headers=_auth(kiosk), timeout=30)
    refs = [a["reference"] for a in r.json()["results"]]
    assert len(set(refs)) == 60 and all(check_digit_ok(ref) for ref in refs)
    numbers = sorted(int(ref.split("-")[2][:-1]) for ref in refs)
    assert sum(1 for a, b in itertools.pairwise(numbers) if b - a == 1) < 3  # not a sequence
    typo = refs[0][:-3] + str((int(refs[0][-3]) + 1) % 10) + refs[0][-2:]
    assert not check_digit_ok(typo)  # a mistyped digit is caught by the check digit
    swapped = refs[0][:-3] + refs[0][-2] + refs[0][-3] + refs[0][-1]
    assert swapped == refs[0] or not check_digit_ok(swapped)


def test_a_payment_marks_only_its_own_dossier_paid(real_hub: LocalHub) -> None:
    """The issue's collision: two dossiers with one local reference; one payment must not pay both."""
    a, b = real_hub.enroll(station_code=station()), real_hub.enroll(station_code=station())
    shared_local = "ZZ01-261203-0001"
    refs = {}
    for kiosk in (a, b):
        r = requests.post(real_hub.url + "/v1/submissions", json={"items": [item(local_ref=shared_local)]},
                          headers=_auth(kiosk), timeout=10)
        refs[kiosk["kiosk_id"]] = r.json()["results"][0]["reference"]
    pay = requests.post(real_hub.url + "/v1/payments", json={"reference": shared_local, "amount": 20000,
                                                             "purpose": "Le phi"},
                        headers=_auth(a, **{"Idempotency-Key": str(uuid.uuid4())}), timeout=10).json()
    assert real_hub.mark_paid(pay["id"])["status"] == "paid"

    def fee(kiosk: dict[str, Any]) -> Any:
        return requests.get(f"{real_hub.url}/v1/dossiers/{refs[kiosk['kiosk_id']]}", headers=_auth(kiosk),
                            timeout=10).json()["fee"]

    assert fee(a) == {"amount": 20000, "paid": True}
    assert fee(b) == {"amount": 20000, "paid": False}


def test_tracking_look_ups_are_rate_limited_per_kiosk(real_hub: LocalHub) -> None:
    guesser, honest = real_hub.enroll(station_code=station()), real_hub.enroll(station_code=station())
    statuses = [requests.get(f"{real_hub.url}/v1/dossiers/HS-2026-{n:09d}", headers=_auth(guesser),
                             timeout=10).status_code for n in range(25)]
    assert statuses[:20] == [404] * 20 and statuses[-1] == 429
    last = requests.get(f"{real_hub.url}/v1/dossiers/HS-2026-000000000", headers=_auth(guesser), timeout=10)
    assert last.status_code == 429 and int(last.headers["retry-after"]) > 0
    assert requests.get(f"{real_hub.url}/v1/dossiers/HS-2026-000000000", headers=_auth(honest),
                        timeout=10).status_code == 404  # another kiosk is not affected


def test_personal_data_answers_are_not_stored_by_caches(real_hub: LocalHub) -> None:
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    r = requests.get(f"{real_hub.url}/v1/dossiers/{ref}", headers=_auth(kiosk), timeout=10)
    assert r.headers["cache-control"] == "no-store" and r.headers["x-content-type-options"] == "nosniff"
    assert json.loads(r.text)["reference"] == ref
