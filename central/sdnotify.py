"""systemd readiness notification (Type=notify): one datagram to $NOTIFY_SOCKET, nothing when not under systemd."""

from __future__ import annotations

import os
import socket


def notify(message: str = "READY=1") -> bool:
    """True when systemd was told. With several uvicorn workers the unit sets NotifyAccess=all: the first worker
    that has its database ready reports the service ready."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # abstract namespace socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode(), address)
    except OSError:
        return False
    return True
