"""Issue 13: a forged cross-site post changes nothing; only the hub's own pages (session + CSRF token) can."""

from __future__ import annotations

import re

import pytest
import requests

from central.local import LocalHub
from tests.security.helpers import audit, kiosk_with_dossier, status_of
from tests.staff_fixtures import staff_session

EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def officer(real_hub: LocalHub) -> requests.Session:
    return staff_session(real_hub, "officer")


def _cookie_only(officer: requests.Session) -> requests.Session:
    """What a browser attaches to a cross-site request at worst: the cookie, never our CSRF header."""
    s = requests.Session()
    s.cookies.update(officer.cookies)
    return s


FORGERIES = {
    # the attack: a plain HTML form with enctype=text/plain carrying a JSON body (no preflight)
    "text/plain JSON from another site": dict(data='{"status": "rejected", "x": "="}',
                                              headers={"Content-Type": "text/plain", "Origin": EVIL}),
    "text/plain JSON without Origin": dict(data='{"status": "rejected"}', headers={"Content-Type": "text/plain"}),
    "url-encoded form without token": dict(data={"status": "rejected"}, headers={}),
    "url-encoded form with a wrong token": dict(data={"status": "rejected", "csrf_token": "guess"}, headers={}),
    "form from another site": dict(data={"status": "rejected"}, headers={"Origin": EVIL}),
    "form from a sibling site": dict(data={"status": "rejected"}, headers={"Sec-Fetch-Site": "same-site"}),
    "Origin null (sandboxed frame)": dict(data={"status": "rejected"}, headers={"Origin": "null"}),
    "JSON without the header token": dict(json={"status": "rejected"}, headers={}),
    "multipart without token": dict(files={"status": (None, "rejected")}, headers={}),
    "XML": dict(data="<status>rejected</status>", headers={"Content-Type": "application/xml"}),
}


@pytest.mark.parametrize("name", list(FORGERIES))
def test_a_forged_cross_site_post_changes_nothing(real_hub: LocalHub, officer: requests.Session, name: str) -> None:
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    before = len(audit(real_hub, limit=5000))
    forgery = dict(FORGERIES[name])
    r = _cookie_only(officer).post(f"{real_hub.url}/admin/dossiers/{ref}/status", timeout=10, **forgery)
    assert r.status_code in (401, 403, 415), (name, r.status_code, r.text)
    assert r.headers["content-type"] == "application/problem+json"
    assert status_of(real_hub, kiosk, ref) == "received"
    assert len(audit(real_hub, limit=5000)) == before  # nothing happened, nothing recorded


def test_the_token_of_another_session_does_not_work(real_hub: LocalHub, officer: requests.Session) -> None:
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    other = staff_session(real_hub, "officer")
    s = _cookie_only(officer)
    r = s.post(f"{real_hub.url}/admin/dossiers/{ref}/status", json={"status": "rejected"},
               headers={"X-CSRF-Token": other.headers["X-CSRF-Token"]}, timeout=10)
    assert r.status_code == 403 and status_of(real_hub, kiosk, ref) == "received"


def test_the_dashboard_form_with_its_token_works_and_is_audited(real_hub: LocalHub,
                                                               officer: requests.Session) -> None:
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    page = _cookie_only(officer).get(real_hub.url + "/", timeout=10).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    r = _cookie_only(officer).post(f"{real_hub.url}/admin/dossiers/{ref}/status",
                                   data={"status": "processing", "csrf_token": token},
                                   headers={"Origin": real_hub.url, "Sec-Fetch-Site": "same-origin"},
                                   allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text
    assert status_of(real_hub, kiosk, ref) == "processing"
    # the officer's own newest entry (the test's administrator may sign in again in between)
    entry = audit(real_hub, limit=50, actor=officer.staff_username)[0]  # type: ignore[attr-defined]
    assert entry["action"] == "dossier.status" and entry["target"] == ref
    assert entry["before"] == {"status": "received"} and entry["after"]["status"] == "processing"


def test_staff_pages_have_no_script_and_forbid_framing(real_hub: LocalHub, officer: requests.Session) -> None:
    import re

    for path in ("/", "/staff/login"):
        r = officer.get(real_hub.url + path, timeout=10)
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        if path == "/":  # the dashboard's one script file (the alert bell, central/office/static): no inline script
            assert re.findall(r"<script[^>]*>", r.text.lower()) == ['<script src="/office/static/office.js" defer>']
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        else:
            assert "<script" not in r.text.lower() and "script-src" not in csp
        assert r.headers["x-frame-options"] == "DENY" and r.headers["cache-control"] == "no-store"
    assert "<style" not in officer.get(real_hub.url + "/", timeout=10).text  # CSP allows no inline style
