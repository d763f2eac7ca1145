"""The interface every health-device protocol implements: a pure incremental parser. Qt-free.

``feed(bytes) -> list[Reading]`` handles framing, partial frames, checksums and garbage; it never
raises on bad input (bad frames are counted in ``errors`` and skipped). The protocol also says how
to talk to the device: serial parameters, bytes to send when a measurement starts, an optional
poll command and a keep-alive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.health.reading import Reading

# A frame that never ends must not grow the buffer without limit (garbage, wrong baud rate).
MAX_BUFFER = 4096


@dataclass(frozen=True)
class SerialParams:
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"  # pyserial PARITY_*: N, O, E
    stopbits: float = 1


class Protocol:
    """Base class; subclasses implement :meth:`feed`."""

    name = ""
    serial = SerialParams()
    start_command = b""  # sent when a measurement starts
    stop_command = b""
    poll_command = b""  # sent every ``poll_interval`` seconds while measuring (request/response devices)
    poll_interval = 0.0
    keepalive_command = b""  # sent every ``keepalive_interval`` seconds while the port is open
    keepalive_interval = 0.0

    def __init__(self) -> None:
        self.errors = 0  # frames rejected (checksum, framing): technician detail, never fatal
        self._buf = bytearray()

    def reset(self) -> None:
        self._buf.clear()

    def feed(self, data: bytes) -> list[Reading]:
        raise NotImplementedError

    def _scan_fixed(self, data: bytes, size: int, starts: Callable[[int], bool], valid: Callable[[bytes], bool],
                    decode: Callable[[bytes], Reading]) -> list[Reading]:
        """Fixed-size frames: resync one byte at a time until a start byte begins a valid frame."""
        self._buf += data
        out: list[Reading] = []
        buf, i = self._buf, 0
        while len(buf) - i >= size:
            if not starts(buf[i]):
                i += 1
                continue
            frame = bytes(buf[i : i + size])
            if not valid(frame):
                self.errors += 1
                i += 1
                continue
            out.append(decode(frame))
            i += size
        del buf[:i]
        self._trim()
        return out

    def _trim(self) -> None:
        if len(self._buf) > MAX_BUFFER:
            del self._buf[: len(self._buf) - MAX_BUFFER]
            self.errors += 1
