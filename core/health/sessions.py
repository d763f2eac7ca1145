"""Turn a device's stream of readings into one measurement. Pure, Qt-free (fed on the GUI thread).

A session is created when a measurement starts and fed every reading (with a clock value). It
answers with a ``Progress`` (live values and a hint for the screen) or a ``Finished`` measurement;
values outside the plausibility limits come back as ``Rejected`` so the journey measures again.
"""

from __future__ import annotations

import statistics
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from core.health import rules
from core.health.model import Measure, Measurement
from core.health.reading import Kind, Reading


@dataclass(frozen=True)
class Progress:
    values: dict[str, Any] = field(default_factory=dict)  # live values for the screen
    hint: str = ""  # finger_out, searching, waiting, settling …
    pleth: tuple[int, ...] = ()  # waveform samples since the last progress


@dataclass(frozen=True)
class Finished:
    measurement: Measurement

    @property
    def values(self) -> dict[str, Any]:
        return self.measurement.values


@dataclass(frozen=True)
class Rejected:
    measurement: Measurement
    errors: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Technician text: which limits the value broke."""
        return "implausible " + ", ".join(e.removeprefix("implausible.") for e in self.errors)


Update = Progress | Finished | Rejected


def _finish(m: Measurement) -> Finished | Rejected:
    errors = rules.implausible(m)
    return Rejected(m, tuple(errors)) if errors else Finished(m)


class Session:
    measure: Measure

    def feed(self, readings: list[Reading], now: float) -> Update | None:
        raise NotImplementedError


class OximetrySession(Session):
    """Finished after ``valid_s`` seconds of continuous valid samples; the median of the last half."""

    measure = Measure.SPO2

    def __init__(self, valid_s: float = 8.0) -> None:
        self.valid_s = valid_s
        self._since: float | None = None
        self._recent: deque[tuple[float, int, int]] = deque()
        self._done = False

    def feed(self, readings: list[Reading], now: float) -> Update | None:
        if self._done:
            return None
        hint, last, pleth, device = "", {}, [], None
        for r in readings:
            if r.kind is not Kind.OXIMETRY:
                continue
            v = r.values
            pleth.append(v["pleth"])
            device = r.device
            if v["spo2"] is None or v["pulse"] is None:
                hint = "finger_out" if v.get("finger_out") else ("probe_error" if v.get("probe_error") else "searching")
                self._since = None
                self._recent.clear()
                continue
            if self._since is None:
                self._since = now
            self._recent.append((now, v["spo2"], v["pulse"]))
            last = {"spo2": v["spo2"], "pulse": v["pulse"]}
            hint = ""
        while self._recent and self._recent[0][0] < now - self.valid_s / 2:
            self._recent.popleft()
        if self._since is not None and now - self._since >= self.valid_s and self._recent:
            self._done = True
            values = {"spo2": int(statistics.median(s for _, s, _ in self._recent)),
                      "pulse": int(statistics.median(p for _, _, p in self._recent))}
            return _finish(Measurement(Measure.SPO2, values, device=device))
        if not pleth:
            return None
        return Progress(last, hint or ("measuring" if last else "searching"), tuple(pleth))


class BloodPressureSession(Session):
    """The first record that was not in the memory dump before the measurement started.

    Records are counted, not just compared: two readings with the same values in the same minute
    are two records (the device stores minutes only).
    """

    measure = Measure.BLOOD_PRESSURE

    def __init__(self) -> None:
        self._baseline: Counter[tuple[Any, ...]] | None = None
        self._current: Counter[tuple[Any, ...]] = Counter()

    def feed(self, readings: list[Reading], now: float) -> Update | None:
        for r in readings:
            if r.kind is Kind.BLOOD_PRESSURE:
                v = r.values
                key = (v["user"], v.get("record") or (v["time"], v["systolic"], v["diastolic"], v["pulse"]))
                self._current[key] += 1
                if self._baseline is not None and self._current[key] > self._baseline[key]:
                    self._baseline[key] += 1
                    values = {"systolic": v["systolic"], "diastolic": v["diastolic"], "pulse": v["pulse"]}
                    return _finish(Measurement(Measure.BLOOD_PRESSURE, values, device=r.device))
            elif r.kind is Kind.STATUS and r.values.get("event") == "dump_end":
                if self._baseline is None:
                    self._baseline = self._current  # what was stored before this resident
                self._current = Counter()
        return Progress({}, "waiting") if readings else None


class BodySession(Session):
    """A height/weight line (Tanita) or a stable weight (generic scale head)."""

    measure = Measure.BODY

    def feed(self, readings: list[Reading], now: float) -> Update | None:
        live = {}
        for r in readings:
            v = r.values
            if r.kind is Kind.BODY or (r.kind is Kind.WEIGHT and v.get("stable")):
                height = v.get("height_cm")
                bmi = v.get("bmi")
                if bmi is None and height:
                    bmi = rules.bmi_value(v["weight_kg"], height)
                values = {"weight_kg": v["weight_kg"], "height_cm": height, "bmi": bmi}
                return _finish(Measurement(Measure.BODY, values, device=r.device))
            if r.kind is Kind.WEIGHT:
                live = {"weight_kg": v["weight_kg"]}
        return Progress(live, "settling" if live else "waiting") if readings else None


class TemperatureSession(Session):
    """Finished when ``samples`` object temperatures in a row agree within ``spread`` °C."""

    measure = Measure.TEMPERATURE

    def __init__(self, samples: int = 5, spread: float = 0.2, minimum: float = 30.0) -> None:
        self.samples, self.spread, self.minimum = samples, spread, minimum
        self._last: deque[float] = deque(maxlen=samples)

    def feed(self, readings: list[Reading], now: float) -> Update | None:
        device = None
        for r in readings:
            if r.kind is Kind.TEMPERATURE:
                device = r.device
                t = r.values["object_c"]
                if t < self.minimum:  # nobody in front of the sensor yet
                    self._last.clear()
                    continue
                self._last.append(t)
        if len(self._last) == self.samples and max(self._last) - min(self._last) <= self.spread:
            value = int(statistics.median(self._last) * 10 + 0.5) / 10  # half up, as a thermometer shows it
            self._last.clear()
            return _finish(Measurement(Measure.TEMPERATURE, {"celsius": value}, device=device))
        if not readings:
            return None
        return Progress({"celsius": round(self._last[-1], 1)} if self._last else {},
                        "settling" if self._last else "waiting")


def make_session(measure: Measure, **options: Any) -> Session:
    cls: type[Session] = {Measure.SPO2: OximetrySession, Measure.BLOOD_PRESSURE: BloodPressureSession,
           Measure.BODY: BodySession, Measure.TEMPERATURE: TemperatureSession}[measure]
    return cls(**options)
