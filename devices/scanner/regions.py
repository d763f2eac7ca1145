"""Where a QR code may be in a frame, cheaply, so the extra decoding effort goes to a small crop.

Qt-free; scanner worker thread (or the CLI, the bench). Two sources of candidates, each about a millisecond on
a 1280×720 frame: zxing-cpp's own detections that failed to decode (``return_errors``), and compact patches of
dense edges running both ways. (Finder-pattern contours were tried first: 50 ms a frame, and they miss codes
under 60 px, whose light rings blur away.) A code too small for any decoder at its size in the frame is still
seen here, which is what the "move closer" guidance needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

MAX_REGIONS = 4
MIN_SIDE_PX = 16  # a code narrower than this in the frame cannot be read at any zoom
MAX_SLANT = 6.0  # a code's patch at most this much longer than wide, turned (steep tilt, shear, text beside it)
TYPICAL_MODULES = 29  # version 3, about what an ID card's payload needs: the module size guess for a patch


@dataclass(frozen=True)
class Region:
    """An axis-aligned box around a probable code, with its estimated module size in pixels."""

    x: int
    y: int
    w: int
    h: int
    module_px: float
    corners: tuple[tuple[float, float], ...] = ()  # the symbol's 4 corners when a detector gave them
    source: str = "texture"  # "texture" (a dense patch) or "zxing" (a detection zxing could not decode)

    @property
    def side(self) -> int:
        return max(self.w, self.h)

    def overlaps(self, other: Region) -> bool:
        ix = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        iy = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return ix > 0 and iy > 0 and ix * iy > 0.4 * min(self.w * self.h, other.w * other.h)


def from_zxing_errors(barcodes: Iterable[Any]) -> list[Region]:
    """Regions from zxing-cpp results with ``valid == False`` (found a symbol, failed to read it)."""
    out = []
    for b in barcodes:
        if b.valid:
            continue
        p = b.position
        pts = [(p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y),
               (p.bottom_right.x, p.bottom_right.y), (p.bottom_left.x, p.bottom_left.y)]
        xs, ys = [q[0] for q in pts], [q[1] for q in pts]
        side = max(max(xs) - min(xs), max(ys) - min(ys), 1)
        out.append(Region(int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 1, int(max(ys) - min(ys)) + 1,
                          side / TYPICAL_MODULES, tuple(pts), "zxing"))
    return out


def texture_regions(gray: np.ndarray, limit: int = MAX_REGIONS) -> list[Region]:
    """Boxes around dense patches of edges running both ways (QR modules; not text lines or bar codes' stripes),
    found on a half-size copy: about a millisecond on a 1280×720 frame, and codes of 20 px are still seen."""
    h, w = gray.shape
    small = cv2.resize(gray, (w // 2, h // 2), interpolation=cv2.INTER_AREA) if min(h, w) >= 200 else gray
    k = 2 if small is not gray else 1
    ax = cv2.blur(cv2.convertScaleAbs(cv2.Sobel(small, cv2.CV_16S, 1, 0, ksize=3)), (7, 7))
    ay = cv2.blur(cv2.convertScaleAbs(cv2.Sobel(small, cv2.CV_16S, 0, 1, ksize=3)), (7, 7))
    both = cv2.min(ax, ay)  # a bar code has edges one way only; a QR code both ways
    _, mask = cv2.threshold(both, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    scored = []
    for contour in contours:
        x, y, bw, bh = cv2.boundingRect(contour)
        if bw < MIN_SIDE_PX / k or bh < MIN_SIDE_PX / k or not 0.4 < bw / bh < 2.5:
            continue
        # a compact patch, not a ragged line (the hull: a glare spot may bite a notch out of the code's patch),
        # judged against the patch's own turned box: a card tilted 40–60° and turned shows its code as a thin
        # slanted parallelogram that fills little of its upright box; a text line stays far longer than wide
        (_c, (rw, rh), _a) = cv2.minAreaRect(contour)
        short, long_ = max(1.0, min(rw, rh)), max(rw, rh)
        if cv2.contourArea(cv2.convexHull(contour)) < 0.45 * short * long_ or \
                long_ > MAX_SLANT * short:
            continue
        # the module size of the code's squashed direction (its turned box's short side): the upscale a crop
        # needs is set by the smallest modules, not by the upright box (seeds 601–604 of tests/scanner/holdout.py)
        scored.append((float(both[y:y + bh, x:x + bw].mean()), Region(
            k * x, k * y, k * bw, k * bh, k * min(max(bw, bh), short) / TYPICAL_MODULES, (), "texture")))
    scored.sort(key=lambda item: -item[0])
    return [region for _score, region in scored[:limit]]


def candidate_regions(gray: np.ndarray, zxing_errors: Iterable[Any] = ()) -> list[Region]:
    """At most :data:`MAX_REGIONS` regions: zxing's detections (kept for their corners, grown to the texture
    patch around them: zxing's box of a code it could not read is often a part of it), then the densest patches."""
    regions: list[Region] = []
    for region in [*from_zxing_errors(zxing_errors), *texture_regions(gray)]:
        for i, other in enumerate(regions):
            if region.overlaps(other):
                regions[i] = _union(other, region)
                break
        else:
            regions.append(region)
    return regions[:MAX_REGIONS]


def _union(a: Region, b: Region) -> Region:
    x0, y0 = min(a.x, b.x), min(a.y, b.y)
    x1, y1 = max(a.x + a.w, b.x + b.w), max(a.y + a.h, b.y + b.h)
    return Region(x0, y0, x1 - x0, y1 - y0, max(a.module_px, b.module_px), a.corners or b.corners, a.source)


def bounds(region: Region, shape: tuple[int, ...], margin: float) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) of the region grown by ``margin`` of its side (and 4 px: a quiet zone), within the frame."""
    grow = int(region.side * margin) + 4
    return (max(0, region.x - grow), max(0, region.y - grow),
            min(shape[1], region.x + region.w + grow), min(shape[0], region.y + region.h + grow))


def crop(gray: np.ndarray, region: Region, target_module_px: float = 5.0, limit: int = 720) -> np.ndarray:
    """The region with a quiet-zone margin, upscaled (bicubic, then a mild unsharp mask) so a module is about
    ``target_module_px`` pixels, at most 4×, and never over ``limit`` pixels a side (never downscaled: a
    high-version code's patch looks like big modules, and shrinking it loses them)."""
    x0, y0, x1, y1 = bounds(region, gray.shape, 0.25)
    return upscaled(gray[y0:y1, x0:x1], region.module_px, target_module_px, limit)


def upscaled(patch: np.ndarray, module_px: float, target_module_px: float = 5.0, limit: int = 720) -> np.ndarray:
    """A patch upscaled as :func:`crop` does (bicubic, mild unsharp mask) from ``module_px`` to the target."""
    if patch.size == 0:
        return patch
    # target 0: as large as ``limit`` allows (a dense, high-version code whose module size the patch misjudges)
    wanted = target_module_px / max(module_px, 0.5) if target_module_px else 4.0
    factor = min(4.0, wanted, limit / max(patch.shape))
    if factor <= 1.05:
        return patch
    big = cv2.resize(patch, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    return cv2.addWeighted(big, 1.6, cv2.GaussianBlur(big, (0, 0), factor * 0.6), -0.6, 0)


def rectified(gray: np.ndarray, region: Region, module_px: float = 5.0) -> np.ndarray | None:
    """Perspective correction from a detector's 4 corners: the symbol as a square, with a quiet zone."""
    if len(region.corners) != 4:
        return None
    c = region.corners
    side = max(math.dist(c[0], c[1]), math.dist(c[1], c[2]), math.dist(c[2], c[3]), math.dist(c[3], c[0]))
    out = int(min(720, max(side, 25 * module_px)))
    q = out * 0.15
    src = np.array(c, dtype=np.float32)
    dst = np.array([[q, q], [out - q, q], [out - q, out - q], [q, out - q]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(gray, m, (out, out), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def unbent(gray: np.ndarray, region: Region, amount: float, axis: int, module_px: float = 4.0) -> np.ndarray:
    """The region resampled as if the card were flat again after bending around one axis (a laminated card held
    in a hand bows like a cylinder): seen from the front, modules shrink towards the edge that curves away.
    ``amount`` (−0.3…0.3) moves the sampling of the middle of the code by amount/4 of its width towards one side
    (the ends stay put), along x (``axis`` 0) or y (1); upscaled to about ``module_px`` pixels a module."""
    x0, y0, x1, y1 = bounds(region, gray.shape, 0.12)
    patch = gray[y0:y1, x0:x1]
    if patch.size == 0:
        return patch
    h, w = patch.shape
    scale = max(1.0, min(3.0, module_px / max(region.module_px, 0.5), 720 / max(h, w)))
    ys, xs = np.mgrid[0:int(h * scale), 0:int(w * scale)].astype(np.float32)
    u, v = (xs / (w * scale), ys / (h * scale)) if axis == 0 else (ys / (h * scale), xs / (w * scale))
    u = u + amount * u * (1 - u)  # a quadratic stretch, monotonic for |amount| < 1: the ends stay put
    map_x, map_y = (u * w, v * h) if axis == 0 else (v * w, u * h)
    return cv2.remap(patch, map_x, map_y, cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def wiener(gray: np.ndarray, sigma: float, noise: float) -> np.ndarray:
    """Wiener deconvolution of a Gaussian blur of ``sigma`` pixels (a defocused webcam, the sensor's pixels), as
    float grey levels: unlike an unsharp mask it undoes the blur where the modules' contrast is still above the
    sensor noise (``noise``: the noise-to-signal power), so modules that merged into grey come apart again. A crop
    of a few hundred pixels: a few ms."""
    pad = int(3 * sigma) + 2
    f = cv2.copyMakeBorder(gray.astype(np.float32), pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    h, w = f.shape
    fy, fx = np.fft.fftfreq(h)[:, None], np.fft.rfftfreq(w)[None, :]
    otf = np.exp(-2 * np.pi ** 2 * sigma ** 2 * (fx ** 2 + fy ** 2))  # a Gaussian's transform is a Gaussian
    out = np.fft.irfft2(np.fft.rfft2(f) * otf / (otf * otf + noise), s=(h, w))
    return out[pad:pad + gray.shape[0], pad:pad + gray.shape[1]].astype(np.float32)
