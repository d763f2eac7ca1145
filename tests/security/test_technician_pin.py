"""Issue 13: technician PIN policy; failures and lockouts survive a restart (a power cut gives no fresh guesses)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.pin import DEMO_PIN_HASH, PIN_STATE_FILE, PinGate, hash_pin, pin_problem, state_report, verify_pin

GOOD = "482913"


@pytest.mark.parametrize("pin", ["1234", "0000", "123456", "654321", "000000", "999999", "121212", "123123",
                                 "12345", "abcdef", "12345678901234"])
def test_default_short_and_trivial_pins_are_refused(pin: str) -> None:
    assert pin_problem(pin) is not None
    run = subprocess.run([sys.executable, "-m", "kiosk", "config", "hash-pin", "--stdin"], input=pin + "\n",
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "PIN" in run.stderr and "scrypt$" not in run.stdout


def test_a_good_pin_is_hashed() -> None:
    run = subprocess.run([sys.executable, "-m", "kiosk", "config", "hash-pin", "--stdin"], input=GOOD + "\n",
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and verify_pin(GOOD, run.stdout.strip())


def _check(tmp_path: Path, toml: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "kiosk.toml"
    path.write_text(toml, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "kiosk", "config", "check", str(path)], capture_output=True,
                          text=True, timeout=60)


def test_config_check_refuses_the_shipped_pin_outside_demo_mode(tmp_path: Path) -> None:
    real_hub = "[hub]\nurl = 'https://hub.phuong.example.vn'\nlocal_hub = false\n"
    shipped_code = _check(tmp_path, real_hub)
    assert shipped_code.returncode == 1 and "[station] code: BN01" in shipped_code.stderr  # no shipped default
    real_hub += "[station]\ncode = 'BNG07'\n"
    refused = _check(tmp_path, real_hub)  # the embedded default PIN hash (1234)
    assert refused.returncode == 1 and "demo PIN" in refused.stderr and "technician_pin_hash" in refused.stderr
    common = _check(tmp_path, real_hub + f"[security]\ntechnician_pin_hash = '{hash_pin('123456')}'\n")
    assert common.returncode == 1 and "common" in common.stderr
    good = _check(tmp_path, real_hub + f"[security]\ntechnician_pin_hash = '{hash_pin(GOOD)}'\n")
    assert good.returncode == 0, good.stderr
    demo = _check(tmp_path, "[station]\ncode = 'HB02'\n")  # local demo hub: allowed, with a warning
    assert demo.returncode == 0 and "demo mode only" in demo.stderr


def test_the_kiosk_does_not_start_with_the_shipped_pin_outside_demo_mode(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"data_dir = '{tmp_path / 'data'}'\n[hub]\nurl = 'https://hub.phuong.example.vn'\n"
                    "local_hub = false\n[station]\ncode = 'BNG07'\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path)], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 2 and "demo PIN" in run.stderr


def test_failures_and_the_growing_lockout_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / PIN_STATE_FILE
    hashes = [hash_pin(GOOD)]
    now = 1_800_000_000.0
    gate = PinGate(hashes, max_failures=5, base_lockout=30, state_path=state)
    for _ in range(3):
        gate.try_pin("000000", now)
    rebooted = PinGate(hashes, max_failures=5, base_lockout=30, state_path=state)  # power cut, new process
    assert rebooted.try_pin("000000", now).remaining_tries == 1  # the 3 earlier guesses still count
    assert rebooted.try_pin("000000", now).locked_for == 30
    again = PinGate(hashes, max_failures=5, base_lockout=30, state_path=state)
    assert again.locked_for(now + 10) == pytest.approx(20)
    assert not again.try_pin(GOOD, now + 10).ok  # locked: even the right PIN waits
    assert state_report(state, now + 10) == "locked 20 s (lockouts 1)"
    later = now + 31
    for _ in range(5):
        result = again.try_pin("000000", later)
    assert result.locked_for == 60  # the second lockout is twice as long, across the restarts
    final = PinGate(hashes, max_failures=5, base_lockout=30, state_path=state)
    assert final.try_pin(GOOD, later + 61).ok
    assert state_report(state, later + 61) == "ok"


def test_a_damaged_state_file_fails_closed(tmp_path: Path) -> None:
    state = tmp_path / PIN_STATE_FILE
    state.write_text("{not json", encoding="utf-8")
    gate = PinGate([hash_pin(GOOD)], max_failures=5, base_lockout=30, state_path=state)
    now = 1_800_000_000.0
    for _ in range(4):
        gate.try_pin("000000", now)
    assert gate.try_pin("000000", now).locked_for == 60  # counted as one lockout already served


def test_the_shipped_hash_is_the_demo_pin() -> None:
    from kiosk.config import default_config

    assert default_config().security.technician_pin_hash == DEMO_PIN_HASH and verify_pin("1234", DEMO_PIN_HASH)
