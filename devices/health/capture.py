"""Read a device capture file into the bytes the device sent on the wire. Qt-free, any thread.

Formats: hex text (``.hex``, whitespace ignored), raw bytes (``.bin``), or text captures whose
non-comment lines are frames: Visomat payloads are wrapped in STX/ETX, line protocols get CR LF.
"""

from __future__ import annotations

import string
from pathlib import Path

_HEX = set(string.hexdigits + string.whitespace)
_LINE_PROTOCOLS = {"tanita", "generic_scale"}


def capture_bytes(text_or_bytes: bytes, protocol: str, suffix: str = "") -> bytes:
    if suffix == ".bin":
        return text_or_bytes
    try:
        text = text_or_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return text_or_bytes
    if suffix == ".hex" or (text.strip() and set(text) <= _HEX):
        return bytes.fromhex("".join(text.split()))
    frames = [line.rstrip("\r\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if protocol == "visomat":
        return b"".join(b"\x02" + f.encode() + b"\x03" for f in frames)
    if protocol in _LINE_PROTOCOLS:
        return b"".join(f.encode() + b"\r\n" for f in frames)
    return "\n".join(frames).encode()


def load_capture(path: str | Path, protocol: str) -> bytes:
    path = Path(path)
    return capture_bytes(path.read_bytes(), protocol, path.suffix.lower())
