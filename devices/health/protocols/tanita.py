"""Tanita RS-232 lines (SC-330, WB-3000 height/weight station …) and generic scale heads. Qt-free.

Tanita (FORMATS §4.3): one CR LF line per measurement, ``{0,16,~0,1,~1,1,~2,1,`` then KEY,VALUE
pairs ending ``CS,xx`` = sum of the bytes from the start through the comma before ``CS``, mod 256,
two hex digits. Lines that fail the checksum are rejected. Stray bytes between lines (the WB-3000
emits one ~0.1 s after each line) are ignored: a line only counts if it has a valid checksum.

Generic scale heads stream lines like ``ST,GS,   245.6 g``; the pattern is configurable
(named groups ``stability``, ``value``, ``unit``).
"""

from __future__ import annotations

import re

from core.health.reading import Kind, Reading
from devices.health.protocols.base import Protocol

MAX_LINE = 4096  # body-composition monitors print long lines (segmental values)


def checksum(body: bytes) -> str:
    return f"{sum(body) % 256:02X}"


def _split_lines(proto: Protocol, data: bytes) -> list[bytes]:
    """Complete lines (CR or LF terminated) from the buffer; keeps the unfinished rest."""
    proto._buf += data
    lines: list[bytes] = []
    while True:
        cut = [p for p in (proto._buf.find(b"\r"), proto._buf.find(b"\n")) if p >= 0]
        if not cut:
            if len(proto._buf) > MAX_LINE:
                proto.errors += 1
                proto._buf.clear()
            return lines
        pos = min(cut)
        line = bytes(proto._buf[:pos])
        del proto._buf[: pos + 1]
        if line.strip():
            lines.append(line)


def parse_tanita_line(line: bytes) -> dict[str, str] | None:
    """KEY→VALUE of one line if its checksum is right, else None."""
    start = line.find(b"{")
    if start < 0:
        start = line.find(b"MO,")  # stations that skip the header
        if start < 0:
            return None
    line = line[start:]
    cs_at = line.rfind(b",CS,")
    if cs_at < 0:
        return None
    given = line[cs_at + 4 : cs_at + 6]
    if checksum(line[: cs_at + 1]) != given.decode("ascii", "replace").upper():
        return None
    text = line[: cs_at].decode("ascii", "replace").lstrip("{")
    items = text.split(",")
    if len(items) % 2:
        return None
    return {items[k]: items[k + 1].strip('"') for k in range(0, len(items), 2)}


def _num(fields: dict[str, str], key: str) -> float | None:
    try:
        value = float(fields[key])
    except (KeyError, ValueError):
        return None
    return value if value == value and abs(value) != float("inf") else None


class Tanita(Protocol):
    name = "tanita"

    def feed(self, data: bytes) -> list[Reading]:
        out = []
        for line in _split_lines(self, data):
            fields = parse_tanita_line(line)
            if fields is None:
                self.errors += 1
                continue
            weight = _num(fields, "Wk")
            if weight is None:
                self.errors += 1
                continue
            values = {"weight_kg": weight, "height_cm": _num(fields, "Hm"), "bmi": _num(fields, "MI"),
                      "model": fields.get("MO", ""), "serial": fields.get("SN", "")}
            out.append(Reading(Kind.BODY, values, raw=line))
        return out


def encode_tanita(weight_kg: float, height_cm: float | None = None, bmi: float | None = None,
                  model: str = "WB-3000") -> bytes:
    body = f'{{0,16,~0,1,~1,1,~2,1,MO,"{model}",'
    if height_cm is not None:
        body += f"Hm,{height_cm:.1f},"
    body += f"Wk,{weight_kg:.1f},"
    if bmi is not None:
        body += f"MI,{bmi:.1f},"
    raw = body.encode()
    return raw + b"CS," + checksum(raw).encode() + b"}\r\n"


DEFAULT_SCALE_PATTERN = (r"^(?P<stability>ST|US),(?P<mode>GS|NT|TR)?,?\s*(?P<value>[+-]?\s*\d+(?:\.\d+)?)"
                         r"\s*(?P<unit>kg|g|lb)\s*$")
_TO_KG = {"kg": 1.0, "g": 0.001, "lb": 0.45359237}


class GenericScale(Protocol):
    """Configurable line parser; ``ST`` lines are finished weights, ``US`` lines are live."""

    name = "generic_scale"

    def __init__(self, pattern: str = "") -> None:
        super().__init__()
        self.pattern = re.compile(pattern or DEFAULT_SCALE_PATTERN)

    def feed(self, data: bytes) -> list[Reading]:
        out = []
        for line in _split_lines(self, data):
            m = self.pattern.match(line.decode("ascii", "replace").strip())
            if m is None:
                self.errors += 1
                continue
            groups = m.groupdict()
            try:
                value = float((groups.get("value") or "").replace(" ", ""))
            except ValueError:
                self.errors += 1
                continue
            kg = round(value * _TO_KG.get((groups.get("unit") or "kg").lower(), 1.0), 3)
            stable = (groups.get("stability") or "ST").upper() == "ST"
            out.append(Reading(Kind.WEIGHT, {"weight_kg": kg, "stable": stable}, raw=line, live=not stable))
        return out


def encode_scale(weight_kg: float, stable: bool = True) -> bytes:
    return f"{'ST' if stable else 'US'},GS,{weight_kg:9.2f} kg\r\n".encode()
