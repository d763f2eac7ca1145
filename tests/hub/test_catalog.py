"""Catalogue distribution on the hub: publish (checked against the shared schema, refused with the exact JSON
path), keep versions, roll back, and serve kiosks with ETag / If-None-Match and ?since. SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from central.local import KIOSK_CATALOGUE

FULL = json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))


def with_fee(amount: int) -> dict:
    doc = copy.deepcopy(FULL)
    doc["procedures"][0]["channels"][0]["fees"][0]["amount"] = amount
    return doc


def publish(client: TestClient, doc: object):  # type: ignore[no-untyped-def]
    return client.put("/admin/catalog", content=json.dumps(doc, ensure_ascii=False).encode(),
                      headers={"Content-Type": "application/json"})


def test_a_demo_hub_serves_its_one_procedure_catalogue_and_since_answers_without_it(client, auth) -> None:
    first = client.get("/v1/catalog?since=0", headers=auth)
    body = first.json()
    assert first.status_code == 200 and body["version"] == 1
    assert [p["code"] for p in body["catalogue"]["procedures"]] == ["1.004222"]
    again = client.get("/v1/catalog?since=1", headers=auth).json()
    assert again == {"version": 1, "published_at": body["published_at"], "catalogue": None}


def test_publishing_checks_keeps_versions_and_serves_the_newest_conditionally(client, auth) -> None:
    r = publish(client, FULL)
    assert r.status_code == 201 and r.json()["version"] == 2 and r.json()["procedures"] == len(FULL["procedures"])
    assert publish(client, FULL).status_code == 200  # the same document again: no new version for every kiosk
    full = client.get("/v1/catalog", headers=auth)
    assert full.json()["catalogue"] == FULL and full.json()["sha256"] == r.json()["sha256"]
    etag = full.headers["etag"]
    unchanged = client.get("/v1/catalog", headers=auth | {"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["etag"] == etag
    # a list of tags (the kiosk also names a version it refused) matches too
    assert client.get("/v1/catalog", headers=auth | {"If-None-Match": f'"other", {etag}'}).status_code == 304
    assert publish(client, with_fee(25000)).json()["version"] == 3
    changed = client.get("/v1/catalog", headers=auth | {"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.json()["catalogue"]["procedures"][0]["channels"][0]["fees"][0]["amount"] == 25000
    listed = client.get("/admin/catalog/versions").json()["versions"]
    assert [v["version"] for v in listed] == [3, 2, 1]
    assert client.get("/admin/catalog/versions/2").json()["catalogue"] == FULL


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda d: d["procedures"][3]["channels"][0]["fees"].__setitem__(0, {"kind": "phi", "amount": "20.000"}),
     "$.procedures[3].channels[0].fees[0].amount"),
    (lambda d: d["procedures"][5].pop("name_vi"), "$.procedures[5]"),
    (lambda d: d["procedures"][1].__setitem__("code", "abc"), "$.procedures[1].code"),
    (lambda d: d["procedures"][2].__setitem__("field", "khong_co"), "$.procedures[2].field"),
    (lambda d: d["procedures"][4].__setitem__("code", d["procedures"][0]["code"]), "$.procedures[0].code"),
    (lambda d: d["fields"].__setitem__("a b", {"vi": 1, "en": "x"}), '$.fields["a b"].vi'),
    (lambda d: d.__setitem__("schema_version", 2), "$.schema_version"),
])
def test_a_bad_catalogue_is_refused_with_the_exact_json_path(client, auth, mutate, path) -> None:
    doc = copy.deepcopy(FULL)
    mutate(doc)
    r = publish(client, doc)
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"].startswith(path + ":") or path in [e["path"] for e in r.json()["errors"]]
    assert client.get("/v1/catalog", headers=auth).json()["version"] == 1  # nothing was published


def test_hostile_bodies_are_refused_not_crashed_on(client) -> None:
    deep = b'{"a":' * 5000 + b"1" + b"}" * 5000  # (the hub's body limit answers 400 before the route)
    for body in (deep, b"[1,2]", b"\xff\xfe", b'{"procedures": "<script>alert(1)</script>"}'):
        r = client.put("/admin/catalog", content=body, headers={"Content-Type": "application/json"})
        assert r.status_code in (400, 422) and r.headers["content-type"] == "application/problem+json", body[:20]
    # a cross-site HTML form cannot publish: only application/json is accepted
    form = client.put("/admin/catalog", content=json.dumps(FULL).encode(),
                      headers={"Content-Type": "text/plain"})
    assert form.status_code == 415
    assert client.get("/admin/catalog/versions").json()["versions"][0]["version"] == 1  # nothing was published


def test_rollback_publishes_the_old_document_as_the_newest_version(client, auth) -> None:
    publish(client, FULL)
    publish(client, with_fee(99000))
    r = client.post("/admin/catalog/rollback", json={"version": 2})
    assert r.status_code == 201 and r.json()["version"] == 4 and r.json()["rollback_of"] == 2
    assert client.get("/v1/catalog", headers=auth).json()["catalogue"] == FULL
    assert client.post("/admin/catalog/rollback", json={"version": 99}).status_code == 404
    assert client.post("/admin/catalog/rollback", json={"version": "2"}).status_code == 422


def test_catalogue_endpoints_need_their_credentials_and_publishing_is_audited(tmp_path: Path) -> None:
    from central.staff import audit
    from tests.hub.conftest import make_client
    from tests.staff_fixtures import sign_in

    with make_client(tmp_path, staff=None) as c:
        assert c.get("/v1/catalog").status_code == 401  # kiosks only
        assert publish(c, FULL).status_code == 401  # staff only
        sign_in(c, "officer")
        assert publish(c, FULL).status_code == 403  # administrators only
        assert c.get("/admin/catalog/versions").status_code == 403
        admin = sign_in(c, "admin")
        csrf = c.headers.pop("X-CSRF-Token")
        assert publish(c, FULL).status_code == 403  # no CSRF token: refused
        c.headers["X-CSRF-Token"] = csrf
        ok = publish(c, FULL)
        assert ok.status_code == 201 and ok.json()["version"] == 2
        assert c.post("/admin/catalog/rollback", json={"version": 1}).status_code == 201
        done = [(e["action"], e["actor"]) for e in audit.entries(c.app.state.db)]
        assert ("catalog.publish", admin.username) in done and ("catalog.rollback", admin.username) in done


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", "catalog", *args], capture_output=True, text=True,
                          timeout=60)


def test_cli_publishes_lists_refuses_and_rolls_back(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(FULL, ensure_ascii=False), encoding="utf-8")
    broken = copy.deepcopy(FULL)
    broken["procedures"][7]["documents"][1]["copies"] = -1
    bad.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    refused = _cli("publish", str(bad), "--db", db)
    assert refused.returncode == 2 and "$.procedures[7].documents[1].copies: below 0" in refused.stderr
    assert _cli("publish", str(good), "--check", "--db", db).returncode == 0
    assert _cli("list", "--db", db).stdout == ""  # --check published nothing
    assert "version 1 published" in _cli("publish", str(good), "--db", db).stdout
    good.write_text(json.dumps(with_fee(30000), ensure_ascii=False), encoding="utf-8")
    assert "version 2 published" in _cli("publish", str(good), "--db", db).stdout
    assert "version 3 published" in _cli("rollback", "1", "--db", db).stdout
    listing = _cli("list", "--db", db).stdout.splitlines()
    assert [line.split()[0] for line in listing] == ["3", "2", "1"] and "roll-back of 1" in listing[0]
    assert json.loads(_cli("show", "--db", db).stdout) == FULL
