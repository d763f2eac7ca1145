"""SYNTHETIC codes that are not flat, for the grid fit (devices/scanner/gridfit.py): a code on a cylinder (a bottle,
a card bent hard) seen from the front, a code on wrinkled cloth (a sinusoidal displacement a module or more deep),
and a steep perspective. Made here, not photos; deterministic for a seed. The strengths are chosen beyond what
tests/scanner/synthetic.py's "curved" cases do (a bend of 0.6–1.0 rad), so the cases test the fit, not the ladder.
"""

from __future__ import annotations

import cv2
import numpy as np
import segno

from devices.scanner.decoders import ZxingReader, to_gray
from devices.scanner.gridfit import grids
from devices.scanner.steps import GRIDFIT_MODULE_PX, Look
from tests.scanner.synthetic import FRAME_H, FRAME_W, code_image, finish

ZXING = ZxingReader()


def gridfit_reads(frame: np.ndarray) -> set[str]:
    """What the grid fit alone reads on the frame's candidate crops, as the cascade's step does."""
    texts: set[str] = set()
    for image in Look(to_gray(frame)).crops(GRIDFIT_MODULE_PX)[:2]:
        for grid in grids(image):
            texts |= {d.text for d in ZXING.read(grid.image, "local", False)[0]}
    return texts


def cylinder(patch: np.ndarray, angle: float, axis: int = 0) -> np.ndarray:
    """The patch wrapped on a cylinder over ``angle`` radians (its half-width), seen from the front: a point at
    arc length s shows at R·sin(s/R), so modules shrink towards both edges; ``axis`` 1 bends about the other axis."""
    src = patch if axis == 0 else patch.T
    h, w = src.shape
    xs = np.arange(w, dtype=np.float32)
    u = xs / w * 2 - 1  # where the pixel lands in the image, −1…1 of the visible width
    s = np.arcsin(np.clip(u * np.sin(angle), -1, 1)) / angle  # which arc position it shows, −1…1
    map_x = np.repeat(((s + 1) / 2 * w)[None, :], h, 0).astype(np.float32)
    map_y = np.repeat(np.arange(h, dtype=np.float32)[:, None], w, 1)
    out = cv2.remap(src, map_x, map_y, cv2.INTER_LINEAR, borderValue=float(src[0, 0]))
    return out if axis == 0 else out.T.copy()


def wrinkle(patch: np.ndarray, depth: float, period: float, rng: np.random.Generator) -> np.ndarray:
    """Cloth: the patch displaced along both axes by a sum of two sines ``depth`` pixels deep, ``period`` pixels
    long, at random angles and phases."""
    h, w = patch.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = np.zeros_like(xs), np.zeros_like(ys)
    for _ in range(2):
        a, phase = rng.uniform(0, np.pi), rng.uniform(0, 2 * np.pi)
        wave = np.sin((xs * np.cos(a) + ys * np.sin(a)) * 2 * np.pi / period + phase)
        dx += depth / 2 * wave * np.sin(a)
        dy += depth / 2 * wave * np.cos(a)
    return cv2.remap(patch, xs + dx, ys + dy, cv2.INTER_LINEAR, borderValue=float(patch[0, 0]))


def steep(patch: np.ndarray, tilt: float, rng: np.random.Generator) -> np.ndarray:
    """A steep perspective: one edge ``tilt`` of the side shorter than the other, turned at random."""
    h, w = patch.shape
    a = tilt * h / 2
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[0, a], [w, 0], [w, h], [0, h - a]])
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(patch, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=float(patch[0, 0]))
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(0, 360)), 1.0)
    return cv2.warpAffine(out, rot, (w, h), borderValue=float(patch[0, 0]))


def on_card(text: str, module_px: float) -> np.ndarray:
    code = code_image(text, module_px).astype(np.float32)
    return cv2.copyMakeBorder(code, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=225)


def in_frame(patch: np.ndarray, seed: int, blur: float = 0.7) -> np.ndarray:
    """The patch in the middle of a plain 1280×720 frame, with webcam blur and noise (BGR)."""
    rng = np.random.default_rng(seed)
    frame = np.full((FRAME_H, FRAME_W), float(rng.uniform(90, 150)), np.float32)
    ph, pw = patch.shape
    y, x = (FRAME_H - ph) // 2, (FRAME_W - pw) // 2
    frame[y:y + ph, x:x + pw] = patch
    return finish(frame, rng, blur)


def not_flat_cases(texts: list[str], seed: int = 5) -> list[tuple[str, np.ndarray, str]]:
    """(name, frame, expected text), 4 px a module: cylinders either way; cloth wrinkles of up to half a module
    ("wrinkle-half") and up to a module ("wrinkle") over 20 modules; steep tilts (one edge 45 % shorter)."""
    rng = np.random.default_rng(seed)
    out = []
    for i, text in enumerate(texts):
        patch = on_card(text, 4.0)
        out.append((f"cylinder-{i}", in_frame(cylinder(patch, 1.25, i % 2), seed + i), text))
        out.append((f"wrinkle-{i}", in_frame(wrinkle(patch, 4.0, 80.0, rng), seed + 100 + i), text))
        out.append((f"steep-{i}", in_frame(steep(patch, 0.45, rng), seed + 200 + i), text))
    wavy = np.random.default_rng(seed + 300)  # its own generator: the cases above stay what they were
    for i, text in enumerate(texts):
        out.append((f"wrinkle-half-{i}", in_frame(wrinkle(on_card(text, 4.0), 2.0, 80.0, wavy), seed + 300 + i), text))
    return out


def bent_under_glare(text: str, seed: int, angle: float = 1.0) -> np.ndarray:
    """SYNTHETIC: a level-Q code on a card bent over ``angle`` radians, under a saturated round highlight covering
    25–40 % of the code (a lamp's reflection on a bent laminate), in a 1280×720 frame (BGR)."""
    rng = np.random.default_rng(seed)
    qr = segno.make_qr(text, encoding="utf-8", eci=True, error="q", boost_error=False)
    dark = np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)
    sharp = cv2.resize(np.where(dark, 20, 235).astype(np.uint8), None, fx=8, fy=8, interpolation=cv2.INTER_NEAREST)
    side = round(dark.shape[0] * 4.0)
    code = cv2.resize(sharp, (side, side), interpolation=cv2.INTER_AREA).astype(np.float32)
    patch = cylinder(cv2.copyMakeBorder(code, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=225), angle,
                     int(rng.integers(0, 2)))
    h, w = patch.shape
    cx, cy = w / 2 + rng.uniform(-0.2, 0.2) * w, h / 2 + rng.uniform(-0.2, 0.2) * h
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    radius = np.sqrt(rng.uniform(0.25, 0.40) * (side - 32) ** 2 / np.pi)  # the code without its quiet zone
    r2 = ((xs - cx) ** 2 + (ys - cy) ** 2) / radius ** 2
    return in_frame(np.minimum(patch + np.clip((1.3 - r2) / 0.6, 0, 1) * 300, 255), seed)
