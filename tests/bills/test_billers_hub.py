"""The hub side: publishing the billers list (CLI), serving it with an ETag, and the look-up adapter against a
biller service running as a separate process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from central.billers.adapter import HttpLookupAdapter, LookupFailed, adapters_from_config
from central.cli import main as hub_cli
from tests.bills.conftest import EXAMPLE_LIST
from tests.hub.conftest import enroll, make_client


def test_adapter_looks_up_the_amount_in_the_biller_process(biller_service: str) -> None:
    adapter = HttpLookupAdapter(biller_service)
    due = adapter.lookup("pd01000123456")
    assert (due.customer_code, due.amount, due.period) == ("PD01000123456", 452300, "11/2026")
    assert adapter.lookup("PD09999999999") is None
    for broken in ("BROKEN", "GARBAGE"):
        with pytest.raises(LookupFailed):
            adapter.lookup(broken)
    with pytest.raises(ValueError):
        adapter.lookup("../../etc")


def test_adapter_reports_a_service_that_is_down() -> None:
    with pytest.raises(LookupFailed):
        HttpLookupAdapter("http://127.0.0.1:9", timeout=2).lookup("PD01000123456")


def test_publish_cli_then_kiosk_gets_list_with_etag_and_lookup(tmp_path: Path, biller_service: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "hub.db")
    path = tmp_path / "billers.json"
    path.write_text(json.dumps(EXAMPLE_LIST, ensure_ascii=False), encoding="utf-8")
    assert hub_cli(["billers", "publish", str(path), "--db", db]) == 0
    assert hub_cli(["billers", "publish", str(path), "--db", db]) == 0
    assert "unchanged" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 1, "billers": [{"id": "X"}]}), encoding="utf-8")
    assert hub_cli(["billers", "publish", str(bad), "--db", db]) == 1
    assert "$.billers[0].bank_bin" in capsys.readouterr().out

    with make_client(tmp_path, db_url=db, staff=None) as client:
        client.app.state.biller_adapters = adapters_from_config(
            {"dien-vi-du": {"protocol": "bill-lookup/1", "url": biller_service}})
        auth = enroll(client)
        assert client.get("/v1/billers").status_code == 401
        r = client.get("/v1/billers", headers=auth)
        assert r.status_code == 200 and r.json()["version"] == 1
        assert [b["id"] for b in r.json()["billers"]] == ["dien-vi-du", "nuoc-vi-du"]
        again = client.get("/v1/billers", headers=auth | {"If-None-Match": r.headers["ETag"]})
        assert again.status_code == 304
        due = client.get("/v1/billers/dien-vi-du/due/PD01000123456", headers=auth)
        assert due.status_code == 200 and due.json()["amount"] == 452300
        assert client.get("/v1/billers/dien-vi-du/due/PD0000000", headers=auth).json()["type"].endswith("nothing-due")
        assert client.get("/v1/billers/dien-vi-du/due/BROKEN", headers=auth).status_code == 502
        assert client.get("/v1/billers/nuoc-vi-du/due/PD01000123456", headers=auth).status_code == 404
        assert client.get("/v1/billers/dien-vi-du/due/a%20b", headers=auth).status_code == 422
    client.app.state.db.dispose()


def test_before_any_publication_the_list_is_empty(tmp_path: Path) -> None:
    with make_client(tmp_path, staff=None) as client:
        r = client.get("/v1/billers", headers=enroll(client))
        assert r.status_code == 200 and r.json()["billers"] == []
    client.app.state.db.dispose()
