"""`kiosk-hub backup` / `restore` on both databases: a populated hub (submissions, status history, attachments,
payments, heartbeats) is backed up by the real command, restored into an empty database, and every row of every
table (attachment bytes included) compares equal; retention keeps the newest N; damage is refused."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, select

from central.db import normalise_url
from tests.hub.conftest import enroll, item, make_client


def _kiosk_hub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", *args], capture_output=True, text=True, timeout=120)


def _populate(client: TestClient) -> dict[str, str]:
    """A hub with something in every table; the kiosk's auth headers."""
    auth = enroll(client)
    items = [item(local_ref=f"BN01-261121-{n:04d}") for n in range(12)]
    results = client.post("/v1/submissions", json={"items": items}, headers=auth).json()["results"]
    assert {r["status"] for r in results} == {"accepted"}
    photo = bytes(range(256)) * 40
    import hashlib

    r = client.put(f"/v1/submissions/{items[0]['id']}/attachments/page-1.jpg", content=photo,
                   headers=auth | {"Digest-SHA256": hashlib.sha256(photo).hexdigest(), "Content-Type": "image/jpeg"})
    assert r.status_code == 201, r.text
    assert client.post(f"/admin/dossiers/{results[0]['reference']}/status",
                       json={"status": "processing", "note": "đã nhận"}).status_code == 200
    pay = client.post("/v1/payments", json={"reference": results[0]["reference"], "amount": 20000, "purpose": "phi"},
                      headers=auth | {"Idempotency-Key": str(uuid.uuid4())})
    assert pay.status_code == 201, pay.text
    assert client.post("/v1/heartbeat", json={"queue": {"queued": 1}, "devices": {"printer": "paper_low"}},
                       headers=auth).status_code == 200
    return auth


def _dump(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, in primary-key order."""
    engine = create_engine(normalise_url(url))
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as con:
            return {name: [dict(row._mapping) for row in con.execute(select(t).order_by(*t.primary_key.columns))]
                    for name, t in meta.tables.items()}
    finally:
        engine.dispose()


def _empty_target(source_url: str, tmp_path: Path, postgres_cluster: Any) -> str:
    if source_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored' / 'hub.db'}"
    return postgres_cluster.create_database()


def test_a_restored_hub_has_every_row_and_attachment(client: TestClient, hub_db_url: str, tmp_path: Path,
                                                     request: Any) -> None:
    auth = _populate(client)
    dest = tmp_path / "backups"
    made = _kiosk_hub("backup", "--db", hub_db_url, "--dest", str(dest), "--keep", "3")
    assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip())
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["rows"]["submissions"] == 12 and manifest["rows"]["attachments"] == 1
    cluster = request.getfixturevalue("postgres_cluster") if hub_db_url.startswith("postgresql") else None
    target = _empty_target(hub_db_url, tmp_path, cluster)
    assert _kiosk_hub("migrate", "--db", target).returncode == 0  # an empty hub, as installed
    restored = _kiosk_hub("restore", str(folder), "--db", target)
    assert restored.returncode == 0, restored.stderr
    before, after = _dump(hub_db_url), _dump(target)
    assert set(after) == set(before) and all(before[t] == after[t] for t in before)
    assert len(after["attachments"]) == 1 and after["attachments"][0]["data"] == bytes(range(256)) * 40
    # and the restored hub serves what the first one did, to the same kiosk with the token it already holds
    [processing] = [row["reference"] for row in after["submissions"] if row["status"] == "processing"]
    with make_client(tmp_path, target) as second:
        assert second.get(f"/v1/dossiers/{processing}", headers=auth).json()["status"] == "processing"
        second.app.state.db.dispose()
    # a second restore over a hub that holds data is refused unless forced
    again = _kiosk_hub("restore", str(folder), "--db", target)
    assert again.returncode == 1 and "already holds" in again.stderr


def test_retention_keeps_the_newest_and_damage_is_refused(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    assert _kiosk_hub("migrate", "--db", db).returncode == 0
    dest = tmp_path / "backups"
    made = [Path(_kiosk_hub("backup", "--db", db, "--dest", str(dest), "--keep", "2").stdout.strip())
            for _ in range(3)]
    assert sorted(p.name for p in dest.iterdir()) == sorted(p.name for p in made[1:])
    data = made[-1] / "hub.sqlite3"
    data.write_bytes(data.read_bytes()[:-10] + b"0123456789")
    refused = _kiosk_hub("restore", str(made[-1]), "--db", f"sqlite:///{tmp_path / 'other.db'}")
    assert refused.returncode == 1 and "damaged" in refused.stderr
