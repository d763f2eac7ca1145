"""What each simulated health device says: scripted readings in the protocol's real bytes. Qt-free.

A behaviour gets the driver's bytes (``on_input``) and a clock tick (``tick``) and returns bytes to
send. Timings are parameters so tests can run fast and ``make run`` feels real. Used by
simulator.PtySimulator; pure enough to test without a pty.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from devices.health.protocols import cms50, mlx90614, tanita, visomat


class _Base:
    def on_input(self, data: bytes, now: float) -> bytes:
        return b""

    def tick(self, now: float) -> bytes:
        return b""


class OximeterSim(_Base):
    """CMS50 stream: ``searching_s`` of searching, then valid samples at ``rate`` per second.

    New firmware streams only after the start command (and restarts the scenario on it); old
    firmware streams all the time and loops its scenario (``cycle_s``).
    """

    def __init__(self, firmware: str = "new", spo2: int = 98, pulse: int = 72, rate: int = 60,
                 searching_s: float = 1.0, finger_out_s: float = 0.0, cycle_s: float = 30.0) -> None:
        self.new = firmware == "new"
        self.spo2, self.pulse, self.rate = spo2, pulse, rate
        self.searching_s, self.finger_out_s, self.cycle_s = searching_s, finger_out_s, cycle_s
        self._t0: float | None = None
        self._sent = 0
        self._buf = bytearray()

    def on_input(self, data: bytes, now: float) -> bytes:
        self._buf += data
        if self.new and cms50.CMD_START_LIVE in self._buf:
            self._t0, self._sent = now, 0
        if self.new and cms50.CMD_STOP_LIVE in self._buf:
            self._t0 = None
        del self._buf[: max(0, len(self._buf) - 8)]
        return b""

    def tick(self, now: float) -> bytes:
        if self._t0 is None:
            if self.new:
                return b""
            self._t0 = now
        due = int((now - self._t0) * self.rate)
        out = bytearray()
        while self._sent < min(due, self._sent + self.rate):  # never more than 1 s at once
            out += self.packet(self._sent / self.rate)
            self._sent += 1
        self._sent = max(self._sent, due)
        return bytes(out)

    def packet(self, t: float) -> bytes:
        if not self.new and self.cycle_s:
            t %= self.cycle_s
        encode = cms50.encode_new if self.new else cms50.encode_old
        if t < self.finger_out_s:
            return encode(0, None, None, finger_out=True)
        if t < self.finger_out_s + self.searching_s:
            return encode(0, None, None, searching=True)
        beat = 60.0 / max(self.pulse, 1)
        phase = (t % beat) / beat
        pleth = int(8 + 64 * math.exp(-((phase - 0.2) ** 2) / 0.01))
        heartbeat = int(t * self.rate) % max(1, round(beat * self.rate)) == round(0.2 * beat * self.rate)
        return encode(pleth, self.spo2, self.pulse, heartbeat=heartbeat)


class VisomatSim(_Base):
    """Answers ``R00`` with its memory. While the kiosk keeps polling, a new record appears every
    ``measure_s`` seconds (the resident pressed the monitor's button), taken from ``script``."""

    def __init__(self, script: Iterable[tuple[int, int, int]] = ((128, 82, 70), (124, 80, 72)),
                 memory: list[str] | None = None, measure_s: float = 6.0, user: int = 1) -> None:
        self.script = itertools.cycle(list(script))
        self.memory: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for rec in memory or []:
            self.memory.setdefault(1, []).append({"record": rec})
        self.measure_s, self.user = measure_s, user
        self._buf = bytearray()
        self._streak_start: float | None = None
        self._last_poll = 0.0

    def on_input(self, data: bytes, now: float) -> bytes:
        self._buf += data
        out = b""
        while visomat.REQUEST_MEMORY in self._buf:
            at = self._buf.find(visomat.REQUEST_MEMORY)
            del self._buf[: at + len(visomat.REQUEST_MEMORY)]
            if self._streak_start is None or now - self._last_poll > max(5.0, 3 * self.measure_s):
                self._streak_start = now  # a new resident started polling
            self._last_poll = now
            # one new record at most per ``measure_s`` (a cuff takes that long), never a burst
            if now - self._streak_start >= self.measure_s:
                self.add(*next(self.script))
                self._streak_start = now
            out += visomat.encode_dump(self.memory)
        del self._buf[: max(0, len(self._buf) - 8)]
        return out

    def add(self, systolic: int, diastolic: int, pulse: int) -> None:
        import datetime as dt

        rec = {"time": dt.datetime.now().isoformat(timespec="minutes"), "flag": 0,
               "systolic": systolic, "diastolic": diastolic, "pulse": pulse}
        recs = self.memory.setdefault(self.user, [])
        recs.append(rec)
        del recs[:-60]  # the device keeps 60 per user; the oldest go first


class TanitaSim(_Base):
    """A line every ``interval_s`` (someone stepped off the station), then the WB-3000 stray byte."""

    def __init__(self, script: Iterable[tuple[float, float | None]] = ((62.5, 165.0),), interval_s: float = 4.0,
                 with_bmi: bool = True, stray: bool = True, first_after_s: float | None = None) -> None:
        self.script = itertools.cycle(list(script))
        self.interval_s, self.with_bmi, self.stray = interval_s, with_bmi, stray
        self.first_after_s = interval_s if first_after_s is None else first_after_s
        self._next: float | None = None
        self._stray_at: float | None = None

    def tick(self, now: float) -> bytes:
        if self._next is None:
            self._next = now + self.first_after_s
        out = b""
        if self._stray_at is not None and now >= self._stray_at:
            out, self._stray_at = b"\x00", None
        if now >= self._next:
            weight, height = next(self.script)
            bmi = round(weight / (height / 100) ** 2, 1) if height and self.with_bmi else None
            out += tanita.encode_tanita(weight, height, bmi)
            self._next = now + self.interval_s
            self._stray_at = now + 0.1 if self.stray else None
        return out


class GenericScaleSim(_Base):
    def __init__(self, weight_kg: float = 58.3, interval_s: float = 0.25, unstable_lines: int = 4) -> None:
        self.weight, self.interval_s, self.unstable = weight_kg, interval_s, unstable_lines
        self._next: float | None = None
        self._n = 0

    def tick(self, now: float) -> bytes:
        if self._next is None:
            self._next = now
        if now < self._next:
            return b""
        self._next = now + self.interval_s
        self._n += 1
        settling = self._n % (self.unstable + 3) <= self.unstable
        w = self.weight * (1 - 0.05 / self._n) if settling else self.weight
        return tanita.encode_scale(w, stable=not settling)


class ThermometerSim(_Base):
    """Continuous frames after ``66 66 01``: the object temperature settles from 33 °C to ``target``."""

    def __init__(self, target: float = 36.6, ambient: float = 27.5, rate: float = 8.0, settle_s: float = 1.5,
                 continuous: bool = False) -> None:
        self.target, self.ambient, self.rate, self.settle_s = target, ambient, rate, settle_s
        self._t0: float | None = None
        self._next = 0.0
        self._continuous = continuous
        self._buf = bytearray()

    def on_input(self, data: bytes, now: float) -> bytes:
        self._buf += data
        out = b""
        if mlx90614.CMD_CONTINUOUS in self._buf:
            self._continuous, self._t0 = True, now
        if mlx90614.CMD_QUERY in self._buf:
            out = self.frame(now)
        self._buf.clear()
        return out

    def frame(self, now: float) -> bytes:
        if self._t0 is None:
            self._t0 = now
        k = min(1.0, (now - self._t0) / self.settle_s) if self.settle_s else 1.0
        return mlx90614.encode_frame(33.0 + (self.target - 33.0) * k, self.ambient)

    def tick(self, now: float) -> bytes:
        if not self._continuous or now < self._next:
            return b""
        self._next = now + 1.0 / self.rate
        return self.frame(now)


class ReplaySim(_Base):
    """Sends a capture's bytes at ``bytes_per_s`` (``loop``: again and again)."""

    def __init__(self, data: bytes, bytes_per_s: float = 2000.0, loop: bool = False) -> None:
        self.data, self.rate, self.loop = data, bytes_per_s, loop
        self._t0: float | None = None
        self._sent = 0

    def tick(self, now: float) -> bytes:
        if self._t0 is None:
            self._t0 = now
        due = int((now - self._t0) * self.rate)
        if self.loop and due >= len(self.data):
            self._t0, self._sent, due = now, 0, 0
        chunk = self.data[self._sent : min(due, len(self.data))]
        self._sent += len(chunk)
        return chunk


def make_behaviour(protocol: str, replay: str | Path | None = None, **options: Any) -> _Base:
    """The behaviour for a protocol name; ``replay`` sends a capture file instead of a script."""
    if replay:
        from devices.health.capture import load_capture

        return ReplaySim(load_capture(replay, protocol), **options)
    if protocol in ("cms50_new", "cms50_old"):
        return OximeterSim(firmware="new" if protocol == "cms50_new" else "old", **options)
    factories = {"visomat": VisomatSim, "tanita": TanitaSim, "generic_scale": GenericScaleSim,
                 "mlx90614": ThermometerSim}
    try:
        behaviour: _Base = factories[protocol](**options)
        return behaviour
    except KeyError:
        raise KeyError(f"no simulator for protocol {protocol!r}") from None
