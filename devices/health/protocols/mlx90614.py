"""GY-MCU90614-style IR thermometer modules (MLX90614 + MCU), FORMATS §4.4. Qt-free.

9-byte frames ``66 66 <mode> <len=04> T1H T1L T2H T2L <sum>``: T1 object, T2 ambient, each a
signed 16-bit value in hundredths of °C; the last byte is the low 8 bits of the sum of the first 8.
Command ``66 66 01`` selects continuous output; ``66 66 02`` asks for one frame.
"""

from __future__ import annotations

from core.health.reading import Kind, Reading
from devices.health.protocols.base import Protocol

HEADER = b"\x66\x66"
CMD_CONTINUOUS = b"\x66\x66\x01"
CMD_QUERY = b"\x66\x66\x02"


def _temp(hi: int, lo: int) -> float:
    raw = (hi << 8) | lo
    if raw & 0x8000:
        raw -= 0x10000
    return raw / 100


class Mlx90614(Protocol):
    name = "mlx90614"
    start_command = CMD_CONTINUOUS

    def feed(self, data: bytes) -> list[Reading]:
        self._buf += data
        out: list[Reading] = []
        buf = self._buf
        i = 0
        while True:
            j = buf.find(HEADER, i)
            if j < 0:
                # keep a trailing 0x66: it may be the first half of the next header
                i = len(buf) - 1 if buf.endswith(b"\x66") else len(buf)
                break
            if len(buf) - j < 9:
                i = j
                break
            frame = bytes(buf[j : j + 9])
            if frame[3] != 4 or sum(frame[:8]) & 0xFF != frame[8]:
                self.errors += 1
                i = j + 1
                continue
            values = {"object_c": _temp(frame[4], frame[5]), "ambient_c": _temp(frame[6], frame[7]),
                      "mode": frame[2]}
            out.append(Reading(Kind.TEMPERATURE, values, raw=frame, live=True))
            i = j + 9
        del buf[:i]
        self._trim()
        return out


def encode_frame(object_c: float, ambient_c: float, mode: int = 0x45) -> bytes:
    def word(t: float) -> bytes:
        return (round(t * 100) & 0xFFFF).to_bytes(2, "big")

    head = HEADER + bytes([mode, 4]) + word(object_c) + word(ambient_c)
    return head + bytes([sum(head) & 0xFF])
