"""Bill payment fixtures: example billers (test data, labelled as such) and a biller service process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.formats.vietqr import build_vietqr

# Example billers written by the team for tests; the product ships an empty list (core/assets/billers).
EXAMPLE_LIST = {"format": 1, "billers": [
    {"id": "dien-vi-du", "name": "Công ty Điện lực Ví Dụ", "kind": "electricity", "bank_bin": "970436",
     "account": "0011001234567", "source": "test data written by the team", "lookup": True},
    {"id": "nuoc-vi-du", "name": "Công ty Nước sạch Ví Dụ", "kind": "water", "bank_bin": "970415",
     "account": "112000000999", "source": "test data written by the team"},
]}
EXAMPLE_BILLS = {"PD01000123456": {"amount": 452300, "period": "11/2026"}}


def bill_qr(bank_bin: str = "970436", account: str = "0011001234567", amount: int = 452300,
            purpose: str = "PD01000123456 T11", name: str | None = "DIEN LUC VI DU") -> str:
    return build_vietqr(bank_bin, account, amount, purpose, merchant_name=name)


@pytest.fixture
def example_list() -> dict:
    return json.loads(json.dumps(EXAMPLE_LIST))


@pytest.fixture
def biller_service(tmp_path: Path) -> Iterator[str]:
    """A biller's look-up service as its own process on 127.0.0.1; yields its base URL."""
    data = tmp_path / "bills.json"
    data.write_text(json.dumps(EXAMPLE_BILLS), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("biller_service.py")), str(data)],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("PORT "), line
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def lookup_hub(local_hub_factory, biller_service: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A hub process (serve --biller-adapters) with the example list published; its adapter asks
    ``biller_service`` (another process) for "dien-vi-du"."""
    import subprocess
    import sys

    adapters = tmp_path / "adapters.json"
    adapters.write_text(json.dumps({"dien-vi-du": {"protocol": "bill-lookup/1", "url": biller_service}}))
    hub = local_hub_factory(extra_args=["--biller-adapters", str(adapters)])
    source = tmp_path / "billers.json"
    source.write_text(json.dumps(EXAMPLE_LIST, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "central", "billers", "publish", str(source), "--db", hub.db_url],
                   check=True, capture_output=True, timeout=60)
    return hub
