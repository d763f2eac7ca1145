"""Bench: every QR backend and the cascade on the real photos, at native size, scaled into 1280×720 frames,
and on frames with no code. Prints decode rate and median/p95 ms per backend and category, then the goals
as ratios against zxing-cpp measured in the same run. Main thread only.

Run: .venv/bin/python bench/qr.py [--sample N] [--no-code-frames N] [--seed S]
Data: tests/data/qr-photos (vendored; tests/data/SOURCES.md says where the photos come from).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devices.scanner.cascade import CascadeSettings, DecoderCascade  # noqa: E402
from devices.scanner.decoders import make_backend, to_gray  # noqa: E402

FPS = 15
BACKENDS = ("zxing", "pyzbar", "opencv")


def data_dir() -> Path:
    return ROOT / "tests" / "data"


def load_photos(sample: int | None, seed: int) -> list[tuple[str, np.ndarray, str]]:
    sys.path.insert(0, str(ROOT))
    from tests.scanner.images import photo_set

    items = photo_set(data_dir())
    if sample and sample < len(items):
        items = random.Random(seed).sample(items, sample)
    return [(str(p.relative_to(data_dir())), cv2.imread(str(p), cv2.IMREAD_GRAYSCALE), text) for p, text in items]


def into_frame(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """The photo scaled so it fills 25–60 % of the frame height, at a random place, on a textured background."""
    frame = background(rng)
    h = int(720 * rng.uniform(0.25, 0.6))
    w = max(1, int(image.shape[1] * h / image.shape[0]))
    if w > 1200:
        w, h = 1200, int(image.shape[0] * 1200 / image.shape[1])
    scaled = cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA if h < image.shape[0] else cv2.INTER_LINEAR)
    y, x = rng.randint(0, 720 - h), rng.randint(0, 1280 - w)
    frame[y:y + h, x:x + w] = scaled
    return frame


def background(rng: random.Random) -> np.ndarray:
    """A webcam-like frame without a code: gradient, noise, shapes, text (a person, a desk, a sign)."""
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    base = np.linspace(rng.randint(60, 160), rng.randint(120, 230), 1280, dtype=np.float32)[None, :].repeat(720, 0)
    frame = np.clip(base + nrng.normal(0, 8, base.shape), 0, 255).astype(np.uint8)
    for _ in range(rng.randint(3, 12)):
        color = rng.randint(0, 255)
        x, y = rng.randint(0, 1200), rng.randint(0, 680)
        if rng.random() < 0.5:
            cv2.rectangle(frame, (x, y), (x + rng.randint(20, 400), y + rng.randint(20, 300)), color, -1)
        else:
            cv2.circle(frame, (x, y), rng.randint(10, 150), color, rng.choice([-1, 3]))
    for _ in range(rng.randint(0, 4)):
        cv2.putText(frame, "THONG BAO 2026 Phuong Ben Nghe", (rng.randint(0, 800), rng.randint(30, 700)),
                    cv2.FONT_HERSHEY_SIMPLEX, rng.uniform(0.6, 2.0), rng.randint(0, 255), 2)
    return cv2.GaussianBlur(frame, (5, 5), rng.uniform(0.5, 2.0))


def ok(results, expected: str | None) -> bool:
    if expected is None:
        return bool(results)  # for no-code frames "read" means a false positive
    return any(r.text.replace("\r\n", "\n") == expected for r in results)


def timed(fn, image, repeat: bool = False):
    """(results, ms). ``repeat``: best of 3 for runs under 20 ms, where a single preemption by another process
    would dominate the figure (applied to every backend alike)."""
    start = time.perf_counter()
    results = fn(image)
    ms = (time.perf_counter() - start) * 1000
    if repeat and ms < 20:
        for _ in range(2):
            start = time.perf_counter()
            fn(image)
            ms = min(ms, (time.perf_counter() - start) * 1000)
    return results, ms


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def live(image: np.ndarray, expected: str, settings: CascadeSettings) -> tuple[bool, int, float, list[float]]:
    """The code held in front of the camera: the same frame at 15 fps until read or every ladder step was tried."""
    clock = Clock()
    cascade = DecoderCascade(settings, clock=clock)
    frames = math.ceil(settings.ladder_after_seconds * FPS) + 2 * len(cascade._live_steps) + \
        settings.pyzbar_every_n_frames
    # the first frame, measured like the single backends (best of 3 when cheap) for the median comparison
    first_ms = timed(lambda im: (cascade.reset(), cascade.decode_frame(im))[1], image, repeat=True)[1]
    cascade.reset()
    times = []
    for i in range(frames):
        results, ms = timed(cascade.decode_frame, image)
        times.append(ms)
        if ok(results, expected):
            return True, i + 1, first_ms, times
        clock.now += 1 / FPS
    return False, frames, first_ms, times


def stats(times: list[float]) -> tuple[float, float]:
    if not times:
        return float("nan"), float("nan")
    return statistics.median(times), float(np.percentile(times, 95))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="use a random sample of N photos (default: all)")
    parser.add_argument("--no-code-frames", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    rng = random.Random(args.seed)
    photos = load_photos(args.sample, args.seed)
    categories = {
        "native": [(name, img, text) for name, img, text in photos],
        "frame720": [(name, into_frame(img, rng), text) for name, img, text in photos],
        "nocode": [(f"nocode-{i}", background(rng), None) for i in range(args.no_code_frames)],
    }
    print(f"data: {data_dir() / 'qr-photos'}; {len(photos)} photos"
          f"{f' (random sample, seed {args.seed})' if args.sample else ' (all)'}; each at native size and once "
          f"scaled into a 1280x720 frame; {args.no_code_frames} generated 1280x720 frames with no code")
    settings = CascadeSettings(("zxing", "pyzbar"), 5, 2.0)
    singles = {name: make_backend(name) for name in BACKENDS}
    still = DecoderCascade(settings)
    plain = DecoderCascade(CascadeSettings(("zxing", "pyzbar"), ladder=False))
    rows: dict[tuple[str, str], tuple[int, int, list[float]]] = {}
    for category, items in categories.items():
        runs = [*singles.items(), ("zxing+pyzbar (still, no ladder)", plain.decode_still),
                ("cascade (still: all steps)", still.decode_still)]
        found = {label: [0, []] for label, _fn in runs}
        for i, (_name, image, text) in enumerate(items):
            gray = to_gray(image)
            # interleaved per image and rotated, so load from other processes and warm caches favour none
            for label, fn in runs[i % len(runs):] + runs[:i % len(runs)]:
                results, ms = timed(fn, gray, repeat=True)
                found[label][0] += ok(results, text)
                found[label][1].append(ms)
        for label, (hits, times) in found.items():
            rows[(category, label)] = (hits, len(items), times)
        if category != "nocode":
            hits, times, first, needed = 0, [], [], []
            for _name, image, text in items:
                read, frames, first_ms, frame_times = live(to_gray(image), text, settings)
                hits += read
                times += frame_times
                first.append(first_ms)
                if read:
                    needed.append(frames)
            rows[(category, "cascade (live, first frame)")] = (hits, len(items), first)
            rows[(category, "cascade (live, every frame)")] = (hits, len(items), times)
            print(f"{category}: live cascade needed a median of {statistics.median(needed or [0]):g} frames "
                  f"(max {max(needed or [0])}) to read a held code")
        else:
            clock = Clock()
            cascade = DecoderCascade(settings, clock=clock)
            clock.now = 10.0  # nothing found for 10 s: the ladder is active, the worst steady state
            times = []
            for _round in range(3):
                for _name, image, _text in items:
                    results, ms = timed(cascade.decode_frame, image)
                    times.append(ms)
                    clock.now += 1 / FPS
            rows[(category, "cascade (live, every frame)")] = (0, len(times), times)

    print()
    print("single backends, still runs and the live first frame: best of 3 when under 20 ms (load from other "
          "processes); live 'every frame': single runs, as they happen.")
    print("live = the same frame fed at 15 fps until read (ladder after 2 s, one step per frame); 'first frame' is "
          "the cost when a code appears,\n'every frame' includes the ladder frames of codes that take long or are "
          "never read; still = every step on one image (CLI).")
    print(f"{'category':<10} {'backend':<34} {'read':>11} {'rate':>7} {'median ms':>10} {'p95 ms':>8}")
    for (category, label), (hits, n, times) in rows.items():
        med, p95 = stats(times)
        read = f"{hits}/{n}" if category != "nocode" else f"FP {hits}"
        rate = f"{100 * hits / n:.1f}%" if category != "nocode" else ""
        print(f"{category:<10} {label:<34} {read:>11} {rate:>7} {med:>10.2f} {p95:>8.2f}")

    print("\ngoals (ratios against zxing-cpp alone, same run):")
    passed = True
    for category in ("native", "frame720"):
        best_label, (best_hits, n, _) = max(((label, rows[(category, label)]) for label in BACKENDS),
                                            key=lambda item: item[1][0])
        live_hits = rows[(category, "cascade (live, first frame)")][0]
        still_hits = rows[(category, "cascade (still: all steps)")][0]
        good = min(live_hits, still_hits) > best_hits
        passed &= good
        print(f"  {category}: cascade reads {still_hits}/{n} still, {live_hits}/{n} live vs best single "
              f"{best_label} {best_hits}/{n}: {'PASS' if good else 'FAIL'}")
        zx_med = stats(rows[(category, "zxing")][2])[0]
        for label in ("cascade (still: all steps)", "cascade (live, first frame)"):
            ratio = stats(rows[(category, label)][2])[0] / zx_med
            good = ratio <= 1.2
            passed &= good
            print(f"  {category}: median {label} / zxing = {ratio:.2f} (goal <= 1.2): {'PASS' if good else 'FAIL'}")
    p95 = stats(rows[("nocode", "cascade (live, every frame)")][2])[1]
    zx = stats(rows[("nocode", "zxing")][2])
    good = p95 < 40
    passed &= good
    print(f"  nocode: live cascade p95 {p95:.1f} ms (goal < 40 ms; zxing alone median {zx[0]:.1f}, "
          f"p95 {zx[1]:.1f}; ratio p95 cascade/zxing {p95 / zx[1]:.2f}): {'PASS' if good else 'FAIL'}")
    still_p95 = stats(rows[("nocode", "cascade (still: all steps)")][2])[1]
    print(f"  (for contrast, the whole ladder on one no-code frame: p95 {still_p95:.1f} ms - why live runs one step)")
    print(f"\nbench took {time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs (other processes inflate every figure; the ratios are what compare)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
