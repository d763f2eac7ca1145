"""The operator commands: kiosk queue status/list/requeue/export, kiosk sync --once, kiosk enrol."""

from __future__ import annotations

import json
import os
import secrets
import stat

import pytest
import tomli_w

from central.local import free_port
from kiosk.cli import main
from offline_queue.runtime import load_token, open_store
from tests.queue.conftest import dossier, make_config


@pytest.fixture
def kiosk(tmp_path, data_dir, capsys):
    """Run ``kiosk --config FILE …`` in-process; returns (exit code, stdout)."""
    station = "C" + secrets.token_hex(3).upper()

    def run(*args: str, hub: str = "") -> tuple[int, str]:
        cfg = tmp_path / "kiosk.toml"
        # a station code of its own: the shared hub refuses a second active kiosk with one code (issue 13)
        cfg.write_text(tomli_w.dumps({"data_dir": str(data_dir), "station": {"code": station},
                                      "hub": {"url": hub, "connect_timeout_seconds": 1.0}}))
        capsys.readouterr()
        code = main(["--config", str(cfg), *args])
        return code, capsys.readouterr().out
    return run


def test_enrol_then_sync_once_then_list_rejected_with_reason(kiosk, hub, data_dir):
    code, out = kiosk("enrol", "--code", hub.demo_code, "--hub", hub.url)
    assert code == 0 and "enrolled" in out
    token_file = data_dir / "hub_token.json"
    assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600 and load_token(token_file)["token"]

    store = open_store(make_config(data_dir), data_dir)
    good = store.enqueue("dossier", dossier(1)).local_ref
    bad = store.enqueue("payment_intent", {"amount": 5}, schema_version=7).local_ref
    code, out = kiosk("sync", "--once", hub=hub.url)
    assert code == 0 and json.loads(out)["sent"] == 1

    code, out = kiosk("queue", "list", "--status", "rejected")
    assert code == 0 and bad in out and "reason: unsupported_schema_version" in out and good not in out
    code, out = kiosk("queue", "status", "--json")
    status = json.loads(out)
    assert status["counts"]["sent"] == 1 and status["counts"]["rejected"] == 1 and status["phase"] == "idle"

    code, out = kiosk("queue", "requeue", bad)
    assert code == 0 and "queued again" in out
    assert store.lookup(bad).status == "queued"
    assert kiosk("queue", "requeue", "BN01-000101-0001")[0] == 2


def test_sync_once_fails_when_the_hub_is_down(kiosk, data_dir):
    open_store(make_config(data_dir), data_dir).enqueue("dossier", dossier())
    code, out = kiosk("sync", "--once", hub=f"http://127.0.0.1:{free_port()}")
    assert code == 1 and json.loads(out.splitlines()[-1])["stop"] == "network"
    code, out = kiosk("queue", "status")
    assert "phase:         offline" in out and "retry:" in out and "last error:" in out


def test_export_decrypts_personal_fields_only_when_asked(kiosk, data_dir, tmp_path):
    open_store(make_config(data_dir), data_dir).enqueue("dossier", dossier(), {"full_name": "Bùi Thị Sáu"})
    plain, full = tmp_path / "plain.jsonl", tmp_path / "full.jsonl"
    assert kiosk("queue", "export", str(plain))[0] == 0
    assert "Bùi Thị Sáu" not in plain.read_text() and json.loads(plain.read_text())["payload"]["n"] == 0
    assert kiosk("queue", "export", str(full), "--include-personal")[0] == 0
    assert json.loads(full.read_text())["personal"] == {"full_name": "Bùi Thị Sáu"}
    assert stat.S_IMODE(os.stat(full).st_mode) == 0o600


def test_sync_once_refuses_while_another_process_syncs(kiosk, data_dir):
    from offline_queue.db import file_lock
    from offline_queue.runtime import queue_paths

    with file_lock(queue_paths(make_config(data_dir), data_dir).sync_lock):
        code, _ = kiosk("sync", "--once", hub=f"http://127.0.0.1:{free_port()}")
    assert code == 3


def test_enrol_with_a_wrong_code_fails_and_stores_nothing(kiosk, hub, data_dir):
    code, _ = kiosk("enrol", "--code", "ABCD-2345", "--hub", hub.url)
    assert code == 1 and not (data_dir / "hub_token.json").exists()
