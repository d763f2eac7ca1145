"""Reading a code that is not flat (curved on a bottle or a bent card, wrinkled cloth, strong perspective): the
module grid fitted to the code itself, not assumed from the finder patterns alone.

Qt-free; scanner worker thread (or the CLI, the bench). zxing-cpp and :mod:`devices.scanner.resample` sample a
grid that is projective (zxing) or affine (regrid) between the finder and alignment patterns; a code on a curved
or soft surface departs from both by a module or more in its middle, and the modules are read in the wrong place.
Here the grid is measured where the code itself says where its modules are:

1. the finder patterns' outer corners (12 points) give a homography and the module size;
2. the two timing patterns (row and column 6, alternating between the finders) are followed as intensity
   profiles: their runs give the version (a count, not a distance, so a bend cannot fool it) and the position of
   every module along them;
3. each alignment pattern is searched near where the current fit puts it (a 5×5-module template matched in a
   window of ±2 modules, nearest the finders first), and the fit is updated after each;
4. the map is the homography plus a smooth correction (a cubic polynomial in the module coordinates, least
   squares with a small ridge) through all those points; a wrinkle bends the grid locally, which no smooth fit
   follows, so each module is nudged (at most 0.3 module) to where its neighbourhood's samples are most clearly
   dark or light, and a second grid is tracked block by block outward from the top-left finder
   (:mod:`devices.scanner.gridsample`); sampled (a quarter-module blur) and thresholded local to 5×5 modules,
   the function patterns drawn back, the clean matrix goes to zxing-cpp.

A wrong grid gives no read, never a wrong one: the payload still has to pass Reed–Solomon.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from devices.scanner.cylinder import CylinderMap, cylinder_guesses, fit_cylinder
from devices.scanner.gridsample import sample
from devices.scanner.resample import Finder, corner_sets, finders, function_patterns

Point = tuple[float, float]


@dataclass(frozen=True)
class Grid:
    """One fitted grid: the version, each module's sampled grey level and darkness (0 light … 1 dark, n×n floats,
    for :func:`devices.scanner.qrmatrix.decode_matrix`, with :func:`devices.scanner.erasure.module_evidence` on the
    grey levels for the erasures) and the clean rendering for zxing-cpp."""

    version: int
    values: np.ndarray
    darkness: np.ndarray
    image: np.ndarray


def alignment_centres(version: int) -> list[tuple[int, int]]:
    """(col, row) of the alignment patterns' centre modules (ISO/IEC 18004 table E.1, by its rule)."""
    if version < 2:
        return []
    n, count = 17 + 4 * version, version // 7 + 2
    step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
    pos = [6, *sorted(n - 7 - i * step for i in range(count - 1))]
    corners = {(6, 6), (6, n - 7), (n - 7, 6)}
    return [(c, r) for r in pos for c in pos if (c, r) not in corners]


class GridMap:
    """Module coordinates (col, row; module (c, r) spans [c, c+1]×[r, r+1]) to image points: a homography and a
    cubic correction fitted by least squares with a ridge, so a few points bend it only as far as they show."""

    def __init__(self, n: int, src: np.ndarray, dst: np.ndarray, ridge: float = 1.0) -> None:
        self.n = n
        self.src, self.dst = src, dst  # the points measured, for a model of another shape (cylinder.py)
        self.timing_patterns = 0  # how many of the two counted out (fit_grid): the evidence for this version
        self.h = _homography(src, dst)
        base = self._project(src)
        self.coef = np.zeros((10, 2))
        if len(src) >= 12:
            a = self._basis(src)
            # ridge in pixels²: a term must pay for itself by bringing many points closer (cf. a module's size)
            self.coef = np.linalg.solve(a.T @ a + ridge * np.eye(10), a.T @ (dst - base))

    def _project(self, pts: np.ndarray) -> np.ndarray:
        p = np.c_[pts, np.ones(len(pts))] @ self.h.T
        return np.asarray(p[:, :2] / p[:, 2:3])

    def _basis(self, pts: np.ndarray) -> np.ndarray:
        u, v = (pts[:, 0] / self.n) * 2 - 1, (pts[:, 1] / self.n) * 2 - 1
        return np.stack([np.ones_like(u), u, v, u * u, u * v, v * v, u ** 3, u * u * v, u * v * v, v ** 3], 1)

    def __call__(self, pts: np.ndarray) -> np.ndarray:
        return self._project(pts) + self._basis(pts) @ self.coef


def _homography(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    if len(src) >= 4:
        h, _ = cv2.findHomography(src.astype(np.float32), dst.astype(np.float32), 0)
        if h is not None:
            return np.asarray(h, np.float64)
    a = cv2.getAffineTransform(src[:3].astype(np.float32), dst[:3].astype(np.float32))
    return np.vstack([a, [0, 0, 1]])


def _finder_points(fs: tuple[Finder, Finder, Finder], n: int) -> tuple[np.ndarray, np.ndarray]:
    """(module coords, image points) of the three finders' centres and outer corners (a corner's module position
    from its side of the centre along the code's two axes)."""
    tl, tr, bl = fs
    u = np.subtract(tr.centre, tl.centre)
    v = np.subtract(bl.centre, tl.centre)
    inv = np.linalg.inv(np.c_[u, v])
    src, dst = [], []
    for f, (cx, cy) in zip(fs, ((3.5, 3.5), (n - 3.5, 3.5), (3.5, n - 3.5)), strict=True):
        src.append((cx, cy))
        dst.append(f.centre)
        signs = {(float(np.sign(a)), float(np.sign(b))) for a, b in (inv @ (f.corners - f.centre).T).T}
        if len(signs) == 4:  # one corner in each quadrant, else the quadrilateral is not trusted
            for q, (a, b) in zip(f.corners, (inv @ (f.corners - f.centre).T).T, strict=True):
                src.append((cx + 3.5 * np.sign(a), cy + 3.5 * np.sign(b)))
                dst.append((float(q[0]), float(q[1])))
    return np.array(src, np.float64), np.array(dst, np.float64)


def _timing(gray: np.ndarray, fit: GridMap | CylinderMap, axis: int) -> list[tuple[float, Point]]:
    """(module index, image point) of each timing module found along row 6 (``axis`` 0) or column 6 (1): the
    profile from inside the first finder to inside the second, its runs split at the local mean."""
    n, steps = fit.n, 10 * fit.n  # ten samples a module
    # from inside one finder to inside the other (row 6 is their dark bottom edge from column 0 to 6): the ends
    # are dark even where the first fit is a module out, as at the compressed edges of a curved code
    t = np.linspace(5.0, n - 5.0, steps)
    pts = np.c_[t, np.full(steps, 6.5)] if axis == 0 else np.c_[np.full(steps, 6.5), t]
    img = fit(pts).astype(np.float32)
    profile = cv2.remap(gray, img[:, 0].reshape(1, -1), img[:, 1].reshape(1, -1), cv2.INTER_LINEAR).ravel()
    profile = cv2.GaussianBlur(profile.astype(np.float32).reshape(1, -1), (0, 0), 1.5).ravel()
    # the threshold: the mean over four modules (n − 10 modules in ``steps`` samples: 19 samples a module for a
    # version 1 code, 13 for version 7; a fixed window of 41 was two modules on a version 1 code, and the dark
    # finder edge at each end pulled its own threshold down and split into noise)
    window = int(4 * steps / (n - 10)) | 1
    local = cv2.blur(profile.reshape(1, -1), (window, 1), borderType=cv2.BORDER_REFLECT).ravel()
    dark = profile < local
    edges = np.flatnonzero(dark[1:] != dark[:-1]) + 1
    runs = np.split(np.arange(steps), edges)
    runs = [r for r in runs if len(r) >= 3]  # a run under 0.3 module is noise
    while runs and not dark[runs[0][0]]:  # a first fit a module out at an end: the separator seen, not the finder
        runs.pop(0)
    while runs and not dark[runs[-1][0]]:
        runs.pop()
    if len(runs) != n - 12:
        return []  # the count is wrong for this version (or damage broke the pattern): no evidence
    idx = np.arange(steps)  # each inner run's middle, as an image point: that module's centre
    return [(k + 0.5, (float(np.interp(m, idx, img[:, 0])), float(np.interp(m, idx, img[:, 1]))))
            for k, m in enumerate(((r[0] + r[-1]) / 2 for r in runs[1:-1]), start=7)]


def _align_at(gray: np.ndarray, fit: GridMap, c: int, r: int, px: int = 4) -> tuple[Point, float] | None:
    """The alignment pattern centred on module (c, r): the image around the prediction resampled to ``px`` pixels a
    module over 9×9 modules and matched against the 5×5-module pattern; (image point, score) or None."""
    offs = (np.arange(9 * px) + 0.5) / px - 4.5
    gx, gy = np.meshgrid(offs + c + 0.5, offs + r + 0.5)
    img = fit(np.c_[gx.ravel(), gy.ravel()]).astype(np.float32)
    patch = cv2.remap(gray, img[:, 0].reshape(gx.shape), img[:, 1].reshape(gx.shape), cv2.INTER_LINEAR)
    pattern = np.full((5, 5), 255, np.uint8)
    pattern[[0, 4], :] = pattern[:, [0, 4]] = pattern[2, 2] = 0
    template = cv2.resize(pattern, None, fx=px, fy=px, interpolation=cv2.INTER_NEAREST)
    scores = cv2.matchTemplate(patch, template, cv2.TM_CCOEFF_NORMED)
    _lo, best, _lo_at, (bx, by) = cv2.minMaxLoc(scores)
    if best < 0.55:  # data modules alone seldom look like the pattern this well
        return None
    mc = c + 0.5 + (bx + 2.5 * px) / px - 4.5
    mr = r + 0.5 + (by + 2.5 * px) / px - 4.5
    p = fit(np.array([[mc, mr]]))[0]
    return (float(p[0]), float(p[1])), best


def _versions(fs: tuple[Finder, Finder, Finder]) -> list[int]:
    """The versions around the finders' estimate (too high on a bend: the edges' modules look small)."""
    tl, tr, bl = fs
    span = (math.dist(tl.centre, tr.centre) + math.dist(tl.centre, bl.centre)) / 2 / max(
        (tl.module + tr.module + bl.module) / 3, 0.5)  # finder centre to centre, in modules: n − 7
    return [v for d in (0, -1, 1, -2, 2) if 1 <= (v := round((span + 7 - 17) / 4) + d) <= 40]


def fit_grid(gray: np.ndarray, fs: tuple[Finder, Finder, Finder], version: int, bent: bool = False
             ) -> GridMap | None:
    """The grid of a ``version`` symbol whose finders are ``fs`` (top-left, top-right, bottom-left), or None when
    its timing patterns do not count out to that version. ``bent``: the timing patterns looked for along
    cylinders through the finders (:func:`devices.scanner.cylinder.cylinder_guesses`) rather than a flat fit,
    which misses them by a module or more in the middle of a strongly bent code."""
    n = 17 + 4 * version
    src, dst = _finder_points(fs, n)
    fit = GridMap(n, src, dst)
    row, col = ([], []) if bent else (_timing(gray, fit, 0), _timing(gray, fit, 1))
    for guess in cylinder_guesses(n, src, dst) if bent else ():
        along, across = _timing(gray, guess, 0), _timing(gray, guess, 1)
        if len(along) + len(across) > len(row) + len(col):
            row, col = along, across
    if not row and not col:
        return None  # neither timing pattern counts ``n`` modules: another version, or not a code at all
    src = np.r_[src, np.reshape([(k, 6.5) for k, _ in row] + [(6.5, k) for k, _ in col], (-1, 2))]
    dst = np.r_[dst, np.reshape([p for _, p in row] + [p for _, p in col], (-1, 2))]
    fit = GridMap(n, src, dst)
    for c, r in sorted(alignment_centres(version), key=lambda cr: cr[0] + cr[1]):
        if (hit := _align_at(gray, fit, c, r)) is not None:
            src, dst = np.r_[src, [(c + 0.5, r + 0.5)]], np.r_[dst, [hit[0]]]
            fit = GridMap(n, src, dst)
    fit.timing_patterns = bool(row) + bool(col)
    return fit


def _alignment_patterns(n: int, version: int) -> tuple[np.ndarray, np.ndarray]:
    mask, dark = function_patterns(n)
    for c, r in alignment_centres(version):
        mask[r - 2:r + 3, c - 2:c + 3] = dark[r - 2:r + 3, c - 2:c + 3] = True  # a dark ring, a light one, a dot
        dark[r - 1:r + 2, c - 1:c + 2], dark[r, c] = False, True
    return mask, dark


class _Blurred:
    """The crop blurred a quarter module, for each module size met (to a pixel): a crop's grids mostly share
    one, and blurring the whole crop cost more than sampling a grid."""

    def __init__(self, gray: np.ndarray) -> None:
        self.gray = gray.astype(np.float32)
        self.cache: dict[float, np.ndarray] = {}

    def __call__(self, module: float) -> np.ndarray:
        sigma = max(0.5, round(module) / 4)
        if sigma not in self.cache:
            self.cache[sigma] = cv2.GaussianBlur(self.gray, (0, 0), sigma)
        return self.cache[sigma]


def _grid(blurred: _Blurred | np.ndarray, fit: GridMap | CylinderMap, version: int, track: bool, module_out: int
          ) -> Grid:
    """One grid sampled on the crop (``blurred``: shared by a crop's grids, or the crop itself)."""
    if isinstance(blurred, np.ndarray):
        blurred = _Blurred(blurred)
    n = fit.n
    cs = np.arange(n) + 0.5
    gx, gy = np.meshgrid(cs, cs)
    centres = fit(np.c_[gx.ravel(), gy.ravel()]).astype(np.float32)
    mx, my = centres[:, 0].reshape(n, n), centres[:, 1].reshape(n, n)
    module = float(np.median(np.hypot(*np.diff(centres.reshape(n, n, 2), axis=1).reshape(-1, 2).T)))
    values = sample(blurred(module), mx, my, track)
    local = cv2.blur(values, (5, 5))  # the threshold of a module: the mean of the 5×5 modules around it
    lo, hi = np.percentile(values, (5, 95))
    darkness = np.clip(0.5 + (local - values) / max(float(hi - lo), 1.0), 0.0, 1.0)
    mask, fixed = _alignment_patterns(n, version)
    matrix = np.where(np.where(mask, fixed, values < local), 0, 255).astype(np.uint8)
    image = cv2.copyMakeBorder(matrix, 4, 4, 4, 4, cv2.BORDER_CONSTANT, value=255)
    big = cv2.resize(image, None, fx=module_out, fy=module_out, interpolation=cv2.INTER_NEAREST)
    return Grid(version, values, darkness, big)


def grids(gray: np.ndarray, module_out: int = 4) -> Iterator[Grid]:
    """The grids fitted in ``gray`` (a crop, a few pixels a module), one per finder triple and version whose timing
    patterns agree (a wrinkle can make a wrong count agree too, so every version near the estimate is tried), each
    with its module darkness and its clean rendering (black on white, quiet zone); unless both timing patterns of
    some version counted out, the same again from cylinders through the finders (a strong bend). Then the first
    fit, and the first with the most timing patterns counted, as a cylinder (:mod:`devices.scanner.cylinder`),
    and the first tracked block by block for a wrinkle (:func:`devices.scanner.gridsample.tracked`): each a few
    ms, so not for every fit."""
    seen = finders(gray)
    if len(seen) < 3:
        return
    by_centre = {f.centre: f for f in seen}
    blurred = _Blurred(gray)
    fits: list[tuple[GridMap, int]] = []
    for bent in (False, True):
        if any(fit.timing_patterns == 2 for fit, _v in fits):
            break
        for tl, tr, bl, _module in corner_sets([(f.centre, f.module) for f in seen]):
            fs = (by_centre[tl], by_centre[tr], by_centre[bl])
            # on a bend the finders' modules look small, the estimate too high: the bent pass looks no higher
            for version in (v for v in _versions(fs) if not bent or v <= _versions(fs)[0]):
                if (fit := fit_grid(gray, fs, version, bent)) is not None:
                    fits.append((fit, version))
                    yield _grid(blurred, fit, version, False, module_out)
    if fits:
        # the first fit (nearest the version estimated) and the first with the most timing patterns counted (a
        # wrong version's count agrees by chance now and then, on one pattern more often than on both)
        best = max(fits, key=lambda fv: fv[0].timing_patterns)
        for fit, version in [fits[0]] if best is fits[0] else [fits[0], best]:
            if (cylinder := fit_cylinder(fit.n, fit.src, fit.dst)) is not None:
                yield _grid(blurred, cylinder, version, False, module_out)
        yield _grid(blurred, *fits[0], True, module_out)
