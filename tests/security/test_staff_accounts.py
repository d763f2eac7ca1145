"""Issue 13: per-person staff accounts (roles, sessions, throttling, TOTP, CLI) and the audit trail."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
import requests
from sqlalchemy import text

from central.db import Database
from central.local import KIOSK_CATALOGUE, LocalHub
from central.staff import totp
from tests.security.helpers import audit, kiosk_with_dossier, station, status_of
from tests.staff_fixtures import PASSWORD, create_staff, staff_session


def _login(hub: LocalHub, username: str, password: str = PASSWORD, code: str = "",
           address_session: requests.Session | None = None) -> requests.Response:
    s = address_session or requests.Session()
    return s.post(hub.url + "/staff/login", data={"username": username, "password": password, "totp": code},
                  headers={"Accept": "application/json"}, timeout=20)


# ---- roles -----------------------------------------------------------------------------------------------------

ROLE_MATRIX = [  # (role, may change a dossier, may create an enrolment code, may read the audit log)
    ("admin", True, True, True), ("officer", True, False, False), ("enroller", False, True, False),
    ("health_worker", False, False, False), ("viewer", False, False, False),
]


@pytest.mark.parametrize(("role", "dossier", "enrol", "audit_log"), ROLE_MATRIX)
def test_each_role_may_do_only_its_work(real_hub: LocalHub, role: str, dossier: bool, enrol: bool,
                                        audit_log: bool) -> None:
    s = staff_session(real_hub, role)
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    assert s.get(real_hub.url + "/", timeout=10).status_code == 200  # every role sees the fleet
    r = s.post(f"{real_hub.url}/admin/dossiers/{ref}/status", json={"status": "processing"}, timeout=10)
    assert r.status_code == (200 if dossier else 403), r.text
    assert status_of(real_hub, kiosk, ref) == ("processing" if dossier else "received")
    assert s.post(real_hub.url + "/admin/enrolment-codes", json={}, timeout=10).status_code == (
        201 if enrol else 403)
    assert s.get(real_hub.url + "/staff/audit", timeout=10).status_code == (200 if audit_log else 403)
    assert s.get(real_hub.url + "/staff/audit.csv", timeout=10).status_code == (200 if audit_log else 403)


def test_without_a_session_browsers_go_to_sign_in_and_scripts_get_401(real_hub: LocalHub) -> None:
    r = requests.get(real_hub.url + "/admin/fleet", headers={"Accept": "text/html"}, allow_redirects=False,
                     timeout=10)
    assert r.status_code == 303 and r.headers["location"] == "/staff/login?next=/admin/fleet"
    r = requests.get(real_hub.url + "/admin/fleet", timeout=10)
    assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"
    page = requests.get(real_hub.url + "/staff/login?next=/admin/fleet", timeout=10)
    assert "Đăng nhập" in page.text and "Sign in" in page.text and 'value="/admin/fleet"' in page.text


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_sign_in_never_redirects_to_another_site(real_hub: LocalHub, target: str) -> None:
    username, _ = create_staff(real_hub, "viewer")
    r = requests.post(real_hub.url + "/staff/login", data={"username": username, "password": PASSWORD,
                                                           "next": target}, allow_redirects=False, timeout=20)
    assert r.status_code == 303 and r.headers["location"] == "/"


# ---- sessions --------------------------------------------------------------------------------------------------

def test_session_cookie_is_httponly_strict_and_expires(real_hub: LocalHub) -> None:
    username, _ = create_staff(real_hub, "viewer")
    r = _login(real_hub, username)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "max-age=" in cookie and "path=/" in cookie
    assert "secure" not in cookie  # plain HTTP on 127.0.0.1 (development); see the next test for the rest


def test_session_cookie_is_secure_outside_loopback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.hub.conftest import make_client

    with make_client(tmp_path, staff=None, public_url="https://hub.example.vn") as c:
        username, _ = create_staff(c.app.state.db, "viewer")
        remote = type(c)(c.app, base_url="https://hub.example.vn")
        r = remote.post("/staff/login", data={"username": username, "password": PASSWORD},
                        headers={"Accept": "application/json"})
        cookie = r.headers["set-cookie"].lower()
        assert cookie.startswith("__host-tcds_staff=") and "; secure" in cookie and "samesite=strict" in cookie
        assert remote.get("/staff/me").json()["username"] == username


def test_sign_out_ends_the_session_on_every_hub_process(fresh_url: str, hub_on: Callable[..., LocalHub]) -> None:
    first, second = hub_on(fresh_url), hub_on(fresh_url)  # two processes, one database (a load-balanced hub)
    username, _ = create_staff(first, "officer")
    s = requests.Session()
    csrf = _login(first, username, address_session=s).json()["csrf_token"]
    cookie = s.cookies.get("tcds_staff")
    on_second = {"Cookie": f"tcds_staff={cookie}"}
    assert requests.get(second.url + "/staff/me", headers=on_second, timeout=10).json()["username"] == username
    out = s.post(first.url + "/staff/logout", headers={"X-CSRF-Token": csrf}, timeout=10)
    assert out.status_code == 200
    assert requests.get(second.url + "/staff/me", headers=on_second, timeout=10).status_code == 401
    assert requests.get(first.url + "/staff/me", headers=on_second, timeout=10).status_code == 401
    actions = [e["action"] for e in audit(first, actor=username)]
    assert actions[:2] == ["staff.logout", "staff.login"]


def test_an_idle_session_expires(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.hub.conftest import make_client

    with make_client(tmp_path, staff="viewer", staff_idle_minutes=0.5 / 60) as c:
        assert c.get("/staff/me").status_code == 200
        time.sleep(0.7)
        assert c.get("/staff/me").status_code == 401


# ---- throttling and second factor --------------------------------------------------------------------------------

def test_account_lockout_is_in_the_database_and_survives_a_restart(fresh_url: str,
                                                                   hub_on: Callable[..., LocalHub]) -> None:
    hub = hub_on(fresh_url)
    username, _ = create_staff(hub, "officer")
    for _ in range(5):
        assert _login(hub, username, "wrong password 123").status_code == 401
    locked = _login(hub, username)  # the right password, during the lockout
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 60
    hub.restart()
    assert _login(hub, username).status_code == 429  # a restart gives no fresh guesses
    other = hub_on(fresh_url)  # nor does another hub process on the same database
    assert _login(other, username).status_code == 429
    subprocess.run([sys.executable, "-m", "central", "user", "reset", username, "--keep-password", "--db",
                    fresh_url], check=True, capture_output=True, timeout=60)
    assert _login(hub, username).status_code == 200  # an administrator lifts it


def test_many_user_names_from_one_address_are_throttled(fresh_url: str, hub_on: Callable[..., LocalHub]) -> None:
    hub = hub_on(fresh_url)
    username, _ = create_staff(hub, "viewer")
    for i in range(20):  # password spraying: one guess per name
        assert _login(hub, f"guess{i}", "Password123456").status_code == 401
    assert _login(hub, username).status_code == 429


def test_totp_second_factor(real_hub: LocalHub) -> None:
    username, secret = create_staff(real_hub, "officer", with_totp=True)
    assert secret
    assert _login(real_hub, username).status_code == 401
    assert _login(real_hub, username, code="000000" if totp.now_code(secret) != "000000" else "111111"
                  ).status_code == 401
    assert _login(real_hub, username, code=totp.now_code(secret)).status_code == 200


def test_totp_matches_rfc_6238_vectors() -> None:
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32 of "12345678901234567890" (RFC 6238 appendix B)
    assert [totp.now_code(secret, t) for t in (59, 1111111109, 1234567890, 2000000000)] == [
        "287082", "081804", "005924", "279037"]


def test_passwords_are_argon2id_hashes(real_hub: LocalHub) -> None:
    username, _ = create_staff(real_hub, "viewer")
    db = Database(real_hub.db_url)
    with db.engine.connect() as con:
        stored = con.execute(text("SELECT password_hash FROM staff_users WHERE username = :u"),
                             {"u": username}).scalar_one()
    db.dispose()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


# ---- the command line ------------------------------------------------------------------------------------------

def _cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", "user", *args, "--db", url], input=stdin, text=True,
                          capture_output=True, timeout=60)


def test_cli_creates_the_first_administrator_and_manages_accounts(fresh_url: str,
                                                                  hub_on: Callable[..., LocalHub]) -> None:
    assert _cli(fresh_url, "list").stdout == ""  # no account ships with the hub, so no default password
    assert _cli(fresh_url, "add", "chi.nguyen", "--role", "admin", "--password-stdin",
                stdin="short\n").returncode == 3  # the policy refuses a weak password
    made = _cli(fresh_url, "add", "chi.nguyen", "--role", "admin", "--name", "Nguyễn Thị Chi", "--password-stdin",
                stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    assert _cli(fresh_url, "add", "chi.nguyen", "--role", "viewer", "--password-stdin",
                stdin=PASSWORD + "\n").returncode == 3  # exists
    listed = _cli(fresh_url, "list").stdout
    assert "chi.nguyen" in listed and "admin" in listed and "Nguyễn Thị Chi" in listed
    hub = hub_on(fresh_url)
    assert _login(hub, "chi.nguyen").status_code == 200
    assert _cli(fresh_url, "disable", "chi.nguyen").returncode == 0
    assert _login(hub, "chi.nguyen").status_code == 401
    assert _cli(fresh_url, "reset", "chi.nguyen", "--password-stdin", stdin="another good passphrase\n"
                ).returncode == 0
    assert _login(hub, "chi.nguyen").status_code == 401  # the old password is gone
    assert _login(hub, "chi.nguyen", "another good passphrase").status_code == 200
    actions = [(e["action"], e["actor"]) for e in audit(hub, limit=500) if e["target"] == "chi.nguyen"]
    assert ("staff.user_add", None) in actions and ("staff.user_disable", None) in actions


# ---- the audit log ---------------------------------------------------------------------------------------------

def test_every_staff_change_appears_in_the_audit_log_with_its_author(real_hub: LocalHub) -> None:
    officer, admin, enroller = (staff_session(real_hub, r) for r in ("officer", "admin", "enroller"))
    kiosk, ref, _ = kiosk_with_dossier(real_hub)
    assert officer.post(f"{real_hub.url}/admin/dossiers/{ref}/status",
                        json={"status": "needs_info", "note": "Thiếu CT01"}, timeout=10).status_code == 200
    pay = requests.post(real_hub.url + "/v1/payments", json={"reference": ref, "amount": 20000, "purpose": "Le phi"},
                        headers={"Authorization": f"Bearer {kiosk['token']}", "Idempotency-Key": station()},
                        timeout=10).json()
    assert officer.post(f"{real_hub.url}/admin/payments/{pay['id']}/mark-paid", timeout=10).status_code == 200
    code = enroller.post(real_hub.url + "/admin/enrolment-codes", json={}, timeout=10).json()["code"]
    catalogue = json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))
    catalogue["procedures"][0]["channels"][0]["fees"][0]["amount"] = 12345  # a new version: published, audited
    assert admin.put(real_hub.url + "/admin/catalog", json=catalogue, timeout=10).status_code == 201
    assert admin.post(real_hub.url + "/admin/faults", json={"rate": 0}, timeout=10).status_code == 200
    entries = audit(real_hub, limit=500)
    expected = {("dossier.status", ref, officer), ("payment.mark_paid", pay["id"], officer),
                ("enrolment_code.create", code, enroller), ("faults.set", "faults", admin)}
    for action, target, who in expected:
        assert any(e["action"] == action and e["target"] == target and e["actor"] == who.staff_username
                   for e in entries), (action, target)
    assert any(e["action"] == "catalog.publish" and e["actor"] == admin.staff_username for e in entries)
    status_entry = next(e for e in entries if e["action"] == "dossier.status" and e["target"] == ref)
    assert status_entry["before"] == {"status": "received"}
    assert status_entry["after"] == {"status": "needs_info", "note": "Thiếu CT01"}
    csv_text = admin.get(real_hub.url + "/staff/audit.csv", timeout=10).text
    assert csv_text.startswith("id,at,actor,action,target,before,after")
    assert f"{officer.staff_username},dossier.status,{ref}" in csv_text  # type: ignore[attr-defined]


def test_the_audit_log_refuses_update_and_delete_in_the_database(real_hub: LocalHub) -> None:
    staff_session(real_hub, "viewer")  # a sign-in writes a record
    db = Database(real_hub.db_url)
    try:
        for statement in ("UPDATE audit_log SET actor_username = 'someone else'", "DELETE FROM audit_log"):
            with pytest.raises(Exception, match="append-only"), db.engine.begin() as con:
                con.execute(text(statement))
        with db.engine.connect() as con:
            assert con.execute(text("SELECT count(*) FROM audit_log")).scalar_one() > 0
    finally:
        db.dispose()
