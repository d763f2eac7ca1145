"""The hub's telehealth endpoints refuse who they must, against a real hub process (no browser here)."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests.telehealth.conftest import sign_in_health_worker


def _ws(hub: Any, path: str) -> str:
    return hub.url.replace("http://", "ws://") + path


async def _closed_with(url: str, headers: dict[str, str], first: dict | None = None) -> int | None:
    """The close code the hub answers with (None: the handshake itself was refused)."""
    try:
        async with connect(url, additional_headers=headers, open_timeout=5) as ws:
            if first is not None:
                await ws.send(json.dumps(first))
            await asyncio.wait_for(ws.recv(), 5)
            await asyncio.wait_for(ws.recv(), 5)
    except InvalidStatus:
        return None
    except ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd else None
    return -1


def test_sockets_refuse_unknown_kiosks_forged_tickets_other_sites_and_requests_without_consent(local_hub: Any) -> None:
    token = local_hub.enroll()["token"]
    kiosk_url, doctor_url = _ws(local_hub, "/v1/telehealth/ws"), _ws(local_hub, "/telehealth/ws")
    assert asyncio.run(_closed_with(kiosk_url, {"Authorization": "Bearer nope"})) in (None, 1008)
    assert asyncio.run(_closed_with(kiosk_url, {})) in (None, 1008)
    code = asyncio.run(_closed_with(kiosk_url, {"Authorization": f"Bearer {token}"}, {"type": "request"}))
    assert code == 1008  # no consent, no consultation
    assert asyncio.run(_closed_with(doctor_url + "?ticket=1.Zm9v.bad", {})) in (None, 1008)
    cookie = sign_in_health_worker(local_hub)
    status, page = local_hub.request("GET", "/telehealth", headers={"Cookie": cookie})
    assert status == 200
    ticket = re.search(r'data-ticket="([^"]+)"', page).group(1)
    signed_in = {"Cookie": cookie, "Origin": local_hub.url}
    assert asyncio.run(_closed_with(f"{doctor_url}?ticket={ticket}", {**signed_in, "Origin": "https://evil.example"}))\
        in (None, 1008)
    assert asyncio.run(_closed_with(f"{doctor_url}?ticket={ticket}", {"Origin": local_hub.url})) in (None, 1008)
    assert asyncio.run(_closed_with(f"{doctor_url}?ticket={ticket}", signed_in)) == -1  # hello and list arrive


def test_the_page_needs_a_health_worker_and_the_note_api_a_csrf_token(local_hub: Any) -> None:
    assert local_hub.request("GET", "/telehealth", headers={"Accept": "application/json"})[0] == 401
    officer = sign_in_health_worker(local_hub, "officer.an", role="officer")
    assert local_hub.request("GET", "/telehealth", headers={"Cookie": officer})[0] == 403
    cookie = sign_in_health_worker(local_hub)
    note = {"note": "Ổn định", "advice": ""}
    status, body = local_hub.request("POST", "/telehealth/api/consultations/x/note", note, headers={"Cookie": cookie})
    assert status == 403 and "csrf" in body["type"]


def test_kiosk_status_needs_the_kiosk_token_and_says_nobody_is_on_duty(local_hub: Any) -> None:
    token = local_hub.enroll()["token"]
    assert local_hub.request("GET", "/v1/telehealth/status")[0] == 401
    status, body = local_hub.request("GET", "/v1/telehealth/status", token=token)
    assert status == 200 and body["available"] is False and body["on_duty"] == []
    assert "thứ Hai" in body["duty_hours"]


@pytest.mark.parametrize("path", ["/telehealth/static/../app.py", "/telehealth/static/models.py"])
def test_only_the_page_files_are_served(local_hub: Any, path: str) -> None:
    assert local_hub.request("GET", path)[0] == 404


def test_the_page_forbids_inline_script(local_hub: Any) -> None:
    import urllib.request

    req = urllib.request.Request(local_hub.url + "/telehealth", headers={"Cookie": sign_in_health_worker(local_hub)})
    with urllib.request.urlopen(req, timeout=5) as r:
        csp, html = r.headers["Content-Security-Policy"], r.read().decode()
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in html and '<script src="/telehealth/static/doctor.js"' in html
