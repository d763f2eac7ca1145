"""What to tell the resident while a code is in view but not read yet: a small, typed signal. Qt-free; pure.

From the candidate regions of a frame the first look could not read (:mod:`devices.scanner.regions`): a code
patch that is too small for its modules to be read asks the resident to bring the card closer; a code patch
with a burnt-out highlight asks them to tilt the card (glare on the laminate). The screen maps these codes
to translated text (screens/scan); the scanner never sends text.
"""

from __future__ import annotations

import enum

import cv2
import numpy as np

from devices.scanner.regions import Region
from devices.scanner.small import code_side

MOVE_CLOSER_BELOW_PX = 80  # an ID card's code (version 6–7, ~45 modules) needs about 2 px a module to be read
GLARE_FRACTION = 0.04  # of the pixels around the code patch burnt out (≥ 250)
# or a solid burnt-out spot (it survives an opening a 20th of the patch wide, so saturated light modules between
# dark ones do not count) on this share of the code patch's own area: a highlight on 2–9 % of an ID card's code is
# far below GLARE_FRACTION of the grown patch, yet it washes out more codewords than the code can correct
# (the regions' module size is too rough to measure the spot in modules)
GLARE_SPOT = 0.005
STABLE_FRAMES = 3  # the same advice on this many missed frames in a row before it is shown
CLEAR_AFTER_FRAMES = 15  # one second at 15 fps without the condition: the advice goes away


class Guidance(enum.StrEnum):
    NONE = ""
    MOVE_CLOSER = "move_closer"  # "đưa thẻ lại gần"
    TILT = "tilt_card"  # glare: tilt the card a little


def assess(gray: np.ndarray, regions: list[Region]) -> Guidance:
    """The advice for one frame without a read; NONE when no code-like patch is in view."""
    if not regions:
        return Guidance.NONE
    region = regions[0]  # the strongest candidate: zxing's own detection, or the densest patch
    # the patch grown by half its size each way: a burnt-out spot has no texture, so it is beside the patch
    m = region.side // 2
    patch = gray[max(0, region.y - m):region.y + region.h + m, max(0, region.x - m):region.x + region.w + m]
    if patch.size and _burnt_out(patch, region):
        return Guidance.TILT
    if region.side < MOVE_CLOSER_BELOW_PX or code_side(gray, region) < MOVE_CLOSER_BELOW_PX:
        return Guidance.MOVE_CLOSER
    return Guidance.NONE


def _burnt_out(patch: np.ndarray, region: Region) -> bool:
    burnt = (patch >= 250).astype(np.uint8)
    if np.count_nonzero(burnt) > GLARE_FRACTION * patch.size:
        return True
    side = max(3, region.side // 20)
    solid = cv2.morphologyEx(burnt, cv2.MORPH_OPEN, np.ones((side, side), np.uint8))
    return bool(np.count_nonzero(solid) >= GLARE_SPOT * region.w * region.h)


class GuidanceFilter:
    """Debounces the per-frame advice so the screen does not flicker: a new advice must hold for
    :data:`STABLE_FRAMES` frames; shown advice stays until :data:`CLEAR_AFTER_FRAMES` frames without it,
    and goes at once when a code is read."""

    def __init__(self) -> None:
        self.current = Guidance.NONE
        self._candidate = Guidance.NONE
        self._streak = 0
        self._absent = 0

    def update(self, advice: Guidance) -> Guidance:
        if advice == self._candidate:
            self._streak += 1
        else:
            self._candidate, self._streak = advice, 1
        if advice == self.current:
            self._absent = 0
        else:
            self._absent += 1
        if advice is not Guidance.NONE and advice != self.current and self._streak >= STABLE_FRAMES:
            self.current, self._absent = advice, 0
        elif self.current is not Guidance.NONE and self._absent >= CLEAR_AFTER_FRAMES:
            self.current = Guidance.NONE if advice is Guidance.NONE or self._streak < STABLE_FRAMES else advice
        return self.current

    def read(self) -> Guidance:
        """A code was read: no advice."""
        self.current, self._candidate, self._streak, self._absent = Guidance.NONE, Guidance.NONE, 0, 0
        return self.current
