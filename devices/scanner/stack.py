"""The last few live frames, combined where a glare spot moved: a per-pixel minimum of a candidate region over
frames aligned to the newest one.

Qt-free; scanner worker thread. A highlight on a laminated card moves much faster than the card does when the hand
tilts it a little (a reflection turns twice as fast as the surface), so the modules a spot burnt out in one frame
are usually visible in another. The darkest value each pixel took, over frames shifted to line up on the card's
fine detail, keeps every dark module and drops the highlight. Frames that do not line up (another card, a large
move) are left out; a combination that cannot be decoded is only a missed frame, never a wrong read: the payload
must still pass the code's error correction.
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

from devices.scanner.regions import Region, bounds

DEPTH = 6  # 0.4 s at 15 fps: long enough for a tilt to move the spot, short enough that the card has not moved far
MIN_MATCH = 0.15  # phase correlation's peak below this: the frames do not show the same thing


class FrameStack:
    """Holds references to the last :data:`DEPTH` grey frames without a read (no copies: each frame is new)."""

    def __init__(self, depth: int = DEPTH) -> None:
        self._frames: deque[np.ndarray] = deque(maxlen=depth)

    def push(self, gray: np.ndarray) -> None:
        if self._frames and self._frames[-1].shape != gray.shape:
            self._frames.clear()  # the camera changed its resolution
        self._frames.append(gray)

    def clear(self) -> None:
        self._frames.clear()

    def __len__(self) -> int:
        return len(self._frames)

    def combined(self, region: Region) -> np.ndarray | None:
        """The region (with a quiet zone) of the newest frame, each pixel the darkest it was in the frames that
        line up with it; None when no older frame added anything (a still card under a still lamp)."""
        if len(self._frames) < 2:
            return None
        newest = self._frames[-1]
        x0, y0, x1, y1 = bounds(region, newest.shape, 0.25)
        if x1 - x0 < 16 or y1 - y0 < 16:
            return None
        reference = newest[y0:y1, x0:x1]
        detail = _detail(reference)
        window = cv2.createHanningWindow((x1 - x0, y1 - y0), cv2.CV_32F)
        out = reference.copy()
        for older in list(self._frames)[:-1]:
            (dx, dy), match = cv2.phaseCorrelate(detail, _detail(older[y0:y1, x0:x1]), window)
            if match < MIN_MATCH or max(abs(dx), abs(dy)) > (x1 - x0) / 4:
                continue
            # the older frame sampled where the newest frame's pixels are on the card
            shift = np.array([[1, 0, x0 + dx], [0, 1, y0 + dy]], np.float32)
            aligned = cv2.warpAffine(older, shift, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                     borderMode=cv2.BORDER_REPLICATE)
            np.minimum(out, aligned, out=out)
        return out if np.count_nonzero(out < reference.astype(np.int16) - 8) > out.size // 200 else None


def _detail(gray: np.ndarray) -> np.ndarray:
    """The fine detail (modules, print) without the smooth highlight, which would otherwise dominate the match."""
    f = gray.astype(np.float32)
    return f - cv2.GaussianBlur(f, (0, 0), 4.0)
