"""The bench's cases: real photos (tests/data/qr-photos) placed in 1280×720 frames, SYNTHETIC ID-card cases
(tests/scanner/synthetic.py), and frames with no QR code. Every case knows its group and the code's width in px."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SMALL_PX = 40  # issue 20's "small": a code under 40 px wide in the frame
SIZE_BUCKETS = ((0, 40, "<40 px"), (40, 80, "40-80 px"), (80, 160, "80-160 px"), (160, 10_000, ">=160 px"))


@dataclass(frozen=True)
class BenchCase:
    name: str
    group: str  # "photo/qrcode-2", "synthetic/glare", "no-code/scene", "no-code/products"
    frame: np.ndarray  # BGR
    expected: str | None
    code_px: int  # 0: unknown or no code
    frames: tuple[np.ndarray, ...] = ()  # a moving case: the frames seen in turn (``frame`` is the first)
    conditions: tuple[str, ...] = ()  # glare, damaged, curved, ... (real photos: tests/data/qr-photos/conditions.json)

    @property
    def sequence(self) -> tuple[np.ndarray, ...]:
        return self.frames or (self.frame,)

    @property
    def size_bucket(self) -> str:
        if not self.code_px:
            return "unknown"
        return next(label for low, high, label in SIZE_BUCKETS if low <= self.code_px < high)

    @property
    def all_conditions(self) -> tuple[str, ...]:
        """Its conditions, and "small" when the code is under 40 px in the frame (measured, not labelled)."""
        small = ("small",) if 0 < self.code_px < SMALL_PX and "small" not in self.conditions else ()
        return self.conditions + small


def data_dir() -> Path:
    return ROOT / "tests" / "data"


def native_code_px(image: np.ndarray) -> int:
    """The code's width in the photo, from zxing-cpp's position (found or only detected); 0 if it sees none."""
    import zxingcpp

    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode, return_errors=True):
        p = barcode.position
        xs = (p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x)
        ys = (p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y)
        return int(max(max(xs) - min(xs), max(ys) - min(ys)))
    return 0


def into_frame(image: np.ndarray, rng: random.Random) -> tuple[np.ndarray, float]:
    """The photo scaled so it fills 25–60 % of the frame height, at a random place, on a webcam-like scene.
    Returns the frame and the scale applied to the photo."""
    frame = cv2.cvtColor(background(rng), cv2.COLOR_GRAY2BGR)
    h = int(720 * rng.uniform(0.25, 0.6))
    w = max(1, int(image.shape[1] * h / image.shape[0]))
    if w > 1200:
        w, h = 1200, int(image.shape[0] * 1200 / image.shape[1])
    scaled = cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA if h < image.shape[0] else cv2.INTER_LINEAR)
    y, x = rng.randint(0, 720 - h), rng.randint(0, 1280 - w)
    frame[y:y + h, x:x + w] = scaled
    return frame, h / image.shape[0]


def background(rng: random.Random) -> np.ndarray:
    """A webcam-like grey frame without a code: gradient, noise, shapes, text (a person, a desk, a sign)."""
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


def photo_cases(rng: random.Random, sample: int | None) -> list[BenchCase]:
    from tests.scanner.images import photo_set

    items = photo_set(data_dir())
    conditions = json.loads((data_dir() / "qr-photos" / "conditions.json").read_text(encoding="utf-8"))
    if sample == 0:
        return []
    if sample and sample < len(items):
        items = random.Random(rng.random()).sample(items, sample)
    out = []
    for path, text in items:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        native = native_code_px(image)
        frame, scale = into_frame(image, rng)
        name = path.relative_to(data_dir() / "qr-photos").as_posix()
        out.append(BenchCase(name, f"photo/{path.parent.name}", frame, text, round(native * scale),
                             conditions=tuple(conditions.get(name, ("unlabelled",)))))
    return out


def synthetic_cases(per_category: int, negatives: int, seed: int) -> list[BenchCase]:
    from tests.scanner.synthetic import make_cases

    out = []
    for case in make_cases(data_dir(), per_category, negatives, seed):
        group = "no-code/products" if case.expected is None else f"synthetic/{case.category}"
        out.append(BenchCase(case.name, group, case.frame, case.expected, case.code_px, case.frames))
    return out


def held_out_cases(per_condition: int) -> list[BenchCase]:
    """The held-out synthetic set (tests/scanner/holdout.py: its own renderer and seed; no step was tuned on it)."""
    from tests.scanner.holdout import cases

    return [BenchCase(name, f"held-out/{condition}", frames[0], text, code_px,
                      tuple(frames) if len(frames) > 1 else (), (condition,))
            for name, condition, frames, text, code_px in cases(data_dir(), per_condition)]


def scene_cases(rng: random.Random, count: int) -> list[BenchCase]:
    return [BenchCase(f"scene-{i}", "no-code/scene", cv2.cvtColor(background(rng), cv2.COLOR_GRAY2BGR), None, 0)
            for i in range(count)]
