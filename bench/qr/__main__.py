"""Bench: the live scanner's cascade against zxing-cpp alone and pyzbar alone, measured in the same run.

Cases: every real photo of tests/data/qr-photos placed in a 1280×720 webcam frame (grouped by photo set),
SYNTHETIC cases (real ID-card payloads rendered small, warped, curved, blurred, under glare), and frames with no
QR code (scenes; product bar codes and printed text). "Held in view" = the same frame fed to the live cascade at
15 fps for 3 s (45 frames, a simulated clock); a single decoder reads a repeated frame the same way every time.
Prints read rates per group and per code size, timing ratios, false reads, and the goals of issue 20.

Real photos are also grouped by the conditions they show (tests/data/qr-photos/conditions.json, our labels; "small"
measured: under 40 px in the frame), and a HELD-OUT synthetic set (tests/scanner/holdout.py: a renderer and seed of its
own, which no step was tuned on) is printed apart, per condition.

Run: .venv/bin/python -m bench.qr [--sample N] [--synthetic N] [--held-out N] [--no-code N] [--opencv] [--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict

import numpy as np

from bench.qr.cases import SIZE_BUCKETS, BenchCase, held_out_cases, photo_cases, scene_cases, synthetic_cases
from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.decoders import make_backend, to_gray

FPS = 15
HELD_SECONDS = 3.0


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def timed(fn, image, repeat: bool = True):
    """(results, ms); best of 3 for runs under 20 ms, where one preemption by another process would dominate."""
    start = time.perf_counter()
    results = fn(image)
    ms = (time.perf_counter() - start) * 1000
    if repeat and ms < 20:
        for _ in range(2):
            start = time.perf_counter()
            fn(image)
            ms = min(ms, (time.perf_counter() - start) * 1000)
    return results, ms


def texts(results) -> set[str]:
    return {r.text.replace("\r\n", "\n") for r in results}


def held(cascade: DecoderCascade, clock: Clock, frames: tuple[np.ndarray, ...], expected: str | None):
    """The frame (or a moving case's frames, in turn, looped) held in view: (read at frame n or None, wrong texts
    seen, first-frame ms, every frame's ms as (wall, this thread's CPU), the backend and step that read it)."""
    first_ms = timed(lambda im: (cascade.reset(), cascade.decode_frame(im))[1], frames[0])[1]
    cascade.reset()
    wrong, times = set(), []
    for i in range(int(HELD_SECONDS * FPS)):
        cpu = time.thread_time()
        results, ms = timed(cascade.decode_frame, frames[i % len(frames)], repeat=False)
        times.append((ms, (time.thread_time() - cpu) * 1000))
        clock.now += 1 / FPS
        seen = texts(results)
        wrong |= seen - {expected}
        if expected in seen:
            return i + 1, wrong, first_ms, times, next(r.backend for r in results if texts([r]) == {expected})
    return None, wrong, first_ms, times, None


def run(cases: list[BenchCase], settings: CascadeSettings, singles: dict) -> dict:
    clock = Clock()
    live = DecoderCascade(settings, clock=clock)
    still = DecoderCascade(settings)
    rows: dict = {"cases": [], "first": [], "zxing_ms": [], "frames": [], "nocode_ms": [], "nocode_zx": [],
                  "pair": []}
    for i, case in enumerate(cases):
        row = {"case": case, "read": {}, "wrong": defaultdict(set)}
        runs = [*singles.items(), ("cascade still", still.decode_still)]
        for label, fn in runs[i % len(runs):] + runs[:i % len(runs)]:  # rotated: load favours none
            # every run gets the camera's BGR frame: the singles pay for their grey conversion like the cascade;
            # a moving case counts as read when any of its frames is (the time is the first frame's)
            results, ms = timed(fn, case.frame)
            for other in case.sequence[1:]:
                results = [*results, *fn(other)]
            row["read"][label] = case.expected in texts(results)
            row["wrong"][label] |= texts(results) - {case.expected}
            if label == "cascade still" and row["read"][label]:
                row["step"] = next(r.backend for r in results if r.text.replace("\r\n", "\n") == case.expected)
            if label == "zxing":
                (rows["zxing_ms"] if case.expected else rows["nocode_zx"]).append(ms)
        at, wrong, first_ms, times, row["live step"] = held(live, clock, case.sequence, case.expected)
        if case.expected:  # the first-look comparison: both timed back to back, alternating, best of 5
            best = [float("inf")] * 4  # zxing wall, cascade wall, zxing CPU, cascade CPU
            for _ in range(5):
                for k, fn in enumerate((singles["zxing"], lambda im: (live.reset(), live.decode_frame(im))[1])):
                    cpu = time.thread_time()
                    best[k] = min(best[k], timed(fn, case.frame, repeat=False)[1])
                    best[k + 2] = min(best[k + 2], (time.thread_time() - cpu) * 1000)
            rows["pair"].append(tuple(best))
        row["read"]["cascade live"] = at is not None
        row["wrong"]["cascade live"] |= wrong
        if case.expected:
            rows["first"].append(first_ms)
            if at:
                rows["frames"].append(at)
        else:
            rows["nocode_ms"] += times
        rows["cases"].append(row)
    return rows


def _on_bgr(backend):
    def decode(frame: np.ndarray):
        return backend(to_gray(frame))
    return decode


def by_condition(rows: list[dict]) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for r in rows:
        for condition in r["case"].all_conditions:
            out[condition].append(r)
    order = ("glare", "bright-spots", "damaged", "curved", "perspective", "small", "nominal")
    return dict(sorted(out.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])))


def pct(hits: int, n: int) -> str:
    return f"{hits}/{n} {100 * hits / n:5.1f}%" if n else "-"


def table(title: str, keyed: dict[str, list], labels: list[str]) -> None:
    print(f"\n{title}")
    print(f"{'':<22}" + "".join(f"{label:>20}" for label in labels))
    for key, rows in keyed.items():
        print(f"{key:<22}" + "".join(f"{pct(sum(r['read'][label] for r in rows), len(rows)):>20}"
                                      for label in labels))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="a random sample of N real photos (default: all; 0: none)")
    parser.add_argument("--synthetic", type=int, default=12, help="synthetic cases per category (default 12)")
    parser.add_argument("--held-out", type=int, default=12, help="held-out cases per condition (default 12)")
    parser.add_argument("--no-code", type=int, default=30, help="scene frames without a code (default 30)")
    parser.add_argument("--opencv", action="store_true", help="also OpenCV's QR detector alone (slow)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    rng = random.Random(args.seed)
    cases = [*photo_cases(rng, args.sample), *synthetic_cases(args.synthetic, args.synthetic * 2, args.seed),
             *held_out_cases(args.held_out), *scene_cases(rng, args.no_code)]
    singles = {name: _on_bgr(make_backend(name)) for name in ("zxing", "pyzbar", *(("opencv",) if args.opencv else ()))}
    settings = CascadeSettings(("zxing", "pyzbar"))
    rows = run(cases, settings, singles)
    labels = [*singles, "cascade still", "cascade live"]
    coded = [r for r in rows["cases"] if r["case"].expected]
    print(f"{len(coded)} frames with a code ({sum(r['case'].group.startswith('photo') for r in coded)} real photos, "
          f"the rest SYNTHETIC), {len(rows['cases']) - len(coded)} without; 1280x720; held = {HELD_SECONDS:g} s at "
          f"{FPS} fps; cascade = {', '.join(settings.decoders)} + {len(DecoderCascade(settings).steps)} extra steps")

    groups: dict[str, list] = defaultdict(list)
    for r in coded:
        groups[r["case"].group].append(r)
    photos = [r for r in coded if r["case"].group.startswith("photo")]
    groups["ALL real photos"] = photos
    groups["ALL synthetic"] = [r for r in coded if r["case"].group.startswith("synthetic")]
    held_out = [r for r in coded if r["case"].group.startswith("held-out")]
    table("read rate per group (held in view)", {k: v for k, v in sorted(groups.items()) if k[:8] != "held-out"},
          labels)
    table("real photos per condition (our labels: tests/data/qr-photos/conditions.json; small = under 40 px in the "
          "frame; a photo counts in each of its conditions)", by_condition(photos), labels)
    table("HELD-OUT synthetic per condition (tests/scanner/holdout.py; no step was tuned on these)",
          {**by_condition(held_out), "ALL held-out": held_out}, labels)
    sizes: dict[str, list] = {label: [] for _low, _high, label in SIZE_BUCKETS}
    sizes["unknown"] = []
    for r in coded:
        sizes[r["case"].size_bucket].append(r)
    table("read rate per code size in the frame (all frames with a code)", sizes, labels)
    small_photos = [r for r in photos if r["case"].size_bucket == "<40 px"]
    for label, key in (("cascade still", "step"), ("cascade live", "live step")):
        by_step: dict[str, list[str]] = defaultdict(list)
        for r in coded:
            if r["read"][label] and not r["read"]["zxing"]:
                by_step[r.get(key) or "?"].append(r["case"].name)
        print(f"\nreads zxing alone misses, by the step that made them ({label}; the first step that reads wins):")
        for step, names in sorted(by_step.items(), key=lambda kv: -len(kv[1])):
            print(f"  {step:<24} {len(names):>3}  {', '.join(sorted(names))[:150]}")

    print("\nfalse reads: any text on a frame without a code (scenes; product bar codes and text), a text other than "
          "the payload on a synthetic frame;\nother texts on real photos are listed for review (a photo may hold a "
          "second real code):")
    false_total = 0
    for label in labels:
        nocode = sum(bool(r["wrong"][label]) for r in rows["cases"] if not r["case"].expected)
        wrong = sum(bool(r["wrong"][label]) for r in coded if not r["case"].group.startswith("photo"))
        other = [r["case"].name for r in photos if r["wrong"][label]]
        if label.startswith("cascade"):
            false_total += nocode + wrong
        print(f"  {label:<16} no-code frames {nocode}, wrong text on synthetic frames {wrong}; other texts on "
              f"photos: {', '.join(other) or 'none'}")

    zx_med = statistics.median(p[0] for p in rows["pair"])
    first_med = statistics.median(p[1] for p in rows["pair"])
    cpu_ratio = statistics.median(p[3] for p in rows["pair"]) / statistics.median(p[2] for p in rows["pair"])
    wall = [w for w, _cpu in rows["nocode_ms"]]
    cpu = [c for _w, c in rows["nocode_ms"]]
    nocode_p95, nocode_med = float(np.percentile(wall, 95)), statistics.median(wall)
    cpu_p95 = float(np.percentile(cpu, 95))
    zx_nocode = statistics.median(rows["nocode_zx"])
    print("\ntiming (ms; zxing alone and the cascade's first frame timed back to back, best of 5 each; live frames "
          "as they happen):")
    print(f"  frames with a code: zxing alone median {zx_med:.2f}; cascade first frame median {first_med:.2f} "
          f"(ratio {first_med / zx_med:.2f}; in CPU time {cpu_ratio:.2f}); live needed a median of "
          f"{statistics.median(rows['frames'] or [0]):g} frames (max {max(rows['frames'] or [0])})")
    print(f"  frames without a code, extra steps active: cascade median {nocode_med:.1f}, p95 {nocode_p95:.1f} "
          f"(CPU time of the decoding thread: p95 {cpu_p95:.1f}; the difference is other processes' load); "
          f"zxing alone median {zx_nocode:.2f} (ratio of medians {nocode_med / zx_nocode:.1f})")

    def rate(rs, label="cascade live"):
        return sum(r["read"][label] for r in rs) / max(1, len(rs))

    print("\ngoals (issue 20), measured here:")
    goals = [
        (f"real photos read live >= 97 % (zxing alone {100 * rate(photos, 'zxing'):.1f} %)", rate(photos) >= 0.97,
         f"{100 * rate(photos):.1f} %"),
        (f"real photo codes under 40 px read >= 35 % (n={len(small_photos)})",
         rate(small_photos) >= 0.35 if small_photos else None, f"{100 * rate(small_photos):.1f} %"),
        ("synthetic (ID-card payloads, hard conditions) read live >= 85 %", rate(groups["ALL synthetic"]) >= 0.85,
         f"{100 * rate(groups['ALL synthetic']):.1f} % (zxing alone "
         f"{100 * rate(groups['ALL synthetic'], 'zxing'):.1f} %)"),
        # our model of the independent hard real-world photos (glare, bright spots, damaged, curved,
        # perspective, small), never tuned on: the figure that says most about photos the project has never seen
        (f"held-out synthetic, hard conditions, read live >= 85 % (zxing alone {100 * rate(held_out, 'zxing'):.1f} %)",
         rate(held_out) >= 0.85 if held_out else None, f"{100 * rate(held_out):.1f} %"),
        ("first look median <= 1.2x zxing alone (CPU time; wall clock in brackets)", cpu_ratio <= 1.2,
         f"{cpu_ratio:.2f}x ({first_med / zx_med:.2f}x)"),
        ("no-code frames p95 <= 40 ms (wall clock)", nocode_p95 <= 40,
         f"{nocode_p95:.1f} ms (CPU {cpu_p95:.1f} ms)"),
        ("0 false reads (cascade)", false_total == 0, str(false_total)),
    ]
    passed = True
    for text, good, value in goals:
        verdict = "n/a (no such case)" if good is None else ("PASS" if good else "FAIL")
        passed &= good is not False
        print(f"  {text}: {value}: {verdict}")
    print(f"\nbench took {time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs (other processes inflate every time; the ratios are what compare)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
