"""The kiosk's media network, which a test can make lossy or cut: every UDP datagram the kiosk's ICE agent
(aioice, in this test process) sends or receives passes `KioskNetwork`, which drops a share of them, or all.

Both directions and STUN too (connectivity checks, consent freshness), as when the lobby's Wi-Fi goes: the
doctor's browser (another process) sees its packets vanish; only the kiosk's own socket layer is touched."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aioice.ice import StunProtocol


class KioskNetwork:
    def __init__(self) -> None:
        self.loss = 0.0  # share of datagrams dropped, 0..1 (1: the network is cut)
        self.dropped = 0
        self._random = random.Random(18)

    def cut(self) -> None:
        self.loss = 1.0

    def restore(self) -> None:
        self.loss = 0.0

    def passes(self) -> bool:
        if self.loss and self._random.random() < self.loss:
            self.dropped += 1
            return False
        return True


@contextmanager
def kiosk_network() -> Iterator[KioskNetwork]:
    net = KioskNetwork()
    received, send_data, send_stun = StunProtocol.datagram_received, StunProtocol.send_data, StunProtocol.send_stun

    def on_datagram(self: Any, data: Any, addr: Any) -> None:
        if net.passes():
            received(self, data, addr)

    async def on_send_data(self: Any, data: bytes, addr: Any) -> None:
        if net.passes():
            await send_data(self, data, addr)

    def on_send_stun(self: Any, message: Any, addr: Any) -> None:
        if net.passes():
            send_stun(self, message, addr)

    StunProtocol.datagram_received = on_datagram  # type: ignore[method-assign]
    StunProtocol.send_data = on_send_data  # type: ignore[method-assign]
    StunProtocol.send_stun = on_send_stun  # type: ignore[method-assign]
    try:
        yield net
    finally:
        StunProtocol.datagram_received = received  # type: ignore[method-assign]
        StunProtocol.send_data = send_data  # type: ignore[method-assign]
        StunProtocol.send_stun = send_stun  # type: ignore[method-assign]
