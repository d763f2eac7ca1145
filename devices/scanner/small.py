"""Small, far codes (1–2 pixels a module): the symbol found by its outline instead of its finder patterns,
warped to a large square, the camera's blur undone, and the square handed to zxing-cpp at a few thresholds.

Qt-free; scanner worker thread (or the CLI, the bench). A procedure code on a poster across the lobby, or a
receipt slip held at arm's length, is 20–40 px wide in a 1280×720 frame: a version 1–2 code at 1–2 px a module.
zxing-cpp's detector must find three 1:1:3:1:1 finder patterns, and at that size their light rings are a grey
smear, whatever the zoom. The symbol as a whole is still plain to see: a dark, square, textured patch on a light
card. Here its outline gives the symbol's four corners; the patch is warped so that the symbol fills a 140 px
square (a quiet zone around it), a Wiener deconvolution of the webcam's Gaussian blur (about 0.6 px of the frame)
separates the modules the blur merged, and zxing-cpp reads the square with its own binarizers and at three global
thresholds of the contrast-stretched square (a threshold local to a few pixels breaks modules of one pixel).

Tried and left out, measured on held-out small cases of a development seed (tests/scanner/holdout.py, not the seed the
bench reports): sampling the module grid on the outline and drawing the function patterns back (at 1.2–1.4 px a
module, 15–20 % of the modules came out wrong, beyond any error correction level); averaging the last frames at 4×
after phase correlation (no read that one frame did not give: the blur, not the noise, is what loses the modules);
a plain Lanczos or bicubic upscale of the candidate region (what crop-fixed already does), and a sweep of five
global thresholds on that upscale, sharpened and contrast-stretched (no read the cascade did not make, of 60).

Nothing here can invent a payload: the square must still pass zxing-cpp's detection and Reed–Solomon decoding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import cv2
import numpy as np

from devices.scanner.decoders import Decoded
from devices.scanner.regions import Region, bounds, wiener

UPSCALE = 4  # the outline is found on the patch upscaled this much: corners within a quarter of a pixel
MAX_SIDE_PX = 140  # a candidate region (often the whole card) with a code of up to about 50 px; larger codes have
# modules of 2 px or more, which the crop steps read
MIN_CODE_PX = 14  # a version 1 code at 0.7 px a module: below that nothing is left to read
SQUARE = 200  # the warped square: the symbol 140 px (5–7 px a module for versions 1–3) and a quiet zone of 30
QUIET = 30
CAMERA_BLUR = 0.6  # the webcam's point-spread, in frame px (a Gaussian's sigma): optics and the sensor's pixels


def outlines(patch: np.ndarray) -> Iterator[np.ndarray]:
    """The four corners (clockwise in image coordinates, float32, in the patch's pixels) of each code-like
    blob of the patch: the ink within a light card (the card: a bright component, its holes filled; the ink: what
    is darker than the paper, by Otsu on the card's pixels only, so the wall behind does not take part), the
    modules merged by a closing of about two modules, a square blob of at least 14 px."""
    big = cv2.GaussianBlur(cv2.resize(patch, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC),
                           (0, 0), UPSCALE * 0.5)
    _, bright = cv2.threshold(big, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    cards, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    k = 2 * UPSCALE + 1
    close = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    found = 0
    for card in sorted(cards, key=cv2.contourArea, reverse=True)[:2]:
        filled = np.zeros_like(bright)
        cv2.drawContours(filled, [card], -1, 255, -1)
        filled = cv2.erode(filled, close)  # off the card's own blurred edge
        if cv2.countNonZero(filled) < (MIN_CODE_PX * UPSCALE) ** 2:
            continue
        t, _ = cv2.threshold(big[filled > 0].reshape(1, -1), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        ink = ((big < t) & (filled > 0)).astype(np.uint8) * 255
        blobs, _ = cv2.findContours(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, close), cv2.RETR_EXTERNAL,
                                    cv2.CHAIN_APPROX_SIMPLE)
        for blob in sorted(blobs, key=cv2.contourArea, reverse=True)[:2]:
            rect = cv2.minAreaRect(blob)
            (_cx, _cy), (bw, bh), _angle = rect
            if min(bw, bh) < MIN_CODE_PX * UPSCALE or not 0.7 < bw / max(bh, 1) < 1.4 or \
                    cv2.contourArea(blob) < 0.7 * bw * bh:
                continue  # not a square patch of at least 14 px (a version 1 code at 0.7 px a module)
            hull = cv2.convexHull(blob)
            quad = cv2.approxPolyDP(hull, 0.04 * cv2.arcLength(hull, True), True).reshape(-1, 2)
            corners = quad if len(quad) == 4 else cv2.boxPoints(rect)  # a perspective quad when it is one
            yield _clockwise(np.asarray(corners, np.float32)) / UPSCALE
            found += 1
            if found == 2:
                return


def _clockwise(corners: np.ndarray) -> np.ndarray:
    centre = corners.mean(axis=0)
    order = np.argsort(np.arctan2(corners[:, 1] - centre[1], corners[:, 0] - centre[0]))
    return corners[order]  # increasing angle in image coordinates (y down): clockwise on screen


def small_patches(gray: np.ndarray, regions: list[Region]) -> Iterator[np.ndarray]:
    """The candidate regions small enough for this step, with a margin (the region may be a part of the card)."""
    for region in regions[:3]:
        if region.side <= MAX_SIDE_PX:
            x0, y0, x1, y1 = bounds(region, gray.shape, 0.25)
            if x1 - x0 >= 12 and y1 - y0 >= 12:
                yield gray[y0:y1, x0:x1]


def squares(patch: np.ndarray) -> Iterator[np.ndarray]:
    """Each code-like outline of ``patch`` warped to a SQUARE×SQUARE image and deblurred. (The outline grown by
    5 % as well, in case the closing left the blob's edge inside the symbol's outer modules, added no read.)"""
    dst = np.array([[QUIET, QUIET], [SQUARE - QUIET, QUIET], [SQUARE - QUIET, SQUARE - QUIET],
                    [QUIET, SQUARE - QUIET]], dtype=np.float32)
    source = patch.astype(np.float32)
    for corners in outlines(patch):
        side = float(np.sqrt(cv2.contourArea(corners)))
        m = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
        warped = cv2.warpPerspective(source, m, (SQUARE, SQUARE), flags=cv2.INTER_CUBIC,
                                     borderMode=cv2.BORDER_REPLICATE)
        yield np.clip(wiener(warped, CAMERA_BLUR * (SQUARE - 2 * QUIET) / side, 0.02), 0, 255)


def _thresholded(square: np.ndarray) -> Iterator[np.ndarray]:
    lo, hi = np.percentile(square, (2, 98))
    for level in (0.5, 0.4, 0.6):
        yield np.where(square < lo + level * (hi - lo), 0, 255).astype(np.uint8)


def code_side(gray: np.ndarray, region: Region) -> int:
    """The code's side in px: its outline's within a small region (a region is often the whole card, code and
    printed lines), else the region's own. For the guidance: "bring the card closer" is about the code's size."""
    if region.side <= MAX_SIDE_PX:
        for patch in small_patches(gray, [region]):
            for corners in outlines(patch):
                return round(float(np.sqrt(cv2.contourArea(corners))))
    return region.side


def read_small(gray: np.ndarray, regions: list[Region], decode: Callable[[np.ndarray, str], list[Decoded]]
               ) -> list[Decoded]:
    """The step: each small candidate region's squares, read with zxing-cpp's binarizers (``decode(image,
    binarizer)``) and at three global thresholds, until one reads."""
    for patch in small_patches(gray, regions):
        for square in squares(patch):
            image = square.astype(np.uint8)
            for binarizer in ("fixed", "local"):
                if found := decode(image, binarizer):
                    return found
            for binary in _thresholded(square):
                if found := decode(binary, "fixed"):
                    return found
    return []
