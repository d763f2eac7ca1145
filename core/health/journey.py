"""The health-check journey as pure logic: which measure is next, repeats, results. Qt-free.

The screens' controller (screens/health/controller.py) drives it: ``record`` a finished
measurement, ``reject`` an implausible one, ``skip`` a missing device; each answers what to do
next ("again", "next" or "done"). Blood pressure needs two readings (a third when they differ by
more than 10 mmHg) and is classified on their average.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.health import rules
from core.health.model import ORDER, Measure, Measurement, device_notes

AGAIN, NEXT, DONE = "again", "next", "done"


@dataclass(frozen=True)
class MeasureResult:
    measure: Measure
    measurement: Measurement | None  # None: could not be measured (device missing, errors)
    categories: dict[str, rules.Category] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # device notes: unvalidated, calibration overdue, simulated
    readings: tuple[Measurement, ...] = ()  # blood pressure: each reading that was averaged
    problem: str = ""  # why there is no value

    @property
    def level(self) -> rules.Level:
        return rules.worst(self.categories)

    @property
    def crisis(self) -> bool:
        return self.measurement is not None and rules.is_crisis(self.measurement)


class Journey:
    def __init__(self, measures: list[Measure] | tuple[Measure, ...], bp_scheme: str = "esh",
                 max_attempts: int = 3, bp_min_readings: int = 2) -> None:
        self.measures = [m for m in ORDER if m in measures]
        self.bp_scheme = bp_scheme
        self.max_attempts, self.bp_min = max_attempts, bp_min_readings
        self._index = 0
        self._readings: list[Measurement] = []
        self._attempts = 0
        self._results: dict[Measure, MeasureResult] = {}

    # -- where we are --------------------------------------------------------------------------
    @property
    def current(self) -> Measure | None:
        return self.measures[self._index] if self._index < len(self.measures) else None

    @property
    def step(self) -> tuple[int, int]:
        """(n, total) for "step n of total"; the results page is the last step."""
        return min(self._index, len(self.measures)) + 1, len(self.measures) + 1

    @property
    def reading_number(self) -> int:
        """1-based number of the reading being taken (blood pressure: 1, 2, maybe 3)."""
        return len(self._readings) + 1

    @property
    def attempts_failed(self) -> int:
        return self._attempts

    # -- events --------------------------------------------------------------------------------
    def record(self, m: Measurement) -> str:
        if m.measure is not self.current:
            return AGAIN if self.current else DONE  # a late reading from a device we left: ignore
        self._attempts = 0
        if m.measure is Measure.BLOOD_PRESSURE:
            self._readings.append(m)
            if rules.bp_needs_another(self._readings, minimum=self.bp_min):
                return AGAIN
            m = rules.average_bp(self._readings)
        self._results[m.measure] = MeasureResult(
            m.measure, m, rules.categorize(m, self.bp_scheme), device_notes(m.device), tuple(self._readings))
        return self._advance()

    def reject(self, errors: tuple[str, ...] = ()) -> str:
        """An implausible value: measure again, or give up after ``max_attempts``."""
        self._attempts += 1
        if self._attempts < self.max_attempts:
            return AGAIN
        return self.skip("measurement_error")

    def skip(self, problem: str = "skipped") -> str:
        current = self.current
        if current is None:
            return DONE
        if self._readings and current is Measure.BLOOD_PRESSURE:
            # one good reading is still worth showing, marked as a single reading
            m = rules.average_bp(self._readings)
            self._results[current] = MeasureResult(current, m, rules.categorize(m, self.bp_scheme),
                                                   device_notes(m.device), tuple(self._readings))
        else:
            self._results[current] = MeasureResult(current, None, problem=problem)
        return self._advance()

    def _advance(self) -> str:
        self._index += 1
        self._readings, self._attempts = [], 0
        return NEXT if self.current is not None else DONE

    # -- results -------------------------------------------------------------------------------
    def results(self) -> list[MeasureResult]:
        return [self._results[m] for m in self.measures if m in self._results]

    def crises(self) -> list[MeasureResult]:
        return [r for r in self.results() if r.crisis]


def to_payload(results: list[MeasureResult], bp_scheme: str) -> dict[str, Any]:
    """The stored/printed form of the results: values, category codes, device identity. No person."""
    items = []
    for r in results:
        item: dict[str, Any] = {"measure": r.measure.value, "problem": r.problem or None}
        if r.measurement is not None:
            m = r.measurement
            item |= {"values": dict(m.values), "taken_at": m.taken_at, "readings": m.count,
                     "categories": {k: c.code for k, c in r.categories.items()}, "level": r.level.value,
                     "notes": list(r.notes)}
            if m.device is not None:
                item["device"] = {"id": m.device.device_id, "model": m.device.model,
                                  "firmware": m.device.firmware, "validated": m.device.validated,
                                  "calibration_due": m.device.calibration_due, "serial": m.device.serial,
                                  "registered": m.device.registered}
        items.append(item)
    return {"bp_scheme": bp_scheme, "measurements": items}
