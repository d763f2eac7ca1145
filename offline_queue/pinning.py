"""The public-key pin check on the hub connection: a requests adapter whose HTTPS connections verify, right
after the TLS handshake and before any request byte is sent, that a key of the verified chain is pinned.

Why the key and not urllib3's ``assert_fingerprint`` (which compares the whole certificate): see offline_queue/tls.py.
Runs in whichever thread owns the HubClient; no Qt.
"""

from __future__ import annotations

import _ssl  # the private chain's certificate objects take its encoding constants
import base64
import ssl
from collections.abc import Iterable
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool

from offline_queue.tls import PIN_PREFIX, parse_pin, spki_sha256


class PinMismatch(ssl.SSLError):
    """No key of the hub's verified certificate chain matches a configured pin (urllib3 wraps it as SSLError)."""


def chain_of(sock: Any) -> list[bytes]:
    """DER certificates of the verified chain (leaf first); only the leaf where Python cannot tell the chain."""
    chain = getattr(sock, "get_verified_chain", None)  # Python 3.13+
    if chain is None:
        sslobj = getattr(sock, "_sslobj", None)  # 3.10-3.12 have it on the private object
        chain = getattr(sslobj, "get_verified_chain", None)
    certs: list[bytes] = []
    if chain is not None:
        for cert in chain() or []:
            certs.append(cert if isinstance(cert, bytes) else cert.public_bytes(_ssl.ENCODING_DER))
    leaf = sock.getpeercert(binary_form=True)
    if leaf and leaf not in certs:
        certs.insert(0, leaf)
    return certs


def check_pins(sock: Any, pins: frozenset[bytes]) -> None:
    """Raise :class:`PinMismatch` unless a key of the peer's verified chain is pinned."""
    keys = [spki_sha256(der) for der in chain_of(sock)]
    if not any(key in pins for key in keys):
        seen = ", ".join(PIN_PREFIX + base64.b64encode(k).decode() for k in keys[:3]) or "none"
        raise PinMismatch(f"hub public key pin mismatch: the hub presented {seen}")


def _pinned_pool(pins: frozenset[bytes]) -> type[HTTPSConnectionPool]:
    class PinnedConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            try:
                check_pins(self.sock, pins)
            except BaseException:
                self.close()
                raise

    class PinnedPool(HTTPSConnectionPool):
        ConnectionCls = PinnedConnection

    return PinnedPool


class PinnedAdapter(HTTPAdapter):
    """A requests adapter whose HTTPS connections check the key pins after the handshake (proxied ones too)."""

    def __init__(self, pins: Iterable[str], **kwargs: Any) -> None:
        self.pins = frozenset(parse_pin(p) for p in pins)
        if not self.pins:
            raise ValueError("PinnedAdapter needs at least one pin")
        super().__init__(**kwargs)

    def _pin(self, manager: Any) -> Any:
        manager.pool_classes_by_scheme = {**manager.pool_classes_by_scheme, "https": _pinned_pool(self.pins)}
        return manager

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self._pin(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        fresh = proxy not in self.proxy_manager
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        return self._pin(manager) if fresh else manager
