"""AES-GCM encryption of personal fields and document photos at rest; the key lives in a 0600 file.

Pure functions plus one file read/create; used from worker threads and the CLI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12


class KeyFileError(RuntimeError):
    """The key file exists but cannot be used (wrong size, unreadable)."""


def load_or_create_key(path: Path) -> bytes:
    """Read the key, or create it (random, mode 0600) on first start. Never overwrites an existing key.

    The new key is written to a private temporary file and hard-linked into place, so two threads or
    processes starting together can never read a half-written key: the loser of the link reads the winner's.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, AESGCM.generate_key(bit_length=KEY_BYTES * 8))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise KeyFileError(f"{path}: expected {KEY_BYTES} bytes, found {len(key)}")
    return key


class Cipher:
    """Encrypts bytes bound to a context (the submission UUID) so a ciphertext cannot be moved to another row."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def encrypt(self, data: bytes, context: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data, context.encode())

    def decrypt(self, blob: bytes, context: str) -> bytes:
        return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())

    def encrypt_json(self, value: dict[str, Any], context: str) -> bytes:
        return self.encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True).encode(), context)

    def decrypt_json(self, blob: bytes, context: str) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.decrypt(blob, context))
        return value
