"""Bench: the offline queue, as ratios against baselines measured in the same run (main thread only).

1. Durable enqueue (QueueStore.enqueue: sequence + insert + AES-GCM, one fsync'd WAL commit per row) beside
   raw sqlite3 inserting the same row into the same table (WAL, synchronous=FULL, one commit per row).
   Goal: >= 0.5x.
2. Draining N rows to a real local hub with batched sync runs beside one POST per row with a plain
   requests.Session (no queue bookkeeping at all, which favours the baseline), in alternating rounds
   against two hubs running side by side. Goal: batching >= 2x faster.

Run: .venv/bin/python bench/queue.py [--rows 10000] [--enqueue-rows 2000]
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder comes first on sys.path and "queue.py" would shadow the standard
# library's queue module (urllib3 needs it). Appending first makes the removal safe however the file is run;
# remove() drops the first copy, the one in front of the standard library.
sys.path.append(os.path.dirname(os.path.abspath(__file__)))
sys.path.remove(os.path.dirname(os.path.abspath(__file__)))

import argparse
import dataclasses
import json
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import requests

from central.local import LocalHub
from kiosk.config import KioskConfig
from offline_queue.db import open_database
from offline_queue.runtime import enrol, make_client, open_store
from offline_queue.sync import sync_once

PAYLOAD = {"procedure_code": "1.004222", "fee": {"amount": 20000}, "answers": {"q1": "Có", "q2": "Không" * 20}}
PERSONAL = {"full_name": "Nguyễn Văn An", "cccd": "079190001234", "dob": "1990-01-01"}


def config_for(data_dir: Path, url: str = "") -> KioskConfig:
    cfg = KioskConfig()
    return dataclasses.replace(cfg, data_dir=str(data_dir), hub=dataclasses.replace(cfg.hub, url=url))


def bench_enqueue(tmp: Path, n: int, rounds: int = 10) -> tuple[float, float]:
    """Rows/s of both, measured in alternating rounds so load changes on the machine hit both alike."""
    store = open_store(config_for(tmp / "q"), tmp / "q")
    store.enqueue("dossier", PAYLOAD, PERSONAL)  # warm-up (statement cache, sequence row)
    open_database(tmp / "raw.db").dispose()  # the same schema, written by bare sqlite3
    conn = sqlite3.connect(tmp / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    sql = ("INSERT INTO submissions (id, local_ref, kind, schema_version, payload, personal, status, attempts, "
           "next_attempt_at, created_at, updated_at, receipt_status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
    personal = json.dumps(PERSONAL).encode()
    per_round = max(1, n // rounds)
    ours_s = raw_s = 0.0
    for r in range(rounds):
        t0 = time.perf_counter()
        for i in range(per_round):
            store.enqueue("dossier", dict(PAYLOAD, n=i), PERSONAL)
        ours_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        for i in range(per_round):
            now = datetime.now(UTC).isoformat()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(sql, (str(uuid.uuid4()), f"BN01-261121-{r:02d}{i:05d}", "dossier", 1,
                               json.dumps(dict(PAYLOAD, n=i), sort_keys=True), personal, "queued", 0, now, now, now,
                               "pending"))
            conn.execute("COMMIT")
        raw_s += time.perf_counter() - t0
    conn.close()
    store.engine.dispose()
    total = per_round * rounds
    return total / ours_s, total / raw_s


def bench_drain(tmp: Path, n: int, rounds: int = 5) -> tuple[float, float]:
    """Seconds to drain ``n`` rows each way, in alternating rounds against two hubs running side by side."""
    with LocalHub(tmp / "hub-batched") as hub, LocalHub(tmp / "hub-per-row") as plain:
        data = tmp / "kiosk"
        cfg = config_for(data, hub.url)
        client = make_client(cfg, data, url=hub.url, token="")
        enrol(client, cfg, data)
        client.timeout = (cfg.hub.connect_timeout_seconds, cfg.hub.read_timeout_seconds)  # the app's timeouts
        store = open_store(cfg, data)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {plain.enroll()['token']}"
        per_round = max(1, n // rounds)
        batched = per_row = 0.0
        for r in range(rounds):
            for i in range(per_round):  # queued while "offline": not timed
                store.enqueue("dossier", dict(PAYLOAD, n=i), PERSONAL)
            t0 = time.perf_counter()
            report = sync_once(store, client, batch_size=cfg.hub.batch_size)  # the app's own batch size
            batched += time.perf_counter() - t0
            assert report.ok and report.sent == per_round, report
            items = [{"id": str(uuid.uuid4()), "kind": "dossier", "schema_version": 1,
                      "created_at": datetime.now(UTC).isoformat(), "local_ref": f"BN01-261121-{r:02d}{i:05d}",
                      "payload": dict(PAYLOAD, n=i, personal=PERSONAL)} for i in range(per_round)]
            t0 = time.perf_counter()
            for item in items:
                resp = session.post(plain.url + "/v1/submissions", json={"items": [item]},
                                    headers={"Idempotency-Key": item["id"]}, timeout=(5, 30))
                resp.raise_for_status()
            per_row += time.perf_counter() - t0
        store.engine.dispose()
    return batched, per_row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows drained to the hub")
    parser.add_argument("--enqueue-rows", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-queue-", dir=Path.home()) as tmp:
        ours, raw = bench_enqueue(Path(tmp), args.enqueue_rows)
        print(f"durable enqueue: {ours:,.0f} rows/s; raw sqlite3 (WAL, FULL): {raw:,.0f} rows/s; "
              f"ratio {ours / raw:.2f}x (goal >= 0.5x)")
        batched, per_row = bench_drain(Path(tmp), args.rows)
        print(f"drain {args.rows:,} rows to a local hub: batched sync {batched:.1f} s "
              f"({args.rows / batched:,.0f} rows/s); one POST per row {per_row:.1f} s "
              f"({args.rows / per_row:,.0f} rows/s); batching {per_row / batched:.2f}x faster (goal >= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
