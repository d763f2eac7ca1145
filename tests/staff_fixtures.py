"""Staff accounts in tests: create an account and sign a TestClient or a requests session in with it.

    from tests.staff_fixtures import sign_in, staff_session
    user = sign_in(client, "officer")               # TestClient: cookie kept, X-CSRF-Token header set
    s = staff_session(local_hub, "health_worker")   # requests.Session on a real hub process, same
"""

from __future__ import annotations

import secrets
from typing import Any

import requests
from fastapi.testclient import TestClient

from central.db import Database
from central.local import LocalHub
from central.staff import StaffUser, accounts

PASSWORD = "correct horse battery staple"  # test accounts only: passes the policy (>= 12 characters)


def create_staff(db: Database | LocalHub, role: str, username: str | None = None, password: str = PASSWORD,
                 with_totp: bool = False) -> tuple[str, str | None]:
    """(username, TOTP secret or None) of a new account on an in-process app's Database or a LocalHub."""
    username = username or f"{role.replace('_', '-')}-{secrets.token_hex(3)}"
    if isinstance(db, LocalHub):
        return username, db.add_staff(username, role, password, with_totp=with_totp)
    return username, accounts.create_user(db, username, role, password, with_totp=with_totp)[1]


def login(client: TestClient, username: str, password: str = PASSWORD, totp: str = "") -> str:
    """Sign `client` in; its cookie jar keeps the session and X-CSRF-Token goes with every request."""
    r = client.post("/staff/login", data={"username": username, "password": password, "totp": totp},
                    headers={"Accept": "application/json"})
    assert r.status_code == 200, r.text
    csrf = r.json()["csrf_token"]
    client.headers["X-CSRF-Token"] = csrf
    return csrf


def sign_in(client: TestClient, role: str = "admin", **kwargs: Any) -> StaffUser:
    """A new account with `role`, signed in on `client`."""
    db: Database = client.app.state.db  # type: ignore[attr-defined]
    username, _ = create_staff(db, role, **kwargs)
    login(client, username, kwargs.get("password", PASSWORD))
    return next(StaffUser(id=0, username=u["username"], display_name=str(u["display_name"]), role=role)
                for u in accounts.list_users(db) if u["username"] == username)


def staff_session(hub: LocalHub, role: str = "admin", username: str | None = None,
                  password: str = PASSWORD) -> requests.Session:
    """A requests.Session signed in on a real hub process, sending its CSRF token as a header."""
    username, _ = create_staff(hub, role, username, password)
    s = requests.Session()
    r = s.post(hub.url + "/staff/login", data={"username": username, "password": password},
               headers={"Accept": "application/json"}, timeout=10)
    assert r.status_code == 200, r.text
    s.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    s.staff_username = username  # type: ignore[attr-defined]
    return s
