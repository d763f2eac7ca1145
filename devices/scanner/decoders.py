"""QR decoding backends behind one interface, the ZBar mojibake repair, and the preprocessing ladder.

Qt-free; runs in the scanner worker thread (or any thread: the CLI, the bench). Backends take a grey
``numpy`` image and return :class:`Decoded` items; none of them raises (an odd payload or a library
error becomes "nothing found" and is logged once per kind).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

BACKENDS = ("zxing", "pyzbar", "opencv")


@dataclass(frozen=True)
class Decoded:
    text: str
    backend: str  # "zxing", "pyzbar", "opencv"; "+<step>" when found on a ladder variant, e.g. "zxing+otsu"
    raw: bytes | None = None  # the symbol's bytes when the backend gives them
    repaired: bool = False  # pyzbar text that was re-decoded from a Big5/Shift-JIS guess
    suspect: bool = False  # pyzbar text that still looks mis-decoded: do not trust it


Backend = Callable[[np.ndarray], list[Decoded]]


# --- zxing-cpp: every frame --------------------------------------------------------------------------------------

def _zxing() -> Backend:
    import zxingcpp

    formats = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)
    plain = zxingcpp.TextMode.Plain

    def decode(gray: np.ndarray) -> list[Decoded]:
        out = []
        for barcode in zxingcpp.read_barcodes(gray, formats=formats, text_mode=plain):
            raw = bytes(barcode.bytes)
            # The exact payload matters (CRC over bytes, Vietnamese without ECI): prefer the bytes as UTF-8
            # and let zxing's charset guess (ECI, Shift-JIS, ...) decide only when they are not UTF-8.
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = barcode.text
            if text:
                out.append(Decoded(text, "zxing", raw))
        return out

    return decode


# --- pyzbar: a fallback on a budget, with the ZBar charset repair --------------------------------------------------

# CJK ideographs, kana (full and half width), Hangul, private use: what ZBar's Big5/Shift-JIS guess produces
# from UTF-8 Vietnamese (FORMATS §1.5). Vietnamese text never contains them.
_SUSPECT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ue000-\uf8ff\uf900-\ufaff\uff61-\uff9f]")


def repair_zbar_text(text: str) -> tuple[str, bool, bool]:
    """(text, repaired, suspect). Undo ZBar's wrong charset guess when the bytes were really UTF-8."""
    if not _SUSPECT.search(text):
        return text, False, False
    for charset in ("big5", "shift_jis", "gb18030", "euc_kr"):
        try:
            fixed = text.encode(charset).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if not _SUSPECT.search(fixed):
            return fixed, True, False
    return text, False, True  # e.g. "Lê Anh Sơn" is unrecoverable: a private-use character replaced a byte


def _pyzbar() -> Backend:
    from pyzbar import pyzbar

    symbols = [pyzbar.ZBarSymbol.QRCODE]

    def decode(gray: np.ndarray) -> list[Decoded]:
        out = []
        for symbol in pyzbar.decode(gray, symbols=symbols):
            text, repaired, suspect = repair_zbar_text(symbol.data.decode("utf-8", errors="replace"))
            if text:
                out.append(Decoded(text, "pyzbar", None, repaired, suspect))
        return out

    return decode


# --- OpenCV: optional, off by default; every call guarded -----------------------------------------------------------

def _opencv() -> Backend:
    detector = cv2.QRCodeDetectorAruco() if hasattr(cv2, "QRCodeDetectorAruco") else cv2.QRCodeDetector()

    def decode(gray: np.ndarray) -> list[Decoded]:
        try:
            ok, texts, _points, _codes = detector.detectAndDecodeMulti(gray)
        except Exception as exc:  # cv2.error, UnicodeDecodeError on odd payloads
            log.debug("opencv detector failed: %s", type(exc).__name__)
            return []
        return [Decoded(t, "opencv") for t in (texts if ok else ()) if t]

    return decode


_FACTORIES: dict[str, Callable[[], Backend]] = {"zxing": _zxing, "pyzbar": _pyzbar, "opencv": _opencv}


def make_backend(name: str) -> Backend:
    """A guarded backend: library errors are logged and treated as "nothing found"."""
    if name not in _FACTORIES:
        raise ValueError(f"unknown QR decoder {name!r}; choose from {', '.join(BACKENDS)}")
    inner = _FACTORIES[name]()

    def guarded(gray: np.ndarray) -> list[Decoded]:
        try:
            return inner(gray)
        except Exception:
            log.warning("decoder %s failed on a frame", name, exc_info=True)
            return []

    guarded.__name__ = name
    return guarded


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def fit_width(gray: np.ndarray, width: int) -> np.ndarray:
    if gray.shape[1] <= width:
        return gray
    return cv2.resize(gray, (width, round(gray.shape[0] * width / gray.shape[1])), interpolation=cv2.INTER_AREA)


def center_region(gray: np.ndarray, limit: int = 800) -> np.ndarray:
    """Big frames: the centre square (75 % of the short side), where the guide frame is; small images: all."""
    if max(gray.shape) <= limit:
        return gray
    side = int(min(gray.shape) * 0.75)
    y, x = (gray.shape[0] - side) // 2, (gray.shape[1] - side) // 2
    return gray[y:y + side, x:x + side]


# --- the preprocessing ladder ---------------------------------------------------------------------------------------

def _downscale(g: np.ndarray) -> np.ndarray | None:
    return cv2.resize(g, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA) if min(g.shape) >= 400 else None


def _otsu(g: np.ndarray) -> np.ndarray:
    return cv2.threshold(cv2.GaussianBlur(g, (3, 3), 0), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]


def _adaptive(g: np.ndarray) -> np.ndarray:
    block = max(15, (min(g.shape) // 20) | 1)
    return cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 5)


def _sharpen(g: np.ndarray) -> np.ndarray:
    return cv2.addWeighted(g, 1.8, cv2.GaussianBlur(g, (0, 0), 2.0), -0.8, 0)


def _invert(g: np.ndarray) -> np.ndarray:
    return 255 - g


def _upscale(g: np.ndarray) -> np.ndarray | None:
    # Small codes (far from the camera, or a tiny still image): more pixels per module helps both libraries.
    return cv2.resize(g, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC) if max(g.shape) <= 800 else None


def _center(g: np.ndarray) -> np.ndarray | None:
    # Big frames: the resident holds the code inside the guide frame in the middle; enlarge just that part.
    if max(g.shape) <= 800:
        return None
    return cv2.resize(center_region(g), None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)


VARIANTS: dict[str, Callable[[np.ndarray], np.ndarray | None]] = {
    "downscale": _downscale, "otsu": _otsu, "adaptive": _adaptive, "sharpen": _sharpen, "invert": _invert,
    "upscale": _upscale, "center": _center,
}

# (variant, backend) in the order tried; zxing already tries inversion itself, pyzbar does not.
LADDER: tuple[tuple[str, str], ...] = (
    ("upscale", "zxing"), ("center", "zxing"), ("otsu", "zxing"), ("otsu", "pyzbar"), ("sharpen", "zxing"),
    ("adaptive", "zxing"), ("downscale", "pyzbar"), ("invert", "pyzbar"), ("adaptive", "pyzbar"),
    ("sharpen", "pyzbar"), ("upscale", "pyzbar"), ("center", "pyzbar"), ("downscale", "zxing"),
)
# Live frames run one step per frame on the centre region; these steps cost more than one frame's budget there.
EXPENSIVE_LIVE = frozenset({("upscale", "pyzbar"), ("center", "pyzbar"), ("sharpen", "pyzbar")})


def ladder_steps(backends: dict[str, Backend], live: bool = False) -> list[tuple[str, str]]:
    return [(v, name) for v, name in LADDER if name in backends and not (live and (v, name) in EXPENSIVE_LIVE)]


def run_ladder_step(gray: np.ndarray, variant: str, backend: Backend, name: str) -> list[Decoded] | None:
    """Results of one step; None when the variant does not apply to this image (e.g. upscaling a big frame)."""
    image = VARIANTS[variant](gray)
    if image is None:
        return None
    return [Decoded(d.text, f"{name}+{variant}", d.raw, d.repaired, d.suspect) for d in backend(image)]


