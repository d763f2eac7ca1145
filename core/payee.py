"""Who receives the fees, and the ward's signature on it (issue 13: "money goes only where the ward says").

A payee is a bank BIN, an account and the holder's name (plus a city for the VietQR). The kiosk makes a payment
QR only for the payee pinned in its own configuration, or for one signed with the ward's Ed25519 key:

- the ward runs ``kiosk-hub payee keygen`` once on its own machine (the private key stays there, mode 0600) and
  writes the public key into every kiosk's ``[security] payee_public_key``;
- ``kiosk-hub payee sign`` makes a *payee document*; the hub only serves it (``serve --payee-document``), inside
  its payee answer as ``"signed"``; a hub that is taken over cannot sign another account;
- the kiosk verifies the signature with the pinned key and uses the signed fields, nothing else.

A document: ``{"alg": "Ed25519", "payload": <base64 of the JSON payee>, "signature": <base64>}``. The signature is
over ``SIGNED_CONTEXT + payload bytes``, so the bytes that were signed are the bytes that are read (no JSON
canonicalisation), and a signature made with the same key for another purpose can never pass as a payee.

Pure (``cryptography`` is imported inside the functions: both the kiosk and the hub install it); any thread.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

SIGNED_CONTEXT = b"tram-cong-dan-so payee v1\n"
ALG = "Ed25519"
MAX_DOCUMENT_CHARS = 4096  # a payee is a few hundred bytes; anything bigger is not ours
FIELDS = ("bank_bin", "account", "name", "city")


class PayeeDocumentError(ValueError):
    """A payee document that must not be used; ``code``: malformed | bad_key | bad_signature."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def payee_fields(doc: Any) -> dict[str, str] | None:
    """The well-formed payee fields of ``doc`` (bank_bin, account, name, city), or None (total on any input)."""
    if not isinstance(doc, dict):
        return None
    bank_bin, account, name, city = (doc.get(k) for k in FIELDS)
    if not (isinstance(bank_bin, str) and re.fullmatch(r"[0-9]{6}", bank_bin)):
        return None
    if not (isinstance(account, str) and re.fullmatch(r"[0-9A-Za-z]{1,19}", account)):
        return None
    if not isinstance(name, str) or not name.strip() or not name.isprintable():
        return None
    city = city if isinstance(city, str) and city.isprintable() else ""
    return {"bank_bin": bank_bin, "account": account, "name": name.strip()[:70], "city": city.strip()[:30]}


def _b64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise PayeeDocumentError("malformed", f"{what} is not text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise PayeeDocumentError("malformed", f"{what} is not base64") from exc


def public_key_problem(text: Any) -> str | None:
    """Config check of ``[security] payee_public_key``: empty, or base64 of a raw 32-byte Ed25519 key."""
    if text == "":
        return None
    try:
        _public_key(text)
    except PayeeDocumentError as exc:
        return str(exc)
    return None


def _public_key(text: Any) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = _b64(text.strip() if isinstance(text, str) else text, "the payee public key")
    if len(raw) != 32:
        raise PayeeDocumentError("bad_key", "the payee public key is not base64 of 32 bytes (an Ed25519 key)")
    return Ed25519PublicKey.from_public_bytes(raw)


def generate_keypair() -> tuple[str, str]:
    """(private key, public key): base64 of the raw 32 bytes each (the same form as the update key)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode(), base64.b64encode(public).decode()


def public_key_of(private_key: str) -> str:
    from cryptography.hazmat.primitives import serialization

    public = _private_key(private_key).public_key()
    return base64.b64encode(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()


def _private_key(text: str) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    raw = _b64(text.strip(), "the private key")
    if len(raw) != 32:
        raise PayeeDocumentError("bad_key", "the private key is not base64 of 32 bytes (an Ed25519 key)")
    return Ed25519PrivateKey.from_private_bytes(raw)


def sign_payee(private_key: str, payee: dict[str, Any], issued_at: str, ward: str = "") -> dict[str, str]:
    """The payee document for ``payee`` (checked first: a document for a payee no kiosk accepts is useless)."""
    fields = payee_fields(payee)
    if fields is None:
        raise PayeeDocumentError("malformed", "the payee needs a 6-digit bank BIN, an account (letters and "
                                              "digits, at most 19) and the holder's name")
    body = dict(fields, issued_at=issued_at, ward=ward)
    payload = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
    signature = _private_key(private_key).sign(SIGNED_CONTEXT + payload)
    return {"alg": ALG, "payload": base64.b64encode(payload).decode(),
            "signature": base64.b64encode(signature).decode()}


def read_payee_document(doc: Any) -> dict[str, str]:
    """The payee a document names, *without* checking its signature (the hub serves it; it has no key).

    Raises :class:`PayeeDocumentError` ("malformed") for anything that is not a payee document."""
    if not isinstance(doc, dict) or doc.get("alg") != ALG:
        raise PayeeDocumentError("malformed", "not an Ed25519 payee document")
    payload = _b64(doc.get("payload"), "the payload")
    _b64(doc.get("signature"), "the signature")
    if len(payload) > MAX_DOCUMENT_CHARS:
        raise PayeeDocumentError("malformed", "the payload is too long")
    try:
        body = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PayeeDocumentError("malformed", "the payload is not JSON") from exc
    fields = payee_fields(body)
    if fields is None:
        raise PayeeDocumentError("malformed", "the payload names no usable payee")
    return fields


def verify_payee_document(doc: Any, public_key: str) -> dict[str, str]:
    """The payee of ``doc`` if its signature verifies with ``public_key``; else :class:`PayeeDocumentError`."""
    from cryptography.exceptions import InvalidSignature

    key = _public_key(public_key)
    fields = read_payee_document(doc)
    try:
        key.verify(_b64(doc["signature"], "the signature"), SIGNED_CONTEXT + _b64(doc["payload"], "the payload"))
    except InvalidSignature as exc:
        raise PayeeDocumentError("bad_signature", "the payee document is not signed by the ward's key") from exc
    return fields
