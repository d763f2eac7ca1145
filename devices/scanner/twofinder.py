"""Reading a code one of whose finder patterns is gone altogether (torn off, covered by a sticker or a thumb), by
the module grid fitted to the two finders left.

Qt-free; scanner worker thread (or the CLI, the bench). :mod:`devices.scanner.damage`'s refind looks for a partly
covered finder by its template; a finder wholly gone leaves nothing to match, and a grid guessed from two finder
centres alone (the third placed at a right angle) is out by a module or two across the code as soon as the card is
tilted a little. Here the grid is fitted as :mod:`devices.scanner.gridfit` fits it, from what the two finders give:
their centres and outer corners (ten points, a homography), the timing pattern between them when they share an
edge, and the alignment patterns found near where that fit puts them (each one found makes the fit surer for the
next). Which corner is missing is not known: every place the third can be (either side of the pair, or the pair
diagonal) is a hypothesis, kept only if the square it puts the symbol in is covered by code texture (edges both
ways) — a wrong one lays half of it on the blank card, the printed lines or the wall. The clean matrix goes to
zxing-cpp and the module values to the erasure decoder; a wrong grid gives no read, never a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np

from devices.scanner.gridfit import Grid, GridMap, _align_at, _grid, _timing, alignment_centres
from devices.scanner.resample import Finder, corner_sets, finders

# the share of the hypothesised symbol's area that must show code texture (edges running both ways): a right
# hypothesis covers the code (0.8–1 of it textured, a torn corner or a blot aside), a wrong one half blank card
TEXTURE_SHARE = 0.7


def _texture(gray: np.ndarray, module: float) -> np.ndarray:
    """Where the crop shows edges running both ways at a module's scale (the region finder's test)."""
    k = max(3, round(module * 2)) | 1
    ax = cv2.blur(cv2.convertScaleAbs(cv2.Sobel(gray, cv2.CV_16S, 1, 0, ksize=3)), (k, k))
    ay = cv2.blur(cv2.convertScaleAbs(cv2.Sobel(gray, cv2.CV_16S, 0, 1, ksize=3)), (k, k))
    _, busy = cv2.threshold(cv2.min(ax, ay), 0, 1, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return busy


def _coverage(busy: np.ndarray, tl: tuple[float, float], tr: tuple[float, float], bl: tuple[float, float],
              n: int) -> float:
    """The textured share of the symbol's square (without the finders' corners) these centres put it in."""
    span = n - 7
    ex, ey = np.subtract(tr, tl) / span, np.subtract(bl, tl) / span
    origin = np.asarray(tl) - 3.5 * (ex + ey)
    # the data area's middle: modules 8 … n-8 both ways (the finders, wherever they are, left out)
    quad = np.array([origin + a * ex + b * ey for a, b in ((8, 8), (n - 8, 8), (n - 8, n - 8), (8, n - 8))])
    mask = np.zeros(busy.shape, np.uint8)
    cv2.fillConvexPoly(mask, np.round(quad).astype(np.int32), 1)
    area = int(mask.sum())
    inside = cv2.countNonZero(cv2.bitwise_and(busy, busy, mask=mask))
    expected = abs(ex[0] * ey[1] - ex[1] * ey[0]) * (n - 16) ** 2
    return 0.0 if area < 0.8 * expected else inside / area  # a square off the crop: not this code


def _points(real: dict[int, Finder], tl: tuple[float, float], tr: tuple[float, float], bl: tuple[float, float],
            n: int) -> tuple[np.ndarray, np.ndarray]:
    """(module coords, image points) of the real finders' centres and outer corners; ``real`` maps a role (0 tl,
    1 tr, 2 bl) to the finder seen there."""
    inv = np.linalg.inv(np.c_[np.subtract(tr, tl), np.subtract(bl, tl)])
    src, dst = [], []
    for role, f in real.items():
        cx, cy = ((3.5, 3.5), (n - 3.5, 3.5), (3.5, n - 3.5))[role]
        src.append((cx, cy))
        dst.append(f.centre)
        axes = (inv @ (f.corners - f.centre).T).T
        if len({(float(np.sign(a)), float(np.sign(b))) for a, b in axes}) == 4:  # one corner a quadrant
            for q, (a, b) in zip(f.corners, axes, strict=True):
                src.append((cx + 3.5 * np.sign(a), cy + 3.5 * np.sign(b)))
                dst.append((float(q[0]), float(q[1])))
    return np.array(src, np.float64), np.array(dst, np.float64)


Point = tuple[float, float]


def _fit(gray: np.ndarray, real: dict[int, Finder], centres: tuple[Point, Point, Point], version: int
         ) -> tuple[GridMap, int] | None:
    """The grid for ``version`` and how much the code confirms it (timing modules and alignment patterns found);
    None when the pair shares an edge and the timing pattern between them does not count out to this version."""
    n = 17 + 4 * version
    src, dst = _points(real, *centres, n=n)
    if len(src) < 10:
        return None  # a finder's outline not a clean quadrilateral: two centres and four corners fix no homography
    fit = GridMap(n, src, dst)
    evidence = 0
    # a timing pattern runs between two finders: row 6 from the top-left to the top-right, column 6 to the bottom-left
    for axis, other in ((0, 1), (1, 2)):
        if 0 in real and other in real:
            if not (found := _timing(gray, fit, axis)):
                return None  # the count is another version's (or not a code's)
            ks = [(k, 6.5) if axis == 0 else (6.5, k) for k, _ in found]
            src, dst = np.r_[src, ks], np.r_[dst, [p for _, p in found]]
            fit, evidence = GridMap(n, src, dst), evidence + 1
    for c, r in sorted(alignment_centres(version), key=lambda cr: -(cr[0] + cr[1]))[:3]:  # the far corner's first
        if (hit := _align_at(gray, fit, c, r)) is not None:
            src, dst = np.r_[src, [(c + 0.5, r + 0.5)]], np.r_[dst, [hit[0]]]
            fit, evidence = GridMap(n, src, dst), evidence + 1
    return (fit, evidence) if evidence else None


def two_finder_grids(gray: np.ndarray, module_out: int = 4) -> Iterator[Grid]:
    """Grids of a code in ``gray`` (a crop, 2.5+ px a module) of which exactly two finder patterns are seen: the
    hypotheses the code's texture covers, each at the versions around the estimate that the code confirms (a timing
    pattern that counts out, an alignment pattern where the fit puts it), best confirmed first."""
    seen = finders(gray)
    if len(seen) != 2:
        return  # three: gridfit and regrid have it; one or none: too little to fit
    a, b = seen
    if abs(a.module - b.module) > 0.4 * max(a.module, b.module):
        return  # not two finders of one code
    busy = _texture(gray, (a.module + b.module) / 2)
    by_centre = {a.centre: a, b.centre: b}
    fits = []
    for tl, tr, bl, module in corner_sets([(a.centre, a.module), (b.centre, b.module)]):
        span = (np.hypot(*np.subtract(tr, tl)) + np.hypot(*np.subtract(bl, tl))) / 2 / max(module, 0.5)
        estimate = int(max(1, min(40, round((span + 7 - 17) / 4))))
        if _coverage(busy, tl, tr, bl, 17 + 4 * estimate) < TEXTURE_SHARE:
            continue
        real = {role: by_centre[c] for role, c in enumerate((tl, tr, bl)) if c in by_centre}
        for version in (estimate, estimate - 1, estimate + 1):
            if 1 <= version <= 40 and (fitted := _fit(gray, real, (tl, tr, bl), version)) is not None:
                fits.append((fitted[1], version, fitted[0], 0 in real))
    if not fits:
        return
    _evidence, version, fit, tl_seen = max(fits, key=lambda f: f[0])  # the best confirmed (the first of a tie)
    yield _grid(gray, fit, version, False, module_out)
    if tl_seen:
        # far from the finders the fit extrapolates; a grid tracked block by block from the top-left finder follows
        # the modules there (gridsample.py) — when that finder is a real one to start from
        yield _grid(gray, fit, version, True, module_out)
