"""Reading a code whose finder pattern or modules a glare spot burnt out: the module grid from the finder patterns
that are still visible, the modules sampled on it with a threshold local to a few modules, the function patterns
(finders, separators, timing rows) drawn back as the standard fixes them, and the clean matrix handed to zxing-cpp.

Qt-free; scanner worker thread (or the CLI, the bench). zxing-cpp needs all three finder patterns to locate a code
and samples it with one threshold per block of pixels; a highlight on the laminate washes out a finder pattern,
or leaves the modules beside it at a few grey levels of contrast. Here two visible finder patterns are enough
(the third is placed where it must be, for each way the two can sit), and what the spot left unreadable is for
the code's error correction to restore. A wrong grid gives no read, never a wrong one: the payload still has to
pass Reed–Solomon.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

Point = tuple[float, float]


@dataclass(frozen=True)
class Finder:
    centre: Point
    corners: np.ndarray  # 4×2 outer corners of the 7×7-module square (any order)
    module: float


def finders(gray: np.ndarray, limit: int = 6, aspect: tuple[float, float] = (0.5, 2.0)) -> list[Finder]:
    """The finder patterns seen: a dark square ring around a dark square (three nested contours whose outer area is
    about 49/9 of the inner one), in a crop of a code a few pixels a module, with their outer square's corners
    (a perspective view keeps them as a quadrilateral). ``aspect``: the widest and tallest box accepted."""
    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 51, 10)
    contours, hierarchy = cv2.findContours(binary, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    found: list[Finder] = []
    if hierarchy is None:
        return found
    links = hierarchy[0]
    for i, contour in enumerate(contours):
        child = links[i][2]
        inner = links[child][2] if child >= 0 else -1
        if inner < 0:
            continue
        outer_area, inner_area = cv2.contourArea(contour), cv2.contourArea(contours[inner])
        _x, _y, w, h = cv2.boundingRect(contour)
        if outer_area < 30 or inner_area <= 0 or not 2.5 < outer_area / inner_area < 10 or \
                not aspect[0] < w / h < aspect[1]:
            continue
        m = cv2.moments(contour)
        hull = cv2.convexHull(contour)
        quad = cv2.approxPolyDP(hull, 0.08 * cv2.arcLength(hull, True), True).reshape(-1, 2)
        corners = quad.astype(np.float64) if len(quad) == 4 else cv2.boxPoints(cv2.minAreaRect(contour))
        found.append(Finder((m["m10"] / m["m00"], m["m01"] / m["m00"]), np.asarray(corners, np.float64),
                            math.sqrt(outer_area) / 7))
    return found[:limit]


def finder_patterns(gray: np.ndarray, limit: int = 6) -> list[tuple[Point, float]]:
    """(centre, module size) of each finder pattern seen, nearly square (regrid's affine grid assumes a view from
    the front)."""
    return [(f.centre, f.module) for f in finders(gray, limit, (0.6, 1.6))]


def corner_sets(finders: list[tuple[Point, float]]) -> Iterator[tuple[Point, Point, Point, float]]:
    """(top-left, top-right, bottom-left, module) hypotheses: the right-angled triple of three finders, or every
    place a third one can be for two of them (side by side along an edge either way, or diagonal)."""
    if len(finders) >= 3:
        (a, ma), (b, mb), (c, mc) = finders[:3]
        triples = ((a, b, c), (b, a, c), (c, a, b))  # the corner, then the other two
        corner, p, q = min(triples, key=lambda t: abs(_cos(t[0], t[1], t[2])))
        yield _ordered(corner, p, q, (ma + mb + mc) / 3)
        return
    if len(finders) != 2:
        return
    (p, mp), (q, mq) = finders
    module = (mp + mq) / 2
    wx, wy = q[0] - p[0], q[1] - p[1]
    for sign in (1, -1):
        nx, ny = -wy * sign, wx * sign  # the pair's edge turned a right angle
        yield _ordered(p, q, (p[0] + nx, p[1] + ny), module)  # p is the corner
        yield _ordered(q, p, (q[0] + nx, q[1] + ny), module)  # q is the corner
        yield _ordered(((p[0] + q[0] + nx) / 2, (p[1] + q[1] + ny) / 2), p, q, module)  # p and q are diagonal


def _cos(corner: Point, p: Point, q: Point) -> float:
    ux, uy, vx, vy = p[0] - corner[0], p[1] - corner[1], q[0] - corner[0], q[1] - corner[1]
    return (ux * vx + uy * vy) / max(1e-6, math.hypot(ux, uy) * math.hypot(vx, vy))


def _ordered(corner: Point, p: Point, q: Point, module: float) -> tuple[Point, Point, Point, float]:
    cross = (p[0] - corner[0]) * (q[1] - corner[1]) - (p[1] - corner[1]) * (q[0] - corner[0])
    return (corner, p, q, module) if cross > 0 else (corner, q, p, module)  # clockwise in image coordinates


def function_patterns(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(mask, value) of the finders with their separators and the timing rows of an n×n symbol (True = dark)."""
    mask, dark = np.zeros((n, n), bool), np.zeros((n, n), bool)
    ring = np.zeros((7, 7), bool)
    ring[[0, 6], :] = ring[:, [0, 6]] = True
    ring[2:5, 2:5] = True
    for r, c in ((0, 0), (0, n - 7), (n - 7, 0)):
        mask[max(0, r - 1):r + 8, max(0, c - 1):c + 8] = True  # the separator is light
        dark[r:r + 7, c:c + 7] = ring
    mask[6, 8:n - 8] = mask[8:n - 8, 6] = True
    dark[6, 8:n - 8:2] = dark[8:n - 8:2, 6] = True
    return mask, dark


@dataclass(frozen=True)
class Grid:
    """A module grid hypothesis on a crop: the finder centres, the module size, the version, and the affine map from
    module (column, row) to crop pixels (``affine @ (c, r, 1)``: the centre of that module)."""

    tl: Point
    tr: Point
    bl: Point
    module: float
    version: int
    affine: np.ndarray  # 2×3, float32, as cv2.warpAffine takes it with WARP_INVERSE_MAP

    @property
    def size(self) -> int:
        return 17 + 4 * self.version

    def sample(self, image: np.ndarray) -> np.ndarray:
        """``image`` (a crop, or a map made from it) at the centre of every module: an n×n float32 matrix."""
        return cv2.warpAffine(image.astype(np.float32), self.affine, (self.size, self.size),
                              flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)


def sampled_grids(gray: np.ndarray) -> Iterator[tuple[np.ndarray, Grid]]:
    """(module values, grid) for each grid hypothesis from the finder patterns seen in ``gray`` (a crop, a few
    pixels a module), for versions around the estimate: the grey level at each module's centre after a blur of a
    quarter module (so one noisy pixel does not decide a module), an n×n float32 matrix."""
    smooth = gray.astype(np.float32)
    for tl, tr, bl, module in corner_sets(finder_patterns(gray)):
        span = (math.dist(tl, tr) + math.dist(tl, bl)) / 2 / max(module, 0.5)  # finder centre to centre, modules
        estimate = round((span + 7 - 17) / 4)
        blur = cv2.GaussianBlur(smooth, (0, 0), max(0.5, module / 4))
        for version in (estimate, estimate - 1, estimate + 1):
            if not 1 <= version <= 40:
                continue
            n = 17 + 4 * version
            ex = ((tr[0] - tl[0]) / (n - 7), (tr[1] - tl[1]) / (n - 7))
            ey = ((bl[0] - tl[0]) / (n - 7), (bl[1] - tl[1]) / (n - 7))
            # module (c, r) centre = tl + (c - 3) ex + (r - 3) ey: an inverse map from the n×n grid to the crop
            m = np.array([[ex[0], ey[0], tl[0] - 3 * ex[0] - 3 * ey[0]],
                          [ex[1], ey[1], tl[1] - 3 * ex[1] - 3 * ey[1]]], np.float32)
            grid = Grid(tl, tr, bl, module, version, m)
            yield grid.sample(blur), grid


def resampled(gray: np.ndarray, module_out: int = 4) -> Iterator[np.ndarray]:
    """Clean renderings of the code in ``gray`` (a crop, a few pixels a module), one per grid hypothesis from the
    finder patterns seen, for versions around the estimate; each a black-on-white matrix with a quiet zone."""
    for values, grid in sampled_grids(gray):
        local = cv2.blur(values, (5, 5))  # the threshold of a module: the mean of the 5×5 modules around it
        dark = values < local
        mask, fixed = function_patterns(grid.size)
        dark[mask] = fixed[mask]
        matrix = np.where(dark, 0, 255).astype(np.uint8)
        image = cv2.copyMakeBorder(matrix, 4, 4, 4, 4, cv2.BORDER_CONSTANT, value=255)
        yield cv2.resize(image, None, fx=module_out, fy=module_out, interpolation=cv2.INTER_NEAREST)
