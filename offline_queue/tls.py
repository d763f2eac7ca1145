"""TLS policy for the hub connection: https:// only (except on this machine), the CA bundle, public-key pins.

Pure helpers; no Qt, no network. Used by hub_client.py in whichever thread owns the
client, and by the config schema to refuse a bad ``[hub] url`` or pin before the kiosk starts.

Why pin the *public key* (sha256 of the SubjectPublicKeyInfo, the format of curl's ``--pinnedpubkey`` and of
HPKP) and not the certificate: urllib3's ``assert_fingerprint`` compares the whole certificate, which changes
at every renewal (Caddy's internal CA issues 12-hour certificates), so a fleet pinned that way would stop
syncing twice a day. A key survives renewal when the key is reused, and a pin may name a key anywhere in the
verified chain (the hub's own, its intermediate or its root), as browsers did for HPKP. The check runs right
after the handshake on every new connection, before the first byte of a request (and its bearer token) is sent
(offline_queue/pinning.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import ipaddress
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

PIN_PREFIX = "sha256/"


def hub_url_problem(url: str) -> str | None:
    """Why ``url`` may not be used for the hub, or None. Empty means "not configured" and is no problem here.

    Plain http:// is allowed only to this machine (the demo/local hub on 127.0.0.1): anywhere else the bearer
    token and residents' data would cross the network readable by anyone on the way.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "the hub URL is not a valid URL"
    if parts.scheme not in ("http", "https") or not host:
        return "the hub URL must start with https:// and name a host"
    if parts.scheme == "http" and not is_loopback(host):
        return f"http:// is only allowed for a hub on this machine; use https://{host}/ (TLS)"
    return None


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_pin(text: str) -> bytes:
    """``sha256/<base64>`` (also curl's ``sha256//<base64>``) or 64 hex digits → the 32-byte digest."""
    value = text.strip()
    if value[:len(PIN_PREFIX)].lower() == PIN_PREFIX:
        rest = value[len(PIN_PREFIX):]
        # base64 may itself start with "/", so curl's extra slash is dropped only when that is what decodes
        for b64 in (rest, rest[1:]) if rest.startswith("/") else (rest,):
            digest = _b64_32(b64)
            if digest is not None:
                return digest
        raise ValueError(f"{value[:20]!r}… is not the base64 of a sha256 digest after sha256/")
    try:
        digest = bytes.fromhex(value)
    except ValueError:
        raise ValueError("a pin is sha256/<base64> or 64 hex digits") from None
    if len(digest) != 32:
        raise ValueError("a sha256 pin is 32 bytes (64 hex digits)")
    return digest


def _b64_32(text: str) -> bytes | None:
    try:
        digest = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return digest if len(digest) == 32 else None


def pins_problem(pins: Iterable[Any]) -> str | None:
    """The config check for ``[hub] pinned_keys``: None when every entry parses."""
    for pin in pins:
        try:
            parse_pin(str(pin))
        except ValueError as exc:
            return str(exc)
    return None


def spki_sha256(der_certificate: bytes) -> bytes:
    """sha256 of a certificate's SubjectPublicKeyInfo (the key, not the certificate)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    cert = x509.load_der_x509_certificate(der_certificate)
    return hashlib.sha256(cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)).digest()


def pin_of_certificate(pem_or_der: bytes) -> str:
    """The ``sha256/<base64>`` pin of a certificate file's key (what a technician writes into the config)."""
    import ssl

    if pem_or_der.lstrip().startswith(b"-----BEGIN"):
        der = ssl.PEM_cert_to_DER_cert(pem_or_der.decode("ascii", "replace"))
    else:
        der = pem_or_der
    return PIN_PREFIX + base64.b64encode(spki_sha256(der)).decode()
