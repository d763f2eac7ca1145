"""Small helpers of the security suite: a kiosk with a dossier on a real hub, raw requests as an attacker."""

from __future__ import annotations

import secrets
from typing import Any

import requests

from central.local import LocalHub
from tests.hub.conftest import item


def station() -> str:
    return "T" + secrets.token_hex(3).upper()


def kiosk_with_dossier(hub: LocalHub, **payload: Any) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """(enrolment answer, hub reference, the item sent) of a new kiosk that submitted one dossier."""
    code = station()
    kiosk = hub.enroll(station_code=code)
    it = item(local_ref=f"{code}-261203-0001", **payload)
    r = requests.post(hub.url + "/v1/submissions", json={"items": [it]},
                      headers={"Authorization": f"Bearer {kiosk['token']}"}, timeout=10)
    assert r.status_code == 200, r.text
    return kiosk, r.json()["results"][0]["reference"], it


def status_of(hub: LocalHub, kiosk: dict[str, Any], reference: str) -> str:
    r = requests.get(f"{hub.url}/v1/dossiers/{reference}", headers={"Authorization": f"Bearer {kiosk['token']}"},
                     timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["status"]


def audit(hub: LocalHub, **params: Any) -> list[dict[str, Any]]:
    status, body = hub.request("GET", "/staff/audit.json?" + "&".join(f"{k}={v}" for k, v in params.items()))
    assert status == 200, body
    return body["entries"]
