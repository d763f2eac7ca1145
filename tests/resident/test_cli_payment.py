"""``kiosk payment qr``: a technician checks the payee set-up; the payload parses independently."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import qr_pay

from tests.resident.conftest import module_hub  # noqa: F401


def kiosk(capsys, config: Path, *args: str) -> SimpleNamespace:
    """``kiosk --config FILE payment qr ARGS`` through the real CLI entry point, in this process (fast)."""
    from kiosk.cli import main

    code = main(["--config", str(config), "payment", "qr", *args])
    out = capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out.out, stderr=out.err)


def write_config(tmp_path: Path, hub_url: str, code: str = "") -> Path:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{data}"\n[hub]\nurl = "{hub_url}"\nlocal_hub = false\nenrolment_code = "{code}"\n'
                    "connect_timeout_seconds = 1.0\nread_timeout_seconds = 3.0\n"
                    # the demo hub's payee, pinned as on an installed kiosk (issue 13)
                    "[security]\npayee_bank_bin = '970436'\npayee_account = '0071000123456'\n", encoding="utf-8")
    return path


def test_payload_from_the_hub_then_from_the_cache_when_it_is_unreachable(tmp_path, capsys, module_hub):  # noqa: F811
    config = write_config(tmp_path, module_hub.url, module_hub.demo_code)
    done = kiosk(capsys, config, "--amount", "20000", "--reference", "bn01 261121 0007", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    decoded = qr_pay.decode(out["payload"])
    assert out["source"] == "hub" and decoded["bin_id"] == "970436" and decoded["consumer_id"] == "0071000123456"
    assert decoded["transaction_amount"] == "20000" and decoded["bill_number"] == "BN01-261121-0007"

    offline = write_config(tmp_path, "http://127.0.0.1:9")  # same data dir: the cached payee
    done = kiosk(capsys, offline, "--amount", "15000", "--reference", "HS-2026-000123")
    assert done.returncode == 0, done.stderr
    assert "cache" in done.stderr and qr_pay.decode(done.stdout.strip())["consumer_id"] == "0071000123456"


def test_no_payee_anywhere_and_bad_input(tmp_path, capsys):
    config = write_config(tmp_path, "http://127.0.0.1:9")
    done = kiosk(capsys, config, "--amount", "20000", "--reference", "BN01-261121-0007")
    assert done.returncode == 1 and "no payee" in done.stderr
    assert kiosk(capsys, config, "--amount", "0", "--reference", "BN01-261121-0007").returncode == 2
    assert kiosk(capsys, config, "--amount", "5", "--reference", "hello").returncode == 2
