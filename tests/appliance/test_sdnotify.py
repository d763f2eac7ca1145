"""sd_notify: READY=1 when home is interactive, WATCHDOG=1 from the GUI loop, and silence when it is blocked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.appliance import sdnotify
from tests.appliance.notify_listener import NotifyListener

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def listener(tmp_path):
    lst = NotifyListener(tmp_path / "notify.sock")
    yield lst
    lst.close()


def test_notify_is_a_no_op_outside_systemd():
    assert sdnotify.notify("READY=1", env={}) is False
    assert sdnotify.notify("READY=1", env={"NOTIFY_SOCKET": "relative/path"}) is False


def test_notify_reaches_a_path_socket(listener):
    assert sdnotify.notify("READY=1\nSTATUS=ok", env={"NOTIFY_SOCKET": listener.path})
    assert listener.wait_for("READY=1")
    assert listener.messages[0][1] == "READY=1\nSTATUS=ok"


def test_notify_reaches_an_abstract_socket():
    name = f"tram-test-{os.getpid()}-{time.monotonic_ns()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(b"\0" + name.encode())
        sock.settimeout(2)
        assert sdnotify.notify("WATCHDOG=1", env={"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(100) == b"WATCHDOG=1"


def test_a_vanished_socket_is_logged_not_raised(tmp_path):
    assert sdnotify.notify("READY=1", env={"NOTIFY_SOCKET": str(tmp_path / "gone.sock")}) is False


@pytest.mark.parametrize(("env", "pid", "expected"), [
    ({"WATCHDOG_USEC": "30000000"}, 5, 15.0),
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "5"}, 5, 15.0),
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "6"}, 5, None),  # systemd watches another process
    ({"WATCHDOG_USEC": "0"}, 5, None),
    ({"WATCHDOG_USEC": "soon"}, 5, None),
    ({}, 5, None),
])
def test_watchdog_interval_is_half_of_watchdog_usec(env, pid, expected):
    assert sdnotify.watchdog_interval(env, pid) == expected


def test_pings_come_from_the_gui_loop_and_stop_when_it_is_blocked(qtbot, listener, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from kiosk.appliance.watchdog import SystemdNotifier

    monkeypatch.setenv("NOTIFY_SOCKET", listener.path)
    monkeypatch.setenv("WATCHDOG_USEC", "200000")  # a ping every 100 ms
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    window = QWidget()
    qtbot.addWidget(window)
    notifier = SystemdNotifier(window)
    notifier.start()
    qtbot.wait(300)
    assert not listener.times("READY=1"), "ready before the window is shown"
    window.show()
    qtbot.waitUntil(lambda: bool(listener.times("READY=1")), timeout=5000)
    qtbot.waitUntil(lambda: len(listener.times("WATCHDOG=1")) >= 4, timeout=5000)

    # Freeze the GUI thread for 2 s (20 intervals): the pings stop while it is blocked. One ping sent just
    # before the freeze may still be on its way to the listener thread on a loaded machine; no more.
    qtbot.wait(150)
    blocked_from = time.monotonic()
    time.sleep(2.0)
    blocked_until = time.monotonic()
    during = [t for t in listener.times("WATCHDOG=1") if blocked_from < t < blocked_until]
    assert len(during) <= 1, f"{len(during)} pings while the GUI loop was blocked"
    assert not [t for t in during if t > blocked_from + 0.5]
    # ...and they resume once the loop runs again.
    before = len(listener.times("WATCHDOG=1"))
    qtbot.waitUntil(lambda: len(listener.times("WATCHDOG=1")) >= before + 3, timeout=5000)
    notifier.stop()
    assert listener.wait_for("STOPPING=1", timeout=2)


def test_the_kiosk_process_says_ready_and_keeps_pinging(tmp_path, listener):
    """The real ``kiosk`` command, as systemd starts it: READY=1 once home is up, then repeated WATCHDOG=1."""
    env = dict(os.environ, NOTIFY_SOCKET=listener.path, WATCHDOG_USEC="400000", QT_QPA_PLATFORM="offscreen",
               HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_STATE_HOME=str(tmp_path / "state"), JOURNAL_STREAM="1:1")
    config = tmp_path / "kiosk.toml"
    from core.pin import hash_pin

    # An installed station's configuration: its own station code and technician PIN (start-up refuses the
    # shipped example code and the demo PIN outside demo mode).
    config.write_text(f'data_dir = "{tmp_path / "var"}"\n[station]\ncode = "SN07"\n[security]\n'
                      f'technician_pin_hash = "{hash_pin("583920")}"\n[hub]\nlocal_hub = false\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert listener.wait_for("READY=1", timeout=90), proc.stderr.read1().decode()[-2000:] if proc.poll() else ""
        ready_at = listener.times("READY=1")[0]
        assert listener.wait_for("WATCHDOG=1", count=5, timeout=30)
        assert any(t > ready_at for t in listener.times("WATCHDOG=1"))
    finally:
        proc.terminate()
        proc.wait(30)
    assert not (tmp_path / "state").exists() or not list((tmp_path / "state").rglob("kiosk.log")), \
        "under systemd the log goes to journald (stderr), not a file"
