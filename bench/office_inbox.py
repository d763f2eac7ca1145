"""Bench: the officer inbox at 100,000 dossiers (SQLite file), as ratios against a baseline measured in the same run.

Baseline = OFFSET paging to the same depth (what a naive "page N" link does). Measured: the first page, a page deep
in the list by keyset (`before=<seq>`), a status filter, a station filter, the overdue filter, a name search, and
the per-status counts. Prints SQLite's query plan of the keyset page to show it walks the (kind, seq) index.
Run: .venv/bin/python -m bench.office_inbox [N]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text

from central.db import Database
from central.inbox_fields import name_key
from central.models import Kiosk, Submission
from central.office import queries

NAMES = ["Nguyễn Văn An", "Trần Thị Lan", "Lê Văn Đức", "Phạm Thị Hoa", "Hoàng Văn Minh", "Vũ Thị Mai"]
STATUSES = ["received", "processing", "needs_info", "completed", "rejected"]


def seed(db: Database, n: int) -> None:
    now = datetime.now(UTC)
    with db.session() as s:
        for i in range(4):
            s.add(Kiosk(id=f"k{i}", token_hash=f"{i:064d}", station_code=f"BN0{i}", name=f"Trạm {i}", version="b",
                        enrolled_at=now))
    rows = []
    for i in range(1, n + 1):
        name = f"{NAMES[i % len(NAMES)]} {i}"
        at = now - timedelta(minutes=(n - i))
        rows.append({"seq": i, "id": f"00000000-0000-4000-8000-{i:012d}", "kiosk_id": f"k{i % 4}", "kind": "dossier",
                     "schema_version": 1, "created_at": at.isoformat(), "received_at": at,
                     "local_ref": f"BN0{i % 4}-261203-{i % 10000:04d}", "reference": f"HS-2026-{i:06d}",
                     "body_hash": "x", "body": json.dumps({"payload": {}}), "status": STATUSES[i % 5],
                     "updated_at": at, "procedure_code": "1.004222", "applicant_name": name,
                     "name_key": name_key(name), "due_at": at + timedelta(days=9)})
        if len(rows) == 5000:
            with db.session() as s:
                s.execute(insert(Submission), rows)
            rows = []
    if rows:
        with db.session() as s:
            s.execute(insert(Submission), rows)


def timed(fn, rounds: int = 20) -> float:
    fn()  # warm the page cache
    start = time.perf_counter()
    for _ in range(rounds):
        fn()
    return (time.perf_counter() - start) / rounds


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(str(Path(tmp) / "hub.db"))
        db.migrate()
        t0 = time.perf_counter()
        seed(db, n)
        print(f"seeded {n} dossiers in {time.perf_counter() - t0:.1f} s")
        now = datetime.now(UTC)
        deep = n // 2

        def offset_page() -> None:
            with db.session() as s:
                s.execute(select(Submission.seq, Submission.reference).where(Submission.kind == "dossier")
                          .order_by(Submission.seq.desc()).offset(n - deep).limit(50)).all()

        base = timed(offset_page)
        cases = {
            "first page": queries.Filters(),
            "keyset page at the middle": queries.Filters(before=deep),
            "status filter, middle": queries.Filters(status="needs_info", before=deep),
            "station filter": queries.Filters(station="BN02"),
            "overdue filter": queries.Filters(overdue=True),
            "reference search": queries.Filters(q=f"HS-2026-{deep:06d}"),
            "name search (substring)": queries.Filters(q="van duc"),
            "name search, rare": queries.Filters(q="thi hoa 77777"),
        }
        print(f"baseline OFFSET page at the middle: {base * 1000:.2f} ms")
        for label, f in cases.items():
            t = timed(lambda f=f: queries.inbox(db, f, now, with_counts=False))
            print(f"{label:28s} {t * 1000:8.2f} ms   {t / base:6.2f}x the baseline")
        t = timed(lambda: queries.status_counts(db, "dossier"))
        print(f"{'counts per status':28s} {t * 1000:8.2f} ms   {t / base:6.2f}x the baseline")
        with db.session() as s:
            plan = s.execute(text("EXPLAIN QUERY PLAN SELECT seq FROM submissions WHERE kind='dossier' AND seq < :b "
                                  "ORDER BY seq DESC LIMIT 51"), {"b": deep}).all()
        print("plan of a keyset page:", " | ".join(str(r[-1]) for r in plan))
        db.dispose()


if __name__ == "__main__":
    main()
