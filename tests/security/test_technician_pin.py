"""Issue 13: technician PIN policy; failures and lockouts survive a restart (a power cut gives no fresh guesses)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from central.local import LocalHub
from core.pin import (
    DEMO_PIN_HASH,
    PIN_STATE_FILE,
    PinGate,
    hash_pin,
    pin_problem,
    shows_long_pin,
    state_report,
    verify_pin,
)

GOOD = "482913"


@pytest.fixture(scope="module")
def module_hub(tmp_path_factory: pytest.TempPathFactory):
    with LocalHub(tmp_path_factory.mktemp("pin-hub"), startup_timeout=120.0) as hub:  # slow under a loaded machine
        yield hub


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


PAYEE = "payee_bank_bin = '970436'\npayee_account = '0071000123456'\n"  # pinned, as every real install must


def test_config_check_refuses_the_shipped_pin_outside_demo_mode(tmp_path: Path) -> None:
    real_hub = "[hub]\nurl = 'https://hub.phuong.example.vn'\nlocal_hub = false\n"
    shipped_code = _check(tmp_path, real_hub)
    assert shipped_code.returncode == 1 and "[station] code: BN01" in shipped_code.stderr  # no shipped default
    real_hub += "[station]\ncode = 'BNG07'\n"
    refused = _check(tmp_path, real_hub)  # the embedded default PIN hash (1234)
    assert refused.returncode == 1 and "demo PIN" in refused.stderr and "technician_pin_hash" in refused.stderr
    common = _check(tmp_path, real_hub + f"[security]\n{PAYEE}technician_pin_hash = '{hash_pin('123456')}'\n")
    assert common.returncode == 1 and "common" in common.stderr
    good = _check(tmp_path, real_hub + f"[security]\n{PAYEE}technician_pin_hash = '{hash_pin(GOOD)}'\n")
    assert good.returncode == 0, good.stderr
    demo = _check(tmp_path, "[station]\ncode = 'HB02'\n")  # local demo hub: allowed, with a warning
    assert demo.returncode == 0 and "demo mode only" in demo.stderr


@pytest.mark.parametrize("pin", ["4829", "48291"])
def test_config_check_refuses_a_pin_shorter_than_6_digits_from_its_hash_alone(tmp_path: Path, pin: str) -> None:
    """`hash-pin` refuses such PINs, but a hash made by hand (or by an older version) must not slip through."""
    real_hub = "[hub]\nurl = 'https://hub.phuong.example.vn'\nlocal_hub = false\n[station]\ncode = 'BNG07'\n"
    by_hand = hash_pin(pin, salt=os.urandom(16))  # what an older `hash-pin` or a script would have made
    assert verify_pin(pin, by_hand) and not shows_long_pin(by_hand) and shows_long_pin(hash_pin(GOOD))
    assert not shows_long_pin(hash_pin(pin))  # the mark is never given to a short PIN
    for pin_hash in (by_hand, hash_pin(pin)):
        refused = _check(tmp_path, real_hub + f"[security]\n{PAYEE}technician_pin_hash = '{pin_hash}'\n")
        assert refused.returncode == 1 and "6 or more digits" in refused.stderr, refused.stderr
    operator = _check(tmp_path, real_hub + f"[security]\n{PAYEE}technician_pin_hash = '{hash_pin(GOOD)}'\n"
                                           f"operator_pin_hash = '{by_hand}'\n")
    assert operator.returncode == 1 and "operator_pin_hash" in operator.stderr
    # the same hash moved into the salt of a 6-digit hash does not verify: the mark cannot be forged by editing
    marked_salt = hash_pin(GOOD).split("$")[4]
    scheme, n, r, p_, _salt, key = by_hand.split("$")
    assert not verify_pin(pin, "$".join((scheme, n, r, p_, marked_salt, key)))
    # and the kiosk does not start with it outside demo mode
    path = tmp_path / "start.toml"
    path.write_text(f"data_dir = '{tmp_path / 'data'}'\n{real_hub}[security]\n{PAYEE}"
                    f"technician_pin_hash = '{by_hand}'\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path)], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 2 and "6 or more digits" in run.stderr


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


def test_the_lockout_screen_counts_down_live_after_a_restart(make_app, qtbot, monkeypatch) -> None:
    from types import SimpleNamespace

    from PySide6.QtCore import Qt

    import screens.technician.pin_pad as pin_pad
    from screens.technician.pin_pad import clock

    app = make_app()
    state = app.data_dir / PIN_STATE_FILE
    before = PinGate([hash_pin(GOOD)], max_failures=5, base_lockout=30, state_path=state)  # the kiosk before a reboot
    for _ in range(5):
        before.try_pin("000000", time.time())
    app.flow.go("technician.pin")  # the gate of this (new) app reads the lockout from the file
    pad = app.pin_screen
    assert pad.is_locked and not any(key.isEnabled() for key in pad.keys.values())
    first = pad.seconds_locked
    assert 2 <= first <= 30 and clock(first) in pad.status.text(), first
    qtbot.waitUntil(lambda: pad.seconds_locked < first, timeout=5000)  # it ticks by itself
    assert clock(pad.seconds_locked) in pad.status.text()
    # half a minute later (the screen's clock moved on, as wall-clock time does across a reboot): open again
    monkeypatch.setattr(pin_pad, "time", SimpleNamespace(time=lambda: time.time() + 31))
    qtbot.waitUntil(lambda: not pad.is_locked and pad.keys["OK"].isEnabled(), timeout=5000)
    assert pad.status.text() == ""
    for digit in "1234":  # the demo configuration's PIN works again once the lockout is over
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pad.unlocked, timeout=5000):
        qtbot.mouseClick(pad.keys["OK"], Qt.MouseButton.LeftButton)


def test_clock_format_of_long_lockouts() -> None:
    from screens.technician.pin_pad import clock

    assert [clock(s) for s in (5, 65, 3600, 86_399)] == ["0:05", "1:05", "1:00:00", "23:59:59"]


def test_a_lockout_reaches_the_hub_in_the_heartbeat(qtbot, threads, module_hub, tmp_path: Path) -> None:
    from kiosk.services.bus import AppBus
    from kiosk.services.storage import StorageService
    from kiosk.services.sync import SyncService
    from tests.queue.conftest import kiosk_id, make_config

    data_dir = tmp_path / "kiosk"
    gate = PinGate([hash_pin(GOOD)], max_failures=5, base_lockout=600, state_path=data_dir / PIN_STATE_FILE)
    for _ in range(5):
        gate.try_pin("000000", time.time())
    config = make_config(data_dir, module_hub.url, heartbeat_interval_seconds=1)
    bus = AppBus()
    storage = StorageService(config, data_dir, threads, bus)
    sync = SyncService(config, data_dir, threads, bus, storage=storage)
    storage.start()
    sync.start()

    def devices() -> dict:
        if not (data_dir / "hub_token.json").exists():
            return {}
        mine = kiosk_id(config, data_dir)
        return next((k["devices"] or {} for k in module_hub.fleet()["kiosks"] if k["kiosk_id"] == mine), {})

    qtbot.waitUntil(lambda: devices().get("technician_pin", "").startswith("locked"), timeout=20_000)
    assert devices()["technician_pin"].endswith("(lockouts 1)")
    assert devices()["payee"] == "not_pinned"  # no payee in this configuration: the hub is told too
