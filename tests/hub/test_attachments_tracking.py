"""Attachments (idempotent by content hash) and dossier tracking with a staff-made history."""

from __future__ import annotations

import hashlib

from fastapi.testclient import TestClient

from tests.hub.conftest import item

PHOTO = bytes(range(256)) * 40


def _submit(client: TestClient, auth: dict[str, str], it: dict) -> str:
    r = client.post("/v1/submissions", json={"items": [it]}, headers=auth)
    return r.json()["results"][0]["reference"]


def _put(client: TestClient, auth: dict[str, str], sub_id: str, name: str, data: bytes, digest: str | None = None):  # type: ignore[no-untyped-def]
    headers = auth | {"Content-Type": "image/jpeg", "Digest-SHA256": digest or hashlib.sha256(data).hexdigest()}
    return client.put(f"/v1/submissions/{sub_id}/attachments/{name}", content=data, headers=headers)


def test_attachment_upload_is_idempotent_by_content(client: TestClient, auth: dict[str, str]) -> None:
    it = item()
    _submit(client, auth, it)
    assert _put(client, auth, it["id"], "cccd-front.jpg", PHOTO).status_code == 201
    assert _put(client, auth, it["id"], "cccd-front.jpg", PHOTO).status_code == 200
    conflict = _put(client, auth, it["id"], "cccd-front.jpg", PHOTO + b"x")
    assert conflict.status_code == 409 and conflict.headers["content-type"] == "application/problem+json"
    assert _put(client, auth, it["id"], "cccd-back.jpg", PHOTO + b"x").status_code == 201


def test_attachment_errors_are_problems(client: TestClient, auth: dict[str, str]) -> None:
    it = item()
    _submit(client, auth, it)
    mismatch = _put(client, auth, it["id"], "a.jpg", PHOTO, digest="0" * 64)
    assert mismatch.status_code == 422 and mismatch.json()["type"].endswith("/digest-mismatch")
    assert _put(client, auth, it["id"], "a.jpg", PHOTO, digest="xyz").status_code == 422
    unknown = _put(client, auth, "00000000-0000-4000-8000-000000000000", "a.jpg", PHOTO)
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"
    assert _put(client, auth, it["id"], "..evil", PHOTO).status_code == 422
    too_big = b"\0" * (10 * 1024 * 1024 + 1)
    r = _put(client, auth, it["id"], "big.jpg", too_big)
    assert r.status_code == 413 and r.json()["type"].endswith("/payload-too-large")
    assert _put(client, {}, it["id"], "a.jpg", PHOTO).status_code == 401


def test_tracking_by_hub_reference_and_by_local_reference(client: TestClient, auth: dict[str, str]) -> None:
    it = item(local_ref="BN01-261121-0042")
    ref = _submit(client, auth, it)
    by_hub = client.get(f"/v1/dossiers/{ref}", headers=auth).json()
    by_local = client.get("/v1/dossiers/BN01-261121-0042", headers=auth).json()
    assert by_hub == by_local
    assert by_hub["reference"] == ref and by_hub["local_ref"] == "BN01-261121-0042"
    assert by_hub["status"] == "received" and by_hub["status_label_vi"] == "Đã tiếp nhận"
    assert [h["status"] for h in by_hub["history"]] == ["received"]
    assert by_hub["fee"] == {"amount": 20000, "paid": False}
    missing = client.get("/v1/dossiers/HS-2026-999999", headers=auth)
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"


def test_staff_status_changes_make_a_history(client: TestClient, auth: dict[str, str]) -> None:
    ref = _submit(client, auth, item(local_ref="BN01-261121-0050"))
    assert client.post(f"/admin/dossiers/{ref}/status", json={"status": "processing"}).status_code == 200
    r = client.post("/admin/dossiers/BN01-261121-0050/status", json={"status": "needs_info", "note": "Thiếu CT01"})
    assert r.status_code == 200
    assert client.post(f"/admin/dossiers/{ref}/status", json={"status": "lost"}).status_code == 422
    tracked = client.get("/v1/dossiers/BN01-261121-0050", headers=auth).json()
    assert [h["status"] for h in tracked["history"]] == ["received", "processing", "needs_info"]
    assert tracked["history"][-1]["note"] == "Thiếu CT01"
    assert tracked["status_label_vi"] == "Cần bổ sung hồ sơ"
