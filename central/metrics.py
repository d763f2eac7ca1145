"""Prometheus metrics of the hub: request-side counters and histograms (per process, merged across uvicorn
workers through prometheus-client's multiprocess mode) and fleet gauges read from the database at scrape time,
so every worker answers a scrape with the same fleet picture. Used from request threads and the scrape handler."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter as Counter_
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from central.db import Database
from central.models import Kiosk, as_utc, utcnow

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
PAPER_STATES = ("ok", "low", "out", "unknown")

ITEMS = Counter("hub_submission_items_total", "Submission items received, by outcome", ["outcome"])
REJECTED = Counter("hub_submissions_rejected_total", "Submission items rejected, by reason", ["reason"])
BATCH_SECONDS = Histogram("hub_batch_seconds", "Time to validate, store and commit one submission batch",
                          buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))


def count_results(results: list[dict[str, Any]], seconds: float) -> None:
    """Record one answered batch."""
    BATCH_SECONDS.observe(seconds)
    # one increment per label, not per item: with several workers each increment is a write to a shared file
    for outcome, n in Counter_(r["status"] for r in results).items():
        ITEMS.labels(outcome).inc(n)
    for reason, n in Counter_(r.get("reason") or "unknown" for r in results if r["status"] == "rejected").items():
        REJECTED.labels(reason).inc(n)


def paper_state(devices_json: str | None) -> str:
    """ok / low / out / unknown from a heartbeat's devices object ({"printer": "ready"} or {"printer": {...}})."""
    try:
        printer = json.loads(devices_json or "{}").get("printer")
    except (ValueError, AttributeError):
        return "unknown"
    if isinstance(printer, dict):
        printer = f"{printer.get('state', '')} {printer.get('detail', '')}"
    if not isinstance(printer, str) or not printer.strip():
        return "unknown"
    if "paper_out" in printer:
        return "out"
    if "paper_low" in printer or "near_end" in printer:
        return "low"
    return "ok" if printer.split()[0] in ("ready", "ok", "busy") else "unknown"


class FleetCollector(Collector):
    """Gauges computed from the kiosks table (latest heartbeat of every station) at each scrape."""

    def __init__(self, db: Database, disk_path: str) -> None:
        self.db, self.disk_path = db, disk_path

    def collect(self) -> Iterator[Metric]:
        now = utcnow()
        labels = ["station", "kiosk"]
        beat = GaugeMetricFamily("hub_station_heartbeat_age_seconds", "Seconds since the station's last heartbeat "
                                 "(since enrolment when it never sent one)", labels=labels)
        unsent = GaugeMetricFamily("hub_station_oldest_unsent_seconds", "Age of the oldest submission the station "
                                   "has not sent yet, as of its last heartbeat (0: nothing waiting)", labels=labels)
        paper = GaugeMetricFamily("hub_station_printer_paper", "Receipt printer paper, 1 for the current state",
                                  labels=[*labels, "state"])
        with self.db.session() as s:
            rows = s.execute(select(Kiosk.id, Kiosk.station_code, Kiosk.enrolled_at, Kiosk.hb_at,
                                    Kiosk.hb_oldest_unsent_seconds, Kiosk.hb_devices)).all()
            alerts = _open_health_alerts(s)
        for r in rows:
            key = [r.station_code, r.id]
            last = as_utc(r.hb_at or r.enrolled_at) or now
            beat.add_metric(key, (now - last).total_seconds())
            unsent.add_metric(key, float(r.hb_oldest_unsent_seconds or 0.0))
            current = paper_state(r.hb_devices)
            for state in PAPER_STATES:
                paper.add_metric([*key, state], 1.0 if state == current else 0.0)
        yield beat
        yield unsent
        yield paper
        yield GaugeMetricFamily("hub_stations", "Enrolled stations", value=len(rows))
        yield GaugeMetricFamily("hub_health_alerts_open", "Health alerts not yet handled by staff", value=alerts)
        usage = shutil.disk_usage(self.disk_path)
        free = GaugeMetricFamily("hub_disk_free_bytes", "Free space where the hub keeps data", labels=["path"])
        free.add_metric([self.disk_path], usage.free)
        size = GaugeMetricFamily("hub_disk_size_bytes", "Size of the file system where the hub keeps data",
                                 labels=["path"])
        size.add_metric([self.disk_path], usage.total)
        yield free
        yield size


def _open_health_alerts(s: Any) -> int:
    """Crisis health readings staff have not acknowledged yet (the `alerts` table of the officers' office)."""
    from central.models import Alert

    return int(s.scalar(select(func.count()).select_from(Alert).where(Alert.kind == "health",
                                                                      Alert.acknowledged_at.is_(None))) or 0)


def exposition(db: Database, disk_path: str) -> bytes:
    """The text a scrape gets: this process's (or every worker's) counters plus the fleet gauges."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        for collector in (ITEMS, REJECTED, BATCH_SECONDS):
            registry.register(collector)
    registry.register(FleetCollector(db, disk_path))
    return generate_latest(registry)


def prepare_multiprocess_dir(path: Path) -> None:
    """Before uvicorn starts its workers: an empty folder for their metric files (stale ones would be summed)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, mode=0o700)
    os.environ[MULTIPROC_ENV] = str(path)

