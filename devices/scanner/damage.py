"""Reading damaged codes (a finder pattern partly covered or torn, scratches and creases across the modules) and codes
seen at a strong angle.

Qt-free; scanner worker thread (or the CLI, the bench). Three steps, each a few milliseconds on a crop:

* **refind** (:func:`refound`): zxing-cpp finds a code by its three finder patterns and gives up when one of them is
  partly covered (a thumb, a sticker, a torn corner, ink). Here the finders still whole are found as nested contours
  (:func:`devices.scanner.resample.finder_patterns`); the one missing is looked for where the other two say it must
  be, by a normalised cross-correlation with a finder pattern drawn on their own module grid (so a finder half
  covered still matches where nothing else there does); the alignment pattern near the fourth corner is found the
  same way. Three finders and the alignment pattern give a homography (a strong perspective stays exact across the
  code, where an affine grid drifts by modules at the far side); without an alignment pattern, an affine grid. The
  crop is warped onto a square grid of whole modules, the three finder patterns and their separators are drawn back
  exactly as the standard fixes them (they carry no data), and zxing-cpp reads the rest: what the damage left
  wrong in the data is for Reed–Solomon, and a wrong grid gives no read, never a different one.
* **clean** (:func:`cleaned`): a grey opening with a 5-px square (about half a module) on the crop scaled, up or
  down, so the code is 400 or 320 px wide: light scratches and crease lines thinner than the square vanish from the
  dark modules, and module-sized features stay. (No closing after it: it also filled the light modules that blur
  had narrowed, and read less; dark specks are left to Reed–Solomon.) zxing-cpp decides, GlobalHistogram first.
* **outline** (:func:`outlined`): a code turned 40–65° towards the camera, warped flat from the quadrilateral
  around its patch of dense edges (no finder pattern needed).

Nothing here edits a payload: each only gives zxing-cpp a cleaner picture of the same symbol.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import cv2
import numpy as np

from devices.scanner.regions import Region, bounds
from devices.scanner.resample import finder_patterns

Point = tuple[float, float]
Grid = tuple[Point, Point, Point, float]  # top-left, top-right, bottom-left finder centres, module size (px)

MODULE_OUT = 5  # px a module in the rectified image: zxing-cpp reads clean modules of 3+ px reliably
# a template's correlation below these: nothing like it there. A finder half under a sticker correlates at 0.3–0.5
# with its drawing; a wrong place costs only a failed decode. The alignment pattern decides between a homography and
# an affine grid, so it must be surer (measured on synthetic seeds 1, 2 and 23–25 of tests/scanner/damaged.py)
FINDER_MATCH, ALIGNMENT_MATCH = 0.3, 0.45
# a finder wholly gone is placed where the two seen put it only if the alignment pattern is where that grid says: at
# 2.6–3 px a module it correlates at 0.42 (blur, JPEG), so a little lower than above, but within 2 modules
VOUCH_MATCH, VOUCH_REACH = 0.4, 2
SMALL_MODULE = 3.5  # px a module below which refind works on the crop at twice its size
FINDER_REACH = 5  # modules: how far the missing finder may be from where two finders at a right angle put it (a tilt)
# px: the code's width for the opening with a 5-px square, which is then about half a module of a version-6/7 ID-card
# code at 400 px (0.6 at 320 px: a region's side misjudges the code's by 20–30 %, so two widths are tried)
CLEAN_SIDES = (400, 320)


def _finder(n: int = 7) -> np.ndarray:
    """The finder pattern (True = dark) with its light separator: 9×9 modules."""
    m = np.zeros((n + 2, n + 2), bool)
    m[1:n + 1, 1:n + 1] = True
    m[2:n, 2:n] = False
    m[3:n - 1, 3:n - 1] = True
    return m


def _alignment() -> np.ndarray:
    """The alignment pattern (True = dark) with a light ring around it: 7×7 modules."""
    m = np.zeros((7, 7), bool)
    m[1:6, 1:6] = True
    m[2:5, 2:5] = False
    m[3, 3] = True
    return m


def _template(pattern: np.ndarray, ex: Point, ey: Point) -> np.ndarray:
    """``pattern`` (modules) drawn on the image's module grid: its axes ``ex`` and ``ey`` (px a module each way)."""
    k = pattern.shape[0]
    half = k / 2 * (abs(ex[0]) + abs(ey[0]) + abs(ex[1]) + abs(ey[1])) / 2
    size = int(2 * half) | 1
    # module coordinates (u, v) of each template pixel: invert [ex ey]
    a = np.array([[ex[0], ey[0]], [ex[1], ey[1]]], np.float64)
    inv = np.linalg.inv(a)
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float64) - size // 2
    u = inv[0, 0] * xs + inv[0, 1] * ys + k / 2
    v = inv[1, 0] * xs + inv[1, 1] * ys + k / 2
    inside = (u >= 0) & (u < k) & (v >= 0) & (v < k)
    values = np.where(pattern[np.clip(v, 0, k - 1).astype(int), np.clip(u, 0, k - 1).astype(int)], 0.0, 255.0)
    out = np.where(inside, values, 128.0).astype(np.float32)  # outside the pattern: neutral grey
    return out


def _match(gray: np.ndarray, template: np.ndarray, at: Point, reach: float) -> tuple[Point, float] | None:
    """The best place of ``template`` within ``reach`` px of ``at`` in ``gray``: (centre, correlation)."""
    t = template.shape[0]
    # the search window, clipped to the crop (a finder near its edge is still searched where the crop shows it)
    x0, y0 = max(0, int(at[0] - reach - t / 2)), max(0, int(at[1] - reach - t / 2))
    x1, y1 = min(gray.shape[1], int(at[0] + reach + t / 2) + 1), min(gray.shape[0], int(at[1] + reach + t / 2) + 1)
    if x1 - x0 <= t or y1 - y0 <= t:
        return None
    scores = cv2.matchTemplate(gray[y0:y1, x0:x1].astype(np.float32), template, cv2.TM_CCOEFF_NORMED)
    _lo, best, _lo_at, (bx, by) = cv2.minMaxLoc(scores)
    return (x0 + bx + t // 2, y0 + by + t // 2), float(best)


def _axes(tl: Point, tr: Point, bl: Point, n: int) -> tuple[Point, Point]:
    span = n - 7  # finder centre to finder centre, in modules
    return ((tr[0] - tl[0]) / span, (tr[1] - tl[1]) / span), ((bl[0] - tl[0]) / span, (bl[1] - tl[1]) / span)


def _grids(gray: np.ndarray) -> Iterator[Grid]:
    """Finder triples: the three seen, or two seen and the third found by template where the two put it."""
    seen = finder_patterns(gray)
    if len(seen) >= 3:
        (a, ma), (b, mb), (c, mc) = seen[:3]
        corner, p, q = min(((a, b, c), (b, a, c), (c, a, b)), key=lambda t: abs(_cos(*t)))
        yield _clockwise(corner, p, q, (ma + mb + mc) / 3)
        return
    pairs = [(seen[i], seen[j]) for i in range(len(seen)) for j in range(i + 1, len(seen))]
    for (p, mp), (q, mq) in pairs[:3]:
        module = (mp + mq) / 2
        if abs(mp - mq) > 0.4 * module:
            continue  # not two finders of one code
        wx, wy = q[0] - p[0], q[1] - p[1]
        hypotheses: list[tuple[Point, Point, Point]] = []
        for sign in (1, -1):
            nx, ny = -wy * sign, wx * sign
            hypotheses += [(p, q, (p[0] + nx, p[1] + ny)), (q, p, (q[0] + nx, q[1] + ny)),
                           (((p[0] + q[0] + nx) / 2, (p[1] + q[1] + ny) / 2), p, q)]
        candidates: list[tuple[float, Grid]] = []
        for corner, r, s in hypotheses:
            # the missing finder is the one no contour was found at: the corner, or r/s when it was predicted
            missing = corner if corner not in (p, q) else (r if r not in (p, q) else s)
            tl, tr, bl, _m = _clockwise(corner, r, s, module)
            n = _size_guess(tl, tr, bl, module)
            ex, ey = _axes(tl, tr, bl, n)
            found = _match(gray, _template(_finder(), ex, ey), missing, FINDER_REACH * module)
            if found is None or found[1] < FINDER_MATCH:
                # the whole finder gone (torn off, covered): its place taken as the two seen put it, kept only if
                # the alignment pattern is where that grid says (below any template match: a weaker witness)
                if (vouched := _alignment_at(gray, tl, tr, bl, n, VOUCH_MATCH, VOUCH_REACH)) is None:
                    continue
                found = (_affine_finder(tl, tr, bl, missing, vouched[0], n), vouched[1] - 1)
            pts = [found[0] if pt is missing else pt for pt in (tl, tr, bl)]
            candidates.append((found[1], (pts[0], pts[1], pts[2], module)))
        candidates.sort(key=lambda c: -c[0])
        # a finder's template match is sure enough to try alone; alignment patterns vouch less (data can mimic
        # one), so the two best such grids are tried
        yield from (grid for _score, grid in candidates[:1 if candidates and candidates[0][0] >= 0 else 2])


def _alignment_at(gray: np.ndarray, tl: Point, tr: Point, bl: Point, n: int, match: float = ALIGNMENT_MATCH,
                  reach: float = 4) -> tuple[Point, float] | None:
    """The alignment pattern nearest the fourth corner (version 2 and up) within ``reach`` modules of where the three
    finder centres put it."""
    if n < 25:
        return None
    ex, ey = _axes(tl, tr, bl, n)
    guess = (tl[0] + (n - 10) * (ex[0] + ey[0]), tl[1] + (n - 10) * (ex[1] + ey[1]))
    found = _match(gray, _template(_alignment(), ex, ey), guess, reach * math.hypot(*ex))
    return found if found is not None and found[1] >= match else None


def _affine_finder(tl: Point, tr: Point, bl: Point, missing: Point, alignment: Point, n: int) -> Point:
    """The missing finder's centre from the affine map the two seen and the alignment pattern fix (three real points:
    the guess from two finders alone drifts by a module or more with a slight tilt)."""
    modules = {tl: (3.5, 3.5), tr: (n - 3.5, 3.5), bl: (3.5, n - 3.5)}
    known = [p for p in (tl, tr, bl) if p is not missing]
    src = np.array([modules[known[0]], modules[known[1]], (n - 6.5, n - 6.5)], np.float32)
    m = cv2.getAffineTransform(src, np.array([known[0], known[1], alignment], np.float32))
    u, v = modules[missing]
    return float(m[0, 0] * u + m[0, 1] * v + m[0, 2]), float(m[1, 0] * u + m[1, 1] * v + m[1, 2])


def _cos(corner: Point, p: Point, q: Point) -> float:
    ux, uy, vx, vy = p[0] - corner[0], p[1] - corner[1], q[0] - corner[0], q[1] - corner[1]
    return (ux * vx + uy * vy) / max(1e-6, math.hypot(ux, uy) * math.hypot(vx, vy))


def _clockwise(corner: Point, p: Point, q: Point, module: float) -> Grid:
    cross = (p[0] - corner[0]) * (q[1] - corner[1]) - (p[1] - corner[1]) * (q[0] - corner[0])
    return (corner, p, q, module) if cross > 0 else (corner, q, p, module)


def _size_guess(tl: Point, tr: Point, bl: Point, module: float) -> int:
    span = (math.dist(tl, tr) + math.dist(tl, bl)) / 2 / max(module, 0.5)
    version = max(1, min(40, round((span + 7 - 17) / 4)))
    return 17 + 4 * version


def refound(gray: np.ndarray, limit: int = 2) -> Iterator[np.ndarray]:
    """Rectified renderings of the code in ``gray`` (a crop, 3+ px a module), finder patterns drawn back; one per
    grid hypothesis and version around the estimate (at most ``limit`` grids). A crop under 3.5 px a module (its
    finders say so) is searched at twice the size: a finder's template and the alignment pattern need the room."""
    seen = finder_patterns(gray)
    if seen and max(m for _, m in seen) < SMALL_MODULE and max(gray.shape) <= 400:
        gray = cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    for k, (tl, tr, bl, module) in enumerate(_grids(gray)):
        if k >= limit:
            return
        area = abs((tr[0] - tl[0]) * (bl[1] - tl[1]) - (tr[1] - tl[1]) * (bl[0] - tl[0]))
        if area < (7 * module) ** 2:
            continue  # three finder-like marks in a line, or overlapping: no code's corners
        estimate = (_size_guess(tl, tr, bl, module) - 17) // 4
        for version in (estimate, estimate - 1, estimate + 1):
            if 1 <= version <= 40:
                yield _rectified(gray, tl, tr, bl, 17 + 4 * version)


def _rectified(gray: np.ndarray, tl: Point, tr: Point, bl: Point, n: int) -> np.ndarray:
    """The n×n symbol warped onto a square grid of :data:`MODULE_OUT` px modules with a 4-module quiet zone."""
    s = MODULE_OUT
    src = [tl, tr, bl]
    dst = [((3.5 + 4) * s, (3.5 + 4) * s), ((n - 3.5 + 4) * s, (3.5 + 4) * s), ((3.5 + 4) * s, (n - 3.5 + 4) * s)]
    if (found := _alignment_at(gray, tl, tr, bl, n)) is not None:  # at module (n-7, n-7): a homography
        src.append(found[0])
        dst.append(((n - 6.5 + 4) * s, (n - 6.5 + 4) * s))
    side = (n + 8) * s
    a, b = np.array(src, np.float32), np.array(dst, np.float32)
    if len(src) == 4:
        m = cv2.getPerspectiveTransform(a, b)
        out = cv2.warpPerspective(gray, m, (side, side), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    else:
        out = cv2.warpAffine(gray, cv2.getAffineTransform(a, b), (side, side), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_REPLICATE)
    dark, light = (float(v) for v in np.percentile(out[4 * s:-4 * s, 4 * s:-4 * s], (10, 90)))
    finder = np.kron(np.where(_finder(), dark, light), np.ones((s, s))).astype(np.uint8)
    for col, row in ((0, 0), (n - 8, 0), (0, n - 8)):
        # the pattern with its separator; clipped to the symbol (the separator lies inside it, towards the data)
        x, y = (col + 4 - (1 if col == 0 else 0)) * s, (row + 4 - (1 if row == 0 else 0)) * s
        out[y:y + 9 * s, x:x + 9 * s] = finder
    out[:4 * s, :] = out[-4 * s:, :] = light  # a clean quiet zone: what lay beyond the symbol is not the code
    out[:, :4 * s] = out[:, -4 * s:] = light
    return out


def cleaned(gray: np.ndarray, region: Region, side: int = CLEAN_SIDES[0]) -> np.ndarray:
    """The region's crop scaled so the code is about ``side`` px wide, opened (light lines removed). A big code is
    scaled down too: at 10+ px a module a scratch is wider than the square, and shrinking it is cheaper than a
    larger square."""
    x0, y0, x1, y1 = bounds(region, gray.shape, 0.25)
    patch = gray[y0:y1, x0:x1]
    if patch.size == 0:
        return patch
    factor = min(4.0, side / max(region.side, 1), 720 / max(patch.shape))
    if abs(factor - 1) > 0.05:
        patch = cv2.resize(patch, None, fx=factor, fy=factor,
                           interpolation=cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA)
    return cv2.morphologyEx(patch, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))


def outlined(gray: np.ndarray, region: Region, size: int = 400) -> np.ndarray | None:
    """The code seen at a strong angle, warped flat from its outline: the quadrilateral around its dark modules
    (merged into one blob by a closing), each side a straight edge of the symbol, mapped onto a ``size`` px square
    with a quiet zone. At 40–65° the far side's modules are a pixel or two wide and its finder patterns squashed
    past what zxing-cpp's finder search accepts; flat again, they are square. The outline does not need the finder
    patterns at all (a torn or covered one does not matter); zxing-cpp then finds the grid on the flat image."""
    x0, y0, x1, y1 = bounds(region, gray.shape, 0.25)
    patch = gray[y0:y1, x0:x1]
    if min(patch.shape) < 16:
        return None
    # the code is where edges run densely both ways (its modules); a flat background, the card's straight edges and
    # sensor noise are not: the same test as the region finder's, at full resolution and a module or two wide
    k = max(3, round(region.side / 25)) | 1
    ax = cv2.blur(cv2.convertScaleAbs(cv2.Sobel(patch, cv2.CV_16S, 1, 0, ksize=3)), (k, k))
    ay = cv2.blur(cv2.convertScaleAbs(cv2.Sobel(patch, cv2.CV_16S, 0, 1, ksize=3)), (k, k))
    _, blob = cv2.threshold(cv2.min(ax, ay), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    blob = cv2.morphologyEx(blob, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    h, w = patch.shape
    inside = []  # the code's blob lies within the quiet zone; what reaches the crop's edge is the background
    for c in contours:
        bx, by, bw, bh = cv2.boundingRect(c)
        if bx > 0 and by > 0 and bx + bw < w and by + bh < h:
            inside.append(c)
    if not inside:
        return None
    hull = cv2.convexHull(max(inside, key=cv2.contourArea))
    if cv2.contourArea(hull) < 0.1 * patch.size:
        return None
    quad = _quadrilateral(hull)
    if quad is None:
        return None
    q = size * 0.12
    dst = np.array([[q, q], [size - q, q], [size - q, size - q], [q, size - q]], np.float32)
    m = cv2.getPerspectiveTransform(quad, dst)
    return cv2.warpPerspective(patch, m, (size, size), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def _quadrilateral(hull: np.ndarray) -> np.ndarray | None:
    """Four corners of a convex hull, clockwise from the top-left (image coordinates), or None if it is not a
    four-sided shape (the hull simplified until four vertices stay)."""
    perimeter = cv2.arcLength(hull, True)
    for fraction in (0.02, 0.03, 0.045, 0.065):
        approx = cv2.approxPolyDP(hull, fraction * perimeter, True).reshape(-1, 2).astype(np.float32)
        if len(approx) == 4:
            break
    else:
        return None
    centre = approx.mean(axis=0)
    angles = np.arctan2(approx[:, 1] - centre[1], approx[:, 0] - centre[0])
    ordered = approx[np.argsort(angles)]  # clockwise on screen (y down), starting anywhere
    start = int(np.argmin(ordered.sum(axis=1)))  # the top-left-most
    return np.roll(ordered, -start, axis=0)
