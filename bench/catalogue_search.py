"""Bench: catalogue search speed as ratios against a naive baseline measured in the same run (main thread only).

Baseline = folding every procedure name and doing a substring test per query (what a trivial search would do).
Run: .venv/bin/python bench/catalogue_search.py
"""

from __future__ import annotations

import time

from core.catalogue import load_catalogue
from core.catalogue.text import fold

QUERIES = ["dang ky thuong tru", "ddang kys thuowngf tru", "ho chieu bi mat", "cap doi the can cuoc",
           "1.004222", "tam vang", "passport", "thuogn tru", "CT01", "xyz khong co",
           "dang ky khai sinh", "ly lich tu phap", "doi bang lai xe", "chung thuc ban sao", "vneid muc 2"]


def _timed(fn, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for q in QUERIES:
            fn(q)
    return (time.perf_counter() - start) / (rounds * len(QUERIES))


def main() -> None:
    t0 = time.perf_counter()
    cat = load_catalogue()
    load_s = time.perf_counter() - t0
    procs = cat.all()

    def naive(q: str) -> list:
        fq = fold(q)
        return [p for p in procs if fq in fold(p.name_vi)]

    base = _timed(naive, 50)
    cold = _timed(lambda q: cat._index._cache.clear() or cat.search(q, 10), 5)  # private cache: bench only
    warm = _timed(lambda q: cat.search(q, 10), 50)
    print(f"procedures: {len(cat)}; load+validate+index: {load_s * 1000:.1f} ms")
    print(f"naive substring baseline: {base * 1e6:.0f} µs/query")
    print(f"search, cold token cache: {cold / base:.1f}× baseline ({cold * 1000:.2f} ms/query)")
    print(f"search, warm token cache: {warm / base:.1f}× baseline ({warm * 1000:.2f} ms/query)")


if __name__ == "__main__":
    main()
