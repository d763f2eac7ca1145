"""QR decoding backends behind one interface, and the ZBar mojibake repair (the extra steps are in steps.py).

Qt-free; runs in the scanner worker thread (or any thread: the CLI, the bench). Backends take a grey
``numpy`` image and return :class:`Decoded` items; none of them raises (an odd payload or a library
error becomes "nothing found" and is logged once per kind).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

log = logging.getLogger(__name__)

BACKENDS = ("zxing", "pyzbar", "opencv")


@dataclass(frozen=True)
class Decoded:
    text: str
    backend: str  # "zxing", "pyzbar", "opencv"; "+<step>" when found on a ladder variant, e.g. "zxing+otsu"
    raw: bytes | None = None  # the symbol's bytes when the backend gives them
    repaired: bool = False  # pyzbar text re-decoded from a Big5/Shift-JIS guess; a qrmatrix read that corrected
    suspect: bool = False  # pyzbar text that still looks mis-decoded: do not trust it


Backend = Callable[[np.ndarray], list[Decoded]]


# --- zxing-cpp: every frame --------------------------------------------------------------------------------------

# QR Code only, Model 2 and the older Model 1: both carry the full Reed–Solomon error correction of the standard, so
# a read is as trustworthy as ever (an old poster or a print server's Model 1 code still reads). Micro QR and the
# other symbologies are never printed on anything the kiosk reads (DESIGN §2: "never Micro QR"), and a Micro QR
# "read" of a few digits out of a product bar code or glare is a false read: its smallest versions have two check
# symbols, enough to detect an error, not to tell a code from noise.
BINARIZERS = ("local", "global", "fixed")  # zxing-cpp's LocalAverage (its default), GlobalHistogram, FixedThreshold


class ZxingReader:
    """zxing-cpp, QR Code only. ``read`` returns the texts; with ``errors`` it also returns the symbols zxing found
    but could not decode (for the region finder and the guidance), as raw zxing-cpp results."""

    def __init__(self) -> None:
        import zxingcpp

        self._zx = zxingcpp
        # zxing-cpp 3 made QRCode the family (Model 1, Model 2, Micro QR, rMQR); 2.x has QRCode = Model 2 only
        formats = zxingcpp.BarcodeFormat
        full_size = tuple(getattr(formats, name) for name in ("QRCodeModel1", "QRCodeModel2") if hasattr(formats, name))
        self._formats: Any = full_size or formats.QRCode
        self._accepted = {formats.QRCode, *full_size}  # 3.x reports a Model 1 or 2 read as QRCode
        self._binarizers = {"local": zxingcpp.Binarizer.LocalAverage, "global": zxingcpp.Binarizer.GlobalHistogram,
                            "fixed": zxingcpp.Binarizer.FixedThreshold}

    def read(self, gray: np.ndarray, binarizer: str = "local", downscale: bool = True,
             errors: bool = False) -> tuple[list[Decoded], list[Any]]:
        found: list[Decoded] = []
        failed: list[Any] = []
        for barcode in self._zx.read_barcodes(gray, formats=self._formats, text_mode=self._zx.TextMode.Plain,
                                               binarizer=self._binarizers[binarizer], try_downscale=downscale,
                                               return_errors=errors):
            if barcode.format not in self._accepted:  # belt and braces: never Micro QR's or rMQR's "read"
                continue
            if not barcode.valid:
                failed.append(barcode)
                continue
            raw = bytes(barcode.bytes)
            # The exact payload matters (CRC over bytes, Vietnamese without ECI): prefer the bytes as UTF-8
            # and let zxing's charset guess (ECI, Shift-JIS, ...) decide only when they are not UTF-8.
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = barcode.text
            if text:
                found.append(Decoded(text, "zxing", raw))
        return found, failed


def _zxing() -> Backend:
    reader = ZxingReader()

    def decode(gray: np.ndarray) -> list[Decoded]:
        return reader.read(gray)[0]

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
