"""The extra decoding steps tried on a frame the first look (zxing-cpp on the whole frame) could not read.

Qt-free; scanner worker thread (or the CLI, the bench). Live, the cascade runs these round robin within a per-frame
time budget, so a code held in view gets every step within a second or two while no frame costs more than the
budget; a still image gets them all. Each step answers one way a lobby webcam frame goes wrong:

* small or far codes: crops of the candidate regions (:mod:`devices.scanner.regions`) upscaled 2–4× (bicubic,
  unsharp mask), decoded with each of zxing-cpp's binarizers (FixedThreshold reads most small crops); dense
  (high-version) codes: the crop as large as allowed;
* glare on the laminate: local contrast normalisation of a crop (the faint modules under the spot stretched to
  full contrast), CLAHE, the blue and green channels (a warm lamp's highlight saturates red first), zxing's
  GlobalHistogram binarizer;
* glare that burnt out a finder pattern or left modules at a few grey levels of contrast: the module grid from the
  finder patterns still visible, sampled with a threshold local to a few modules, the function patterns drawn
  back (:mod:`devices.scanner.resample`); live, a spot that moves over the card as it tilts: the per-pixel minimum
  of the last frames aligned on the card (:mod:`devices.scanner.stack`);
* blur: a strong unsharp mask and an adaptive threshold at the module's scale on the upscaled crop, and a Wiener
  deconvolution of a Gaussian defocus of about half a module;
* perspective: zxing-cpp's own corners of a symbol it found but could not read, warped to a square;
* damage and strong angles (:mod:`devices.scanner.damage`): the code's outline warped flat; a partly covered finder
  found again by template and the grid from a homography, finders drawn back; scratches opened away;
* a bent card: the crop resampled as if flat again, for a bend either way about either axis; a code that is not
  flat (curved, on cloth, steeply tilted): the module grid fitted to its own timing and alignment patterns
  (:mod:`devices.scanner.gridfit`);
* the old ladder's steps that still add reads on real photos (Otsu + pyzbar, sharpening, inversion), and
  OpenCV's QR detector on the crops (one real photo only it reads).

The order is by reads added in ``bench/qr`` (cheap, productive steps first).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from devices.scanner.damage import CLEAN_SIDES, cleaned, outlined, refound
from devices.scanner.decoders import Backend, Decoded, ZxingReader, fit_width, make_backend
from devices.scanner.erasure import erasure_reads, module_evidence
from devices.scanner.gridfit import grids
from devices.scanner.qrmatrix import decode_matrix
from devices.scanner.regions import Region, candidate_regions, crop, rectified, unbent, upscaled, wiener
from devices.scanner.resample import resampled
from devices.scanner.small import read_small
from devices.scanner.stack import FrameStack
from devices.scanner.twofinder import two_finder_grids

log = logging.getLogger(__name__)

_CLAHE = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
# gridfit's crops: a region's module size is judged from the code's middle, and a curved code's modules at the
# edges are half that or less; at 5 px the squashed finders there merge into their separators and go unseen
GRIDFIT_MODULE_PX = 7.0


@dataclass
class Look:
    """One frame under examination: grey, colour when the camera gave colour, and what the first look saw."""

    gray: np.ndarray
    color: np.ndarray | None = None
    failed: list[Any] = field(default_factory=list)  # zxing-cpp symbols found but not decoded by the first look
    stack: FrameStack | None = None  # live: the last frames without a read, this one included
    _regions: list[Region] | None = None
    _crops: dict[float, list[np.ndarray]] = field(default_factory=dict)

    @property
    def regions(self) -> list[Region]:
        if self._regions is None:
            self._regions = candidate_regions(self.gray, self.failed)
        return self._regions

    def crops(self, module_px: float = 5.0) -> list[np.ndarray]:
        if module_px not in self._crops:
            self._crops[module_px] = [c for r in self.regions if (c := crop(self.gray, r, module_px)).size]
        return self._crops[module_px]


Step = Callable[[Look], list[Decoded]]


def _tag(results: list[Decoded], step: str) -> list[Decoded]:
    return [Decoded(d.text, f"{d.backend}+{step}", d.raw, d.repaired, d.suspect) for d in results]


def _local_contrast(gray: np.ndarray, window: int) -> np.ndarray:
    """(pixel − local mean) / local deviation over a window of a few modules: the faint modules under a glare
    spot get the same contrast as the rest (box filters: a millisecond on a crop, unlike a wide Gaussian)."""
    f = gray.astype(np.float32)
    mean = cv2.blur(f, (window, window))
    dev = cv2.sqrt(np.maximum(cv2.blur((f - mean) ** 2, (window, window)), 0))
    return np.clip((f - mean) / (dev + 4.0) * 50.0 + 128.0, 0, 255).astype(np.uint8)


def _adaptive(gray: np.ndarray, window: int) -> np.ndarray:
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, window | 1, 4)


def _deblur(gray: np.ndarray, module_px: float) -> np.ndarray:
    """A strong unsharp mask at the module's scale: blurred module edges become steps again."""
    return cv2.addWeighted(gray, 2.5, cv2.GaussianBlur(gray, (0, 0), module_px), -1.5, 0)


def _wiener(gray: np.ndarray, sigma: float, noise: float = 0.01) -> np.ndarray:
    """:func:`devices.scanner.regions.wiener` of a crop, back to 8-bit grey for zxing-cpp."""
    out: np.ndarray = np.clip(wiener(gray, sigma, noise), 0, 255).astype(np.uint8)
    return out


def _sharpen(gray: np.ndarray) -> np.ndarray:
    return cv2.addWeighted(gray, 1.8, cv2.GaussianBlur(gray, (0, 0), 2.0), -0.8, 0)


def _otsu(gray: np.ndarray) -> np.ndarray:
    return cv2.threshold(cv2.GaussianBlur(gray, (3, 3), 0), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]


def build_steps(zxing: ZxingReader, backends: dict[str, Backend]) -> list[tuple[str, Step]]:
    """The steps in the order tried, for the decoders configured (pyzbar and OpenCV steps only when listed)."""

    def zx(image: np.ndarray | None, binarizer: str = "local", downscale: bool = True) -> list[Decoded]:
        return [] if image is None or image.size == 0 else zxing.read(image, binarizer, downscale)[0]

    def on_crops(fn: Callable[[np.ndarray], list[Decoded]], module_px: float = 5.0) -> Step:
        def step(look: Look) -> list[Decoded]:
            for image in look.crops(module_px):
                if found := fn(image):
                    return found
            return []
        return step

    def channel(index: int) -> Step:
        def step(look: Look) -> list[Decoded]:
            if look.color is None or look.color.ndim != 3:
                return []
            return zx(np.ascontiguousarray(look.color[:, :, index]))
        return step

    def rectified_regions(look: Look) -> list[Decoded]:
        for region in look.regions:
            if found := zx(rectified(look.gray, region), downscale=False):
                return found
        return []

    def outlined_regions(look: Look) -> list[Decoded]:
        for region in look.regions[:2]:
            if (flat := outlined(look.gray, region)) is not None and \
                    (found := zx(flat, "fixed", False) or zx(_local_contrast(flat, 21), "fixed", False)):
                return found
        return []

    def unbent_regions(amount: float, binarizers: tuple[str, ...]) -> Step:
        # a card bent either way about either axis: the code's modules shrink towards one of four edges
        def step(look: Look) -> list[Decoded]:
            for region in look.regions[:2]:
                for axis in (0, 1):
                    for sign in (-1, 1):
                        image = unbent(look.gray, region, sign * amount, axis)
                        for binarizer in binarizers:
                            if found := zx(image, binarizer, downscale=False):
                                return found
            return []
        return step

    def regridded(look: Look) -> list[Decoded]:
        for image in look.crops(5.0):
            for clean in resampled(image):
                if found := zx(clean, "local", False):
                    return found
        return []

    def gridfitted(look: Look) -> list[Decoded]:  # a curved, wrinkled or steeply tilted code (gridfit.py)
        for image in look.crops(GRIDFIT_MODULE_PX)[:2]:
            for grid in grids(image):
                if found := zx(grid.image, "local", False):
                    return found
        return []

    def gridfit_erasures(look: Look) -> list[Decoded]:  # glare on a bent or tilted card: the fitted grid's
        for image in look.crops(GRIDFIT_MODULE_PX)[:2]:                # washed-out modules as erasures (erasure.py)
            for grid in grids(image):
                if (read := decode_matrix(*module_evidence(grid.values))) is not None:
                    return [read]
        return []

    def stacked(look: Look) -> list[Decoded]:
        stack = look.stack
        if stack is None:  # a still image: one frame, nothing to combine
            return []
        for region in look.regions[:2]:
            if (combined := stack.combined(region)) is not None:
                image = upscaled(combined, region.module_px)
                if found := zx(image, "fixed", False) or zx(image, "local", False):
                    return found
        return []

    steps: list[tuple[str, Step]] = [
        ("crop-fixed", on_crops(lambda im: zx(im, "fixed", False))),
        ("crop", on_crops(lambda im: zx(im, "local", False))),
        ("fixed", lambda look: zx(look.gray, "fixed")),
        ("global", lambda look: zx(look.gray, "global")),
        ("crop-deblur", on_crops(lambda im: zx(_deblur(im, 5.0), "fixed", False))),
        ("crop-adaptive", on_crops(lambda im: zx(_adaptive(im, 21), "local", False))),
        ("crop-contrast", on_crops(lambda im: zx(_local_contrast(im, 21), "fixed", False))),
        ("crop-global", on_crops(lambda im: zx(im, "global", False))),
        ("sharpen", lambda look: zx(_sharpen(look.gray))),
        ("crop-x3-fixed", on_crops(lambda im: zx(im, "fixed", False), 3.0)),
        ("small", lambda look: read_small(look.gray, look.regions, lambda im, b: zx(im, b, False))),
        ("rectified", rectified_regions),
        # a strong angle (damage.py): the code's outline warped flat, its squashed far side square again
        ("outline", outlined_regions),
        ("crop-wiener", on_crops(lambda im: zx(_wiener(im, 0.6 * 3.0), "fixed", False), 3.0)),
        ("regrid", regridded),
        ("gridfit", gridfitted),
        ("regrid-erasure", on_crops(erasure_reads)),  # glare: washed-out modules as Reed–Solomon erasures
        ("gridfit-erasure", gridfit_erasures),
        ("stack-min", stacked),
        # damaged codes (damage.py): a partly covered finder found again by template; scratches opened away
        ("refind", on_crops(lambda im: next((f for r in refound(im) if (f := zx(r, "local", False))), []))),
        # a finder wholly gone (twofinder.py): the grid fitted to the two left, their timing and alignment patterns
        ("refind-fit", on_crops(lambda im: next((f for g in two_finder_grids(im) if (f := zx(g.image, "local", False))),
                                                []))),
        ("clean", lambda look: next((f for r in look.regions[:2] for side in CLEAN_SIDES for b in ("global", "local")
                                     if (f := zx(cleaned(look.gray, r, side), b, False))), [])),
        ("unbend", unbent_regions(0.2, ("local",))),
        # a slight bow (a code printed on cloth or a soft card): found on bench/qr's failing real photos
        # themselves, so its gain there overstates what it does on photos it has never seen
        ("unbend-slight", unbent_regions(0.1, ("local", "global"))),
        ("crop-dense", on_crops(lambda im: zx(im, "fixed", False), 0.0)),
        ("crop-clahe", on_crops(lambda im: zx(_CLAHE.apply(im), "local", False))),
        ("crop-contrast-fine", on_crops(lambda im: zx(_local_contrast(im, 11), "local", False))),
        ("blue", channel(0)),
        ("green", channel(1)),
        ("clahe", lambda look: zx(_CLAHE.apply(look.gray))),
    ]
    if "pyzbar" in backends:
        pyzbar = backends["pyzbar"]
        steps += [
            ("crop-pyzbar", on_crops(pyzbar)),
            ("otsu-pyzbar", lambda look: pyzbar(_otsu(fit_width(look.gray, 960)))),
            ("invert-pyzbar", lambda look: pyzbar(255 - fit_width(look.gray, 960))),
        ]
    # OpenCV's detector on the crops, whether or not it is a configured backend: in bench/qr it reads a real
    # photo no other step reads (qrcode-2/30a), for ~8 ms a crop; on whole frames it costs too much to keep.
    opencv = backends.get("opencv") or make_backend("opencv")
    steps += [("crop-opencv", on_crops(opencv, 3.0))]
    return [(name, _tagged(name, step)) for name, step in steps]


def _tagged(name: str, step: Step) -> Step:
    def run(look: Look) -> list[Decoded]:
        try:
            return _tag(step(look), name)
        except Exception:  # a step's failure on an odd frame is a missed frame, never a dead scanner thread
            if name not in _FAILED:
                _FAILED.add(name)
                log.warning("decoding step %s failed on a frame", name, exc_info=True)
            return []
    return run


_FAILED: set[str] = set()  # steps whose failure was logged once (a failing step would flood the log at 15 fps)
