"""Reading a code under glare with erasures: the modules the highlight washed out are marked unreliable, so
Reed–Solomon spends one check symbol on each codeword they spoil instead of two (:mod:`devices.scanner.qrmatrix`).

Qt-free; scanner worker thread (or the CLI, the bench). The grid comes from the finder patterns still visible
(:func:`devices.scanner.resample.sampled_grids`). A module is unreliable where the crop gives no evidence about
it: the 3×3 modules around it show almost none of the code's contrast (a saturated or washed-out plateau), its
pixels are saturated, or its grey level sits on the local threshold. Everything else is read as usual; a wrong
grid or a wrong reliability map gives no read, never a wrong one (the decoder keeps a safety margin of check
symbols and must verify every block).
"""

from __future__ import annotations

import cv2
import numpy as np

from devices.scanner.decoders import Decoded
from devices.scanner.qrmatrix import decode_matrix
from devices.scanner.resample import sampled_grids

# A module's reliability (0 … 1) is the product of two pieces of evidence, each full from a share of the code's
# contrast (the 10th to 90th percentile of its modules): the contrast left in the 3×3 modules around it (a
# washed-out plateau has none, and a module there is a guess) and its own distance from the local threshold.
FULL_SPREAD = 0.5
FULL_MARGIN = 0.15
_SATURATED = 250  # grey levels at or above: the sensor clipped, whatever was printed there
# A glare spot's plateau: modules sampled at or above this grey level, in a block of PLATEAU×PLATEAU modules all
# that bright (a printed code has few light blocks that large; under the spot, dark modules clip too); with RIM
# modules around it, where the spot's soft edge lifts dark modules to a light grey.
_CLIPPED = 240
PLATEAU = 3
RIM = 1


def module_evidence(values: np.ndarray, saturated: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(darkness, reliability) of an n×n matrix of sampled grey levels: darkness 0 … 1 about the threshold of the
    5×5 modules around each module (0.5 = on it); reliability 1 where the module is clearly read, down to 0 where
    nothing can be told. ``saturated``: the share of clipped pixels at each module, when known."""
    local = cv2.blur(values, (5, 5))
    low, high = np.percentile(values, (10, 90))
    contrast = max(float(high - low), 1.0)
    darkness = np.clip(0.5 + (local - values) / contrast, 0.0, 1.0)
    kernel = np.ones((3, 3), np.uint8)
    spread = cv2.dilate(values, kernel) - cv2.erode(values, kernel)
    reliability = (np.clip(spread / (FULL_SPREAD * contrast), 0.0, 1.0)
                   * np.clip(np.abs(local - values) / (FULL_MARGIN * contrast), 0.0, 1.0))
    if saturated is not None:
        reliability *= 1.0 - np.clip(saturated, 0.0, 1.0)
    return darkness, reliability * (1.0 - highlight_map(values))


def highlight_map(values: np.ndarray) -> np.ndarray:
    """1 on the modules under a glare spot (its clipped plateau and a rim of :data:`RIM` modules), else 0. Why:
    at the plateau's edge a dark module is lifted to 240–250 while the 5×5 modules around it still hold unlit
    light ones, so it reads light with a wide margin; a wrong codeword trusted costs two check symbols and keeps
    the truly washed-out ones from being erased (seeds 101 and 202 of tests/scanner/holdout.py: 15–30 such
    modules a spot, none once the spot and its rim are erased)."""
    clipped = (values >= _CLIPPED).astype(np.uint8)
    plateau = cv2.morphologyEx(clipped, cv2.MORPH_OPEN, np.ones((PLATEAU, PLATEAU), np.uint8))
    if not plateau.any():
        return np.zeros(values.shape, np.float32)
    return cv2.dilate(plateau, np.ones((2 * RIM + 1, 2 * RIM + 1), np.uint8)).astype(np.float32)


def erasure_reads(gray: np.ndarray) -> list[Decoded]:
    """The code in ``gray`` (a crop, a few pixels a module) read with its washed-out modules as erasures."""
    clipped = (gray >= _SATURATED).astype(np.float32)
    for values, grid in sampled_grids(gray):
        darkness, reliability = module_evidence(values, grid.sample(clipped))
        if (found := decode_matrix(darkness, reliability)) is not None:
            return [found]
    return []
