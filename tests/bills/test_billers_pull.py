"""Distribution to kiosks: a real hub process publishes the list, the kiosk's pull stores it (then 304s), the
bill screen's loader reads it; a damaged stored file falls back to the shipped (empty) list."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from offline_queue.billers_pull import pull
from offline_queue.hub_client import HubClient
from screens.bills.model import load_billers
from tests.bills.conftest import EXAMPLE_LIST


def test_published_list_reaches_the_kiosk(local_hub, tmp_path: Path) -> None:
    token = local_hub.enroll()["token"]
    client = HubClient(local_hub.url, token)
    data_dir = tmp_path / "kiosk"
    assert pull(client, data_dir) == "updated"  # nothing published yet: an empty list
    assert load_billers(data_dir).billers == ()
    source = tmp_path / "billers.json"
    source.write_text(json.dumps(EXAMPLE_LIST, ensure_ascii=False), encoding="utf-8")
    published = subprocess.run([sys.executable, "-m", "central", "billers", "publish", str(source),
                                "--db", local_hub.db_url], capture_output=True, text=True, timeout=60)
    assert published.returncode == 0, published.stdout + published.stderr
    assert pull(client, data_dir) == "updated"
    assert pull(client, data_dir) == "unchanged"
    billers = load_billers(data_dir)
    assert billers.find("970436", "0011001234567").name == "Công ty Điện lực Ví Dụ"


def test_damaged_stored_list_falls_back_to_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "billers").mkdir()
    (tmp_path / "billers" / "current.json").write_text('{"format": 1, "billers": [{"id": 1}]}', encoding="utf-8")
    assert load_billers(tmp_path).billers == ()


def test_hub_process_looks_up_amount_in_the_biller_process(lookup_hub) -> None:  # type: ignore[no-untyped-def]
    """Two separate processes: the hub (serve --biller-adapters) asks the biller's service (bill-lookup/1)."""
    hub = lookup_hub
    token = hub.enroll()["token"]
    status, body = hub.request("GET", "/v1/billers/dien-vi-du/due/PD01000123456", token=token)
    assert status == 200 and body["amount"] == 452300 and body["period"] == "11/2026"
    status, body = hub.request("GET", "/v1/billers/dien-vi-du/due/PD01000000000", token=token)
    assert status == 404 and body["type"].endswith("nothing-due")
