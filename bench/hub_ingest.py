"""Bench: hub ingest at province scale — 1,000 simulated kiosks against a hub with N uvicorn workers on a
throw-away PostgreSQL cluster (fsync'd commits, as in production), then the same fleet against a one-process
hub on a SQLite file as the baseline measured in the same run. Goal: >= 3,000 submissions/s on PostgreSQL.

Scenario: the province comes back after a hub outage. Every kiosk holds a backlog (BACKLOG_BATCHES batches of
the kiosk's real batch size) and notices the hub within its real offline-probe interval; it then runs its sync
as the app does (batches back to back, each retried once when its answer is lost, which must give `duplicate`
answers and no new rows), sends its heartbeat at the real heartbeat interval and syncs again at the real sync
interval until the time budget is spent. The batch size and the intervals are read from the kiosk's config
defaults (kiosk/config/schema.py). Each kiosk is enrolled for real with a one-time code.

Printed: submissions/s (accepted items over the wall time from first send to last answer) against the goal,
p50/p99 batch latency as the kiosks saw it, and the rows counted in the database after the run: every id that
was answered `accepted` is stored exactly once (0 lost, 0 duplicated).

Run: .venv/bin/python -m bench.hub_ingest [--kiosks 1000] [--workers 2] [--seconds 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp

from central.db import Database
from central.local import LocalHub
from central.models import EnrolmentCode, utcnow
from central.security import new_enrolment_code
from kiosk.config.schema import HubSettings
from tests.postgres import PostgresCluster

GOAL = 3000.0
HUB = HubSettings()  # the kiosk's defaults: batch size and intervals
BATCH = HUB.batch_size
BACKLOG_BATCHES = 3
LOST_ANSWER_SHARE = 0.03  # batches whose answer the kiosk "loses" and sends again (idempotency under load)


@dataclass
class Tally:
    accepted: set[str] = field(default_factory=set)
    duplicates: int = 0
    dropped: int = 0  # requests whose connection failed (retried)
    unexpected: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    heartbeats: int = 0
    first_send: float = 0.0
    last_answer: float = 0.0


def dossier(station: str, n: int) -> dict[str, Any]:
    """A realistic dossier item (~0.7 kB): what the kiosk's queue sends."""
    return {"id": str(uuid.uuid4()), "kind": "dossier", "schema_version": 1,
            "created_at": "2026-11-21T10:20:00+07:00", "local_ref": f"{station}-261121-{n:04d}",
            "payload": {"procedure_code": "1.004222", "procedure_name": "Đăng ký thường trú",
                        "fee": {"amount": 20000},
                        "applicant": {"full_name": "Nguyễn Văn An", "id_number": "079203001234",
                                      "date_of_birth": "1990-05-17", "phone": "0901234567",
                                      "address": "12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP Hồ Chí Minh"},
                        "documents": [{"name": f"page-{p}.jpg", "sha256": uuid.uuid4().hex * 2} for p in (1, 2)],
                        "consent": {"given": True, "at": "2026-11-21T10:19:40+07:00"}}}


class Kiosk:
    def __init__(self, n: int, base: str, http: aiohttp.ClientSession, tally: Tally, deadline: float,
                 rng: random.Random) -> None:
        self.station, self.base, self.http, self.tally = f"BN{n:04d}", base, http, tally
        self.deadline, self.rng = deadline, rng
        # The queue's rows, serialised ahead like the kiosk's own queue holds them: the bench clock is the hub's.
        items = [dossier(self.station, i) for i in range(BATCH * BACKLOG_BATCHES)]
        self.backlog = [([it["id"] for it in items[i:i + BATCH]], json.dumps({"items": items[i:i + BATCH]}).encode())
                        for i in range(0, len(items), BATCH)]
        self.auth: dict[str, str] = {}

    async def enrol(self, code: str) -> None:
        async with self.http.post(f"{self.base}/v1/kiosks/enroll", json={
                "code": code, "station_code": self.station, "name": f"Trạm {self.station}",
                "version": "0.1.0"}) as r:
            body = await r.json()
            if r.status != 201:
                raise RuntimeError(f"enrolment failed: {r.status} {body}")
        self.auth = {"Authorization": f"Bearer {body['token']}"}

    async def run(self) -> None:
        await asyncio.sleep(self.rng.uniform(0, HUB.offline_probe_seconds))  # notices the hub is back
        next_heartbeat = 0.0
        while time.monotonic() < self.deadline:
            await self.sync_run()
            if time.monotonic() >= next_heartbeat:
                await self.heartbeat()
                next_heartbeat = time.monotonic() + HUB.heartbeat_interval_seconds
            await asyncio.sleep(min(HUB.sync_interval_seconds, max(0.0, self.deadline - time.monotonic())))

    async def sync_run(self) -> None:
        while self.backlog and time.monotonic() < self.deadline:
            ids, body = self.backlog[0]
            await self.send(ids, body)
            if self.rng.random() < LOST_ANSWER_SHARE:
                await self.send(ids, body, retry=True)
            del self.backlog[0]

    async def send(self, ids: list[str], body: bytes, retry: bool = False) -> None:
        """POST one batch; a dropped connection is retried with the same items, as the kiosk's queue does."""
        t = self.tally
        unanswered = False
        for _attempt in range(5):
            started = time.monotonic()
            t.first_send = t.first_send or started
            headers = self.auth | {"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"}
            try:
                async with self.http.post(f"{self.base}/v1/submissions", data=body, headers=headers) as r:
                    answer = await r.json()
                    status = r.status
            except (TimeoutError, aiohttp.ClientError):
                t.dropped += 1
                unanswered = True  # the hub may have stored the batch: `duplicate` is then the right answer
                await asyncio.sleep(1.0)
                continue
            break
        else:
            t.unexpected.append(f"batch of {self.station} never answered")
            return
        if status != 200:
            t.unexpected.append(f"HTTP {status}: {str(answer)[:200]}")
            return
        t.last_answer = time.monotonic()
        t.latencies.append(t.last_answer - started)
        for id_, result in zip(ids, answer["results"], strict=True):
            if result["status"] == "accepted" and not retry and id_ not in t.accepted:
                t.accepted.add(id_)
            elif result["status"] == "duplicate" and (retry or unanswered):
                t.duplicates += 1
                if unanswered:
                    t.accepted.add(id_)  # stored by the attempt whose answer was lost
            else:
                t.unexpected.append(f"{id_}: {result}")

    async def heartbeat(self) -> None:
        try:
            await self._heartbeat()
        except (TimeoutError, aiohttp.ClientError):
            self.tally.dropped += 1  # the kiosk tries again at its next interval

    async def _heartbeat(self) -> None:
        async with self.http.post(f"{self.base}/v1/heartbeat", headers=self.auth, json={
                "version": "0.1.0", "queue": {"queued": len(self.backlog) * BATCH},
                "oldest_unsent_age_seconds": 60.0 if self.backlog else None,
                "devices": {"printer": "ready", "camera": "ready"}}) as r:
            if r.status == 200:
                self.tally.heartbeats += 1
            else:
                self.tally.unexpected.append(f"heartbeat HTTP {r.status}")


async def drive(base: str, codes: list[str], seconds: float) -> Tally:
    tally, rng = Tally(), random.Random(15)
    # One connection per kiosk; idle ones are dropped before uvicorn's 5 s keep-alive closes them under us.
    connector = aiohttp.TCPConnector(limit=len(codes), limit_per_host=len(codes), keepalive_timeout=4)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        kiosks = [Kiosk(n, base, http, tally, 0.0, rng) for n in range(len(codes))]
        gate = asyncio.Semaphore(50)

        async def enrol(kiosk: Kiosk, code: str) -> None:
            async with gate:
                await kiosk.enrol(code)

        await asyncio.gather(*(enrol(k, c) for k, c in zip(kiosks, codes, strict=True)))
        deadline = time.monotonic() + seconds
        for k in kiosks:
            k.deadline = deadline
        await asyncio.gather(*(k.run() for k in kiosks))
    return tally


def cpu_seconds(root_pid: int) -> float:
    """User + system CPU of a process and all its descendants (uvicorn workers, PostgreSQL backends), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _cpu) in stats.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(stats[pid][1] for pid in tree if pid in stats)


def postmaster_pid(db_url: str) -> int | None:
    from sqlalchemy import text

    db = Database(db_url)
    try:
        with db.engine.connect() as con:
            data_dir = con.execute(text("SHOW data_directory")).scalar()
    finally:
        db.dispose()
    return int(Path(data_dir, "postmaster.pid").read_text().split()[0])


def _run_loop(coroutine: Any) -> Any:
    """uvloop when installed (it comes with the hub's uvicorn): the 1,000 simulated kiosks share this machine's
    CPU with the hub they measure, so they should take as little of it as they can."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def count_rows(db: Database, accepted: set[str]) -> tuple[int, int, int]:
    """(rows, lost, duplicated) in the hub's database after the run: `accepted` ids not stored; rows beyond one
    per accepted id (a second row for an id, or a row no kiosk was told was accepted)."""
    from sqlalchemy import text

    with db.engine.connect() as con:
        ids = [r[0] for r in con.execute(text("SELECT id FROM submissions"))]
    stored = set(ids)
    return len(ids), len(accepted - stored), (len(ids) - len(stored)) + len(stored - accepted)


def _one_time_codes(db: Database, n: int) -> list[str]:
    """n one-time enrolment codes, as staff create them (in one transaction: set-up, not what is measured)."""
    now = utcnow()
    rows = [EnrolmentCode(code=new_enrolment_code(), created_at=now, expires_at=now + timedelta(hours=1),
                          reusable=False) for _ in range(n)]
    with db.session() as s:
        s.add_all(rows)
    return [r.code for r in rows]


def run_case(name: str, db_url: str, workers: int, kiosks: int, seconds: float, data_dir: Path) -> dict[str, Any]:
    db = Database(db_url)
    db.migrate()
    codes = _one_time_codes(db, kiosks)
    hub = LocalHub(data_dir, db_url=db_url, extra_args=["--workers", str(workers)], startup_timeout=60)
    server = postmaster_pid(db_url) if db_url.startswith("postgresql") else None
    with hub:
        before = (cpu_seconds(hub.pid), cpu_seconds(server) if server else 0.0)
        client_cpu = time.process_time()
        tally = _run_loop(drive(hub.url, codes, seconds))
        client_cpu = time.process_time() - client_cpu
        hub_cpu = cpu_seconds(hub.pid) - before[0]
        db_cpu = (cpu_seconds(server) - before[1]) if server else 0.0
    rows, lost, duplicated = count_rows(db, tally.accepted)
    db.dispose()
    wall = max(1e-9, tally.last_answer - tally.first_send)
    lat = sorted(tally.latencies)
    result = {"name": name, "workers": workers, "kiosks": kiosks, "accepted": len(tally.accepted),
              "rate": len(tally.accepted) / wall, "wall": wall, "batches": len(lat),
              "p50": statistics.median(lat) if lat else float("nan"),
              "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else float("nan"),
              "duplicates_answered": tally.duplicates, "dropped": tally.dropped, "heartbeats": tally.heartbeats,
              "rows": rows,
              "lost": lost, "duplicated": duplicated, "unexpected": tally.unexpected,
              "hub_cpu_ms": hub_cpu * 1000 / max(1, len(tally.accepted)),
              "client_cpu_ms": client_cpu * 1000 / max(1, len(tally.accepted)),
              "db_cpu_ms": db_cpu * 1000 / max(1, len(tally.accepted))}
    report(result)
    return result


def report(r: dict[str, Any]) -> None:
    print(f"  {r['name']:<34} {r['rate']:8.0f} submissions/s  ({r['accepted']} accepted in {r['wall']:.1f} s, "
          f"{r['batches']} batches, p50 {r['p50'] * 1000:.0f} ms, p99 {r['p99'] * 1000:.0f} ms)")
    print(f"  {'':<34} {r['heartbeats']} heartbeats, {r['duplicates_answered']} retried items answered "
          f"`duplicate`, {r['dropped']} dropped connections retried;")
    print(f"  {'':<34} CPU per accepted submission: hub {r['hub_cpu_ms']:.2f} ms (all workers), "
          f"database server {r['db_cpu_ms']:.2f} ms, the simulated kiosks {r['client_cpu_ms']:.2f} ms")
    print(f"  {'':<34} database: {r['rows']} rows, {r['lost']} lost, {r['duplicated']} duplicated")
    for line in r["unexpected"][:5]:
        print(f"  UNEXPECTED {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument("--seconds", type=float, default=25.0, help="time budget of the PostgreSQL case's traffic")
    parser.add_argument("--sqlite-seconds", type=float, default=12.0, help="time budget of the SQLite baseline")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    print(f"hub ingest: {args.kiosks} kiosks, batch size {BATCH}, backlog {BACKLOG_BATCHES} batches each; "
          f"sync every {HUB.sync_interval_seconds} s, heartbeat every {HUB.heartbeat_interval_seconds} s, "
          f"back within {HUB.offline_probe_seconds} s (kiosk config defaults)")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as tmp:
        cluster = PostgresCluster(durable=True).start()
        try:
            results.append(run_case(f"PostgreSQL, {args.workers} workers", cluster.create_database(),
                                    args.workers, args.kiosks, args.seconds, Path(tmp) / "pg"))
        finally:
            cluster.stop()
        if not args.skip_sqlite:
            results.append(run_case("SQLite file, 1 process (baseline)", f"sqlite:///{tmp}/hub.db", 1,
                                    args.kiosks, args.sqlite_seconds, Path(tmp) / "sqlite"))
    pg = results[0]
    verdict: Callable[[bool], str] = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    print(f"PostgreSQL: {pg['rate']:.0f} submissions/s against the {GOAL:.0f}/s goal: "
          f"{verdict(pg['rate'] >= GOAL)} ({pg['rate'] / GOAL:.2f}x); p99 batch latency {pg['p99'] * 1000:.0f} ms")
    # Every kiosk keeps one batch in flight: latency is queueing (Little's law: items in flight / rate).
    print(f"  latency under this saturating load is queueing: {args.kiosks} kiosks x {BATCH} items in flight / "
          f"{pg['rate']:.0f} per s = {args.kiosks * BATCH / max(pg['rate'], 1):.1f} s; the kiosk's read timeout is "
          f"{HUB.read_timeout_seconds:.0f} s (a batch answered later is sent again and answered `duplicate`)")
    if len(results) > 1:
        print(f"PostgreSQL / SQLite: {pg['rate'] / results[1]['rate']:.2f}x")
    clean = all(r["lost"] == 0 and r["duplicated"] == 0 and not r["unexpected"] for r in results)
    print("rows: 0 lost / 0 duplicated" if clean else "ROWS LOST OR DUPLICATED, or unexpected answers (see above)")
    return 0 if clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
