"""The systemd notification protocol (sd_notify), implemented here: one datagram to $NOTIFY_SOCKET.

Qt-free. Outside systemd (no NOTIFY_SOCKET) every call is a no-op, so the same binary runs in
development. An abstract socket name starts with '@' (sent as a leading NUL byte).
Reference: sd_notify(3), sd_watchdog_enabled(3).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def _address(raw: str) -> str | bytes:
    return b"\0" + raw[1:].encode() if raw.startswith("@") else raw


def notify(state: str, env: Mapping[str, str] | None = None) -> bool:
    """Send ``state`` (e.g. ``"READY=1"``); True if a datagram went out."""
    env = os.environ if env is None else env
    raw = env.get("NOTIFY_SOCKET", "")
    if not raw or not (raw.startswith("/") or raw.startswith("@")):
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(state.encode(), _address(raw))
        return True
    except OSError as exc:  # systemd went away or the socket is gone: never a reason to crash the kiosk
        log.warning("sd_notify %s failed: %s", state.split("=", 1)[0], exc)
        return False


def watchdog_interval(env: Mapping[str, str] | None = None, pid: int | None = None) -> float | None:
    """Seconds between WATCHDOG=1 pings (half of WATCHDOG_USEC), or None when no watchdog is asked for us.

    WATCHDOG_PID, when set, names the process systemd watches: a child we started must not ping.
    """
    env = os.environ if env is None else env
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    watched = env.get("WATCHDOG_PID", "")
    if watched and watched != str(pid if pid is not None else os.getpid()):
        return None
    return usec / 2 / 1_000_000


def ready(status: str = "") -> bool:
    return notify("READY=1" + (f"\nSTATUS={status}" if status else ""))


def status(text: str) -> bool:
    return notify(f"STATUS={text}")


def watchdog_ping() -> bool:
    return notify("WATCHDOG=1")


def stopping() -> bool:
    return notify("STOPPING=1")
