"""Visomat Double Comfort / Prevention DS-2200PV blood-pressure monitors (FORMATS §4.2). Qt-free.

ASCII between STX (02) and ETX (03). ``R00`` asks for the memory: ``M<user><count:2>`` blocks of
20-character records ``yymmdd HHMM f sss ddd ppp`` (a dummy byte follows a count of 00). Each
record becomes a BLOOD_PRESSURE reading; the end of every dump becomes a STATUS reading
(``event = "dump_end"``) so a session can tell the memory before the measurement from new records.
The device has no remote start: the resident presses its button, the kiosk polls with ``R00``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from core.health.reading import Kind, Reading
from devices.health.protocols.base import Protocol

STX, ETX = 0x02, 0x03
REQUEST_MEMORY = b"\x02R00\x03"
_RECORD = re.compile(rb"(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d)(\d{3})(\d{3})(\d{3})")
MAX_PAYLOAD = 8192  # a full memory: 2 users × 60 records × 20 characters ≈ 2.4 KB


class VisomatError(ValueError):
    """A payload that is not a memory dump; the frame is skipped."""


def parse_dump(payload: bytes) -> list[dict[str, Any]]:
    """Records of one ``R00`` reply payload (without STX/ETX). Raises VisomatError if malformed."""
    records: list[dict[str, Any]] = []
    i = 0
    if not payload.startswith(b"M"):
        raise VisomatError("not a memory dump")
    while i < len(payload):
        if payload[i : i + 1] != b"M" or len(payload) < i + 4 or not payload[i + 1 : i + 4].isdigit():
            raise VisomatError(f"bad user block at {i}")
        user, count = payload[i + 1] - 0x30, int(payload[i + 2 : i + 4])
        i += 4
        if count == 0:
            i += 1  # the dummy byte
            continue
        for _ in range(count):
            m = _RECORD.fullmatch(payload[i : i + 20])
            if m is None:
                raise VisomatError(f"bad record at {i}")
            records.append(_record(user, m))
            i += 20
    return records


def _record(user: int, m: re.Match[bytes]) -> dict[str, Any]:
    yy, mo, dd, hh, mi, flag, sys_, dia, pulse = (int(g) for g in m.groups())
    try:
        when = dt.datetime(2000 + yy, mo, dd, hh, mi).isoformat(timespec="minutes")
    except ValueError:
        when = None  # the device clock was never set: keep the values, drop the time
    return {"user": user, "systolic": sys_, "diastolic": dia, "pulse": pulse, "time": when,
            "flag": flag, "record": m.group(0).decode()}


class Visomat(Protocol):
    name = "visomat"
    poll_command = REQUEST_MEMORY
    poll_interval = 2.0

    def feed(self, data: bytes) -> list[Reading]:
        self._buf += data
        out: list[Reading] = []
        while True:
            start = self._buf.find(STX)
            if start < 0:
                self._buf.clear()
                break
            end = self._buf.find(ETX, start + 1)
            if end < 0:
                del self._buf[:start]
                if len(self._buf) > MAX_PAYLOAD:  # an STX that never ends: drop it
                    self.errors += 1
                    del self._buf[:1]
                    continue
                break
            frame = bytes(self._buf[start : end + 1])
            del self._buf[: end + 1]
            payload = frame[1:-1]
            if STX in payload:  # a frame cut short by a new one: keep the newer start
                self.errors += 1
                self._buf[:0] = payload[payload.rfind(STX) :] + b"\x03"
                continue
            try:
                records = parse_dump(payload)
            except VisomatError:
                self.errors += 1
                continue
            out += [Reading(Kind.BLOOD_PRESSURE, r, raw=frame) for r in records]
            out.append(Reading(Kind.STATUS, {"event": "dump_end", "count": len(records)}, raw=frame))
        return out


def encode_dump(users: dict[int, list[dict[str, Any]]]) -> bytes:
    """The STX/ETX frame a device sends for ``R00`` (simulator). Records need the keys of ``_record``."""
    parts = []
    for user, recs in sorted(users.items()):
        parts.append(f"M{user}{len(recs):02d}")
        if not recs:
            parts.append("1")
        for r in recs:
            parts.append(format_record(r))
    return b"\x02" + "".join(parts).encode() + b"\x03"


def format_record(r: dict[str, Any]) -> str:
    if "record" in r:
        return str(r["record"])
    when = dt.datetime.fromisoformat(r["time"]) if r.get("time") else dt.datetime(2000, 1, 1)
    return f"{when:%y%m%d%H%M}{r.get('flag', 0)}{r['systolic']:03d}{r['diastolic']:03d}{r['pulse']:03d}"
