"""SYNTHETIC damaged codes and codes at a strong angle (made here, not photos), for tests/scanner/test_damage.py:
real ID-card payloads rendered with segno, then scratched (light lines a fraction of a module wide), blotted with ink
(2–4 modules), creased (a light fold line with a shaded side), torn at a corner (a finder's or not), or with one
finder pattern partly covered (a thumb, a sticker), in a 1280×720 frame, tilted 0–20°; and codes turned 40–65°
either way about either axis by a pinhole camera close by, so the far side's modules are small.
Deterministic for a given seed."""

from __future__ import annotations

import math

import cv2
import numpy as np
import segno

from tests.scanner.synthetic import FRAME_H, FRAME_W, finish, scene

DAMAGES = ("scratches", "blots", "crease", "torn", "finder")


def matrix(text: str) -> np.ndarray:
    qr = segno.make_qr(text, encoding="utf-8", eci=True)
    return np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)


def printed(text: str, module: int) -> tuple[np.ndarray, int]:
    """The code printed on a card, ``module`` px a module (float32 grey), and the symbol's module count."""
    dark = matrix(text)
    img = np.where(dark, 25.0, 230.0).astype(np.float32)
    big = cv2.resize(img, None, fx=module, fy=module, interpolation=cv2.INTER_NEAREST)
    return big, dark.shape[0] - 8


def damaged(text: str, kind: str, rng: np.random.Generator, module: int = 8) -> np.ndarray:
    img, n = printed(text, module)
    q = 4 * module  # the quiet zone
    side = n * module
    if kind == "scratches":  # light scratches a fraction of a module wide across the code
        for _ in range(int(rng.integers(3, 6))):
            p0 = (q + rng.uniform(-0.1, 1.1) * side, q - 2)
            p1 = (q + rng.uniform(-0.1, 1.1) * side, q + side + 2)
            if rng.random() < 0.5:
                p0, p1 = (p0[1], p0[0]), (p1[1], p1[0])
            width = max(1, round(module * rng.uniform(0.25, 0.45)))
            cv2.line(img, (int(p0[0]), int(p0[1])), (int(p1[0]), int(p1[1])), float(rng.uniform(200, 240)), width,
                     cv2.LINE_AA)
    elif kind == "blots":  # ink blots of 2–4 modules
        for _ in range(int(rng.integers(3, 6))):
            c = (int(q + rng.uniform(0.15, 0.85) * side), int(q + rng.uniform(0.15, 0.85) * side))
            r = rng.uniform(1.0, 2.0) * module
            cv2.ellipse(img, c, (int(r), int(r * rng.uniform(0.6, 1.0))), float(rng.uniform(0, 180)), 0, 360,
                        float(rng.uniform(20, 50)), -1, cv2.LINE_AA)
    elif kind == "crease":  # a fold: a light line with a shaded band on one side
        a = rng.uniform(0, math.pi)
        cx, cy = q + side * rng.uniform(0.35, 0.65), q + side * rng.uniform(0.35, 0.65)
        ys, xs = np.mgrid[0:img.shape[0], 0:img.shape[1]].astype(np.float32)
        d = (xs - cx) * math.cos(a) + (ys - cy) * math.sin(a)
        shade = np.where(d > 0, 1.0 - 0.35 * np.exp(-d / (3 * module)), 1.0)
        img = img * shade
        line = np.exp(-(d / (0.3 * module)) ** 2)
        img = img * (1 - line) + 235 * line
    elif kind == "torn":  # a missing corner (not a finder's): background shows through
        cut = side * rng.uniform(0.18, 0.26)
        x1, y1 = q + side, q + side
        pts = np.array([[x1 - cut, y1 + q], [x1 + q, y1 + q], [x1 + q, y1 - cut],
                        [x1 - cut * rng.uniform(0.2, 0.5), y1 - cut * rng.uniform(0.2, 0.5)]], np.int32)
        cv2.fillPoly(img, [pts], float(rng.uniform(90, 150)))
    elif kind == "finder":  # a finger or sticker over part of one finder pattern
        corner = [(q, q), (q + side - 7 * module, q), (q, q + side - 7 * module)][int(rng.integers(0, 3))]
        frac = rng.uniform(0.3, 0.5)
        x0, y0 = corner
        if rng.random() < 0.5:
            cv2.rectangle(img, (x0 - q, y0 - q), (int(x0 + 7 * module * frac), y0 + 7 * module + q),
                          float(rng.uniform(100, 160)), -1)
        else:
            cv2.rectangle(img, (x0 - q, y0 - q), (x0 + 7 * module + q, int(y0 + 7 * module * frac)),
                          float(rng.uniform(100, 160)), -1)
    return img


def tilted(patch: np.ndarray, degrees: float, axis: int, distance: float = 2.2) -> tuple[np.ndarray, np.ndarray]:
    """The patch seen turned ``degrees`` about its vertical (axis 0) or horizontal (1) axis by a pinhole camera
    ``distance`` patch-widths away: (the 4 corners' images, relative to the patch centre, in patch pixels)."""
    h, w = patch.shape[:2]
    t = math.radians(degrees)
    f = distance * w
    out = []
    for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        if axis == 0:
            X, Y, Z = x * math.cos(t), y, x * math.sin(t)
        else:
            X, Y, Z = x, y * math.cos(t), y * math.sin(t)
        out.append((f * X / (f + Z), f * Y / (f + Z)))
    return np.float32([[0, 0], [w, 0], [w, h], [0, h]]), np.float32(out)


def in_frame(patch: np.ndarray, rng: np.random.Generator, width_px: float, degrees: float = 0.0, axis: int = 0,
             blur: float = 0.7, distance: float = 2.2) -> np.ndarray:
    """The patch (quiet zone included) in a 1280×720 lobby frame, ``width_px`` wide before the tilt, turned."""
    frame = scene(rng)
    src, rel = tilted(patch, degrees, axis, distance)
    s = width_px / patch.shape[1]
    spin = math.radians(rng.uniform(-20, 20))
    rot = np.array([[math.cos(spin), -math.sin(spin)], [math.sin(spin), math.cos(spin)]], np.float32)
    cx, cy = FRAME_W / 2 + rng.uniform(-150, 150), FRAME_H / 2 + rng.uniform(-80, 80)
    dst = (rel * s) @ rot.T + np.float32([cx, cy])
    patch = cv2.GaussianBlur(patch, (0, 0), max(0.3, 0.5 / s))  # no aliasing when shrinking
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(patch, m, (FRAME_W, FRAME_H), flags=cv2.INTER_AREA, borderValue=-1.0)
    frame = np.where(warped >= 0, warped, frame)
    return finish(frame, rng, blur)


def damaged_cases(ids: list[str], seed: int, per_kind: int = 6,
                  module_px: tuple[float, float] = (3.0, 4.5)) -> list[tuple[str, np.ndarray, str]]:
    """(name, BGR frame, payload) for each kind of damage (``module_px`` a module) and for strong perspective."""
    rng = np.random.default_rng(seed)
    out = []
    for kind in DAMAGES:
        for i in range(per_kind):
            text = ids[(i * 3 + len(kind)) % len(ids)]
            patch = damaged(text, kind, rng)
            modules = printed(text, 1)[1] + 8
            module = rng.uniform(*module_px)
            frame = in_frame(patch, rng, modules * module, rng.uniform(0, 20), int(rng.integers(0, 2)))
            out.append((f"{kind}-{i}", frame, text))
    for i in range(2 * per_kind):
        text = ids[(i * 5 + 1) % len(ids)]
        patch, _n = printed(text, 8)
        degrees = rng.uniform(40, 65) * (1 if i % 2 else -1)
        module = rng.uniform(2.8, 4.0)  # before the tilt; a phone close to the code (1.2 code widths): far side ~1/2
        frame = in_frame(patch, rng, patch.shape[0] / 8 * module, degrees, (i // 2) % 2, distance=1.2)
        out.append((f"perspective-{i}", frame, text))
    return out


def torn_finder(text: str, rng: np.random.Generator, module: int = 8) -> np.ndarray:
    """The code with one finder pattern's corner torn off (the background shows through the tear)."""
    img, n = printed(text, module)
    q, side = 4 * module, n * module
    corner = int(rng.integers(0, 3))
    cx, cy = [(q, q), (q + side, q), (q, q + side)][corner]
    sx, sy = [(1, 1), (-1, 1), (1, -1)][corner]
    a, b = rng.uniform(4, 7) * module, rng.uniform(4, 7) * module  # the tear's reach along each edge
    pts = np.array([[cx - sx * q, cy - sy * q], [cx + sx * (a + rng.uniform(0, 1) * module), cy - sy * q],
                    [cx + sx * a * 0.5, cy + sy * b * 0.5], [cx - sx * q, cy + sy * b]], np.int32)
    cv2.fillPoly(img, [pts], float(rng.uniform(90, 150)))
    return img


def torn_finder_cases(ids: list[str], seed: int, count: int = 6,
                      module_px: tuple[float, float] = (3.0, 6.0)) -> list[tuple[str, np.ndarray, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        text = ids[(i * 3 + 2) % len(ids)]
        patch = torn_finder(text, rng)
        modules = printed(text, 1)[1] + 8
        module = rng.uniform(*module_px)
        frame = in_frame(patch, rng, modules * module, rng.uniform(0, 20), int(rng.integers(0, 2)))
        out.append((f"torn-finder-{i}", frame, text))
    return out


def big_cases(ids: list[str], seed: int, kinds: tuple[str, ...] = ("scratches", "crease", "finder", "blots"),
              side_px: tuple[float, float] = (300.0, 600.0)) -> list[tuple[str, np.ndarray, str]]:
    """One case of each kind, the code (quiet zone included) ``side_px`` wide: 6–13 px a module."""
    rng = np.random.default_rng(seed)
    out = []
    for kind in kinds:
        text = ids[int(rng.integers(0, len(ids)))]
        patch = damaged(text, kind, rng)
        frame = in_frame(patch, rng, rng.uniform(*side_px), rng.uniform(0, 20), int(rng.integers(0, 2)))
        out.append((f"big-{kind}-{seed}", frame, text))
    return out


def inked_finder_cases(ids: list[str], seed: int, count: int = 4) -> list[tuple[str, np.ndarray, str]]:
    """An ink blot of 3–5 modules on or beside one finder pattern, 3.5–9 px a module."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        text = ids[int(rng.integers(0, len(ids)))]
        img, n = printed(text, 8)
        q, side, m = 32, n * 8, 8
        corner = [(q, q), (q + side - 7 * m, q), (q, q + side - 7 * m)][int(rng.integers(0, 3))]
        centre = (int(corner[0] + rng.uniform(1, 6) * m), int(corner[1] + rng.uniform(1, 6) * m))
        r = rng.uniform(1.5, 2.5) * m
        cv2.ellipse(img, centre, (int(r), int(r * rng.uniform(0.6, 1.0))), float(rng.uniform(0, 180)), 0, 360,
                    float(rng.uniform(20, 50)), -1, cv2.LINE_AA)
        frame = in_frame(img, rng, (n + 8) * rng.uniform(3.5, 9), rng.uniform(0, 20), int(rng.integers(0, 2)))
        out.append((f"inked-finder-{seed}-{i}", frame, text))
    return out
