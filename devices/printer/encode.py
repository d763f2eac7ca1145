"""Receipt → ESC/POS commands on a python-escpos printer object (Dummy or a real transport). Worker thread or CLI.

The command set is deliberately small (FORMATS §5.3): ``ESC @`` init, ``ESC a`` alignment, raster
``GS v 0`` for everything drawn, ``GS ( k`` for a native QR where the profile has it, ``ESC E`` /
``ESC t`` and plain text only in the opt-in Vietnamese text mode, ``ESC d`` + ``GS V`` to cut.
python-escpos is imported lazily (see :func:`import_escpos`), never at module import.
"""

from __future__ import annotations

import fcntl
import logging
import os
import struct
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from devices.printer import raster
from devices.printer.receipt import Block, QrBlock, Receipt, TextBlock, layout

log = logging.getLogger(__name__)

ESC = b"\x1b"
INIT = ESC + b"@"
ALIGN = {False: ESC + b"a\x00", True: ESC + b"a\x01"}
BOLD = {False: ESC + b"E\x00", True: ESC + b"E\x01"}
VIETNAMESE_PAGES = ("TCVN-3-1", "TCVN-3-2")  # CP1258 cannot carry precomposed letters (FORMATS §5.1)
QR_MODES = ("auto", "native", "image")
FONT_A_DOTS = 12  # width of one Font A character
RASTER_BAND = 256  # rows per GS v 0 command: small enough for the input buffer of cheap printers


def import_escpos() -> Any:
    """Import python-escpos the safe way (DESIGN §8): pickle cache dir and logging set first."""
    cache = os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR",
                                  str(Path(tempfile.gettempdir()) / "kiosk-escpos-cache"))
    Path(cache).mkdir(parents=True, exist_ok=True)
    if not logging.getLogger().handlers:
        # escpos calls logging.basicConfig() on import; configuring first (the CLI has not) keeps our format
        from core.logging_setup import FORMAT

        logging.basicConfig(level=logging.WARNING, format=FORMAT)
    if "escpos.capabilities" not in sys.modules:
        # python-escpos writes its profile pickle in place on first import; a second process importing at the
        # same time (pytest -n, kiosk + CLI) would read it half-written. One importer at a time per cache dir.
        with open(Path(cache) / ".import.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            import escpos.capabilities
    import escpos.printer

    return escpos


def profile_of(name: str) -> Any:
    import_escpos()
    from escpos.capabilities import get_profile

    return get_profile(name or "default")


def effective_width(width: int, profile: Any) -> int:
    """The configured dot width, narrowed to the profile's when the profile knows a smaller one."""
    try:
        return min(width, int(profile.profile_data["media"]["width"]["pixels"]))
    except (KeyError, TypeError, ValueError):
        return width


def use_native_qr(profile: Any, payload: str, qr_mode: str = "auto") -> bool:
    """Whether this QR goes out as the printer's ``GS ( k`` (True) or as a segno image (False).

    "auto" prefers the printer's own command where the profile has it, but only for ASCII payloads:
    the printer stores UTF-8 bytes without an ECI header, which zbar-based readers misread as Big5
    (FORMATS §1.5), while the image path carries UTF-8 + ECI.
    """
    if qr_mode == "native":
        return True
    if qr_mode == "image":
        return False
    return bool(profile.supports("qrCode")) and payload.isascii()


def supports_vietnamese_text(profile: Any) -> bool:
    """True when the profile carries a TCVN-3 code page (printers that really implement Epson's pages)."""
    return any(name in VIETNAMESE_PAGES for name in profile.codePages.values())


def _text_encodable(printer: Any, value: str) -> bool:
    encoder = printer.magic.encoder
    return all(encoder.find_suitable_encoding(ch) is not None for ch in value if ord(ch) >= 128)


def _emit_raster(printer: Any, blocks: list[Block], width: int) -> None:
    if not blocks:
        return
    image = raster.render_image(blocks, width)
    printer._raw(ALIGN[False])
    for top in range(0, image.height, RASTER_BAND):
        printer._raw(raster_command(image.crop((0, top, image.width, min(image.height, top + RASTER_BAND)))))


def raster_command(image: Image.Image) -> bytes:
    """``GS v 0`` (normal density) for a 1-bit image: rows of ceil(w/8) bytes, MSB first, 1 = black dot.

    Written here rather than via ``Escpos.image()``: that one prints to stdout for profiles without a
    known width and refuses images wider than the profile says, while our width is configured.
    """
    band = ImageOps.invert(image.convert("L")).convert("1", dither=Image.Dither.NONE)
    width_bytes = (band.width + 7) // 8
    header = b"\x1dv0\x00" + struct.pack("<HH", width_bytes, band.height)
    return header + band.tobytes()


def _emit_native_qr(printer: Any, payload: str, width: int) -> None:
    from escpos.constants import QR_ECLEVEL_M

    try:
        qr = raster.make_qr(payload)
        payload.encode("utf-8")
    except Exception as exc:  # an oversized or unencodable payload must not stop the receipt
        log.warning("QR code left out of the receipt: %s", type(exc).__name__)
        return
    scale = raster.qr_scale(qr.symbol_size(border=raster.QR_BORDER)[0], width - 2 * raster.MARGIN)
    printer._raw(ALIGN[True])
    printer.qr(payload, ec=QR_ECLEVEL_M, size=min(16, scale), native=True)
    printer._raw(b"\n" + ALIGN[False])


def _emit_text(printer: Any, block: TextBlock, width: int) -> None:
    columns = max(8, width // FONT_A_DOTS)
    bold = block.style in ("title", "heading", "bold")
    printer._raw(ALIGN[block.center] + BOLD[bold])
    for line in textwrap.wrap(block.text, columns, break_long_words=True) or [""]:
        printer.text(line + "\n")
    printer._raw(BOLD[False] + ALIGN[False])


def emit_receipt(printer: Any, receipt: Receipt, *, width: int, qr_mode: str = "auto",
                 text_mode: bool = False, cut: bool = True) -> None:
    """Send ``receipt`` to ``printer``: drawn blocks as raster, the QR natively if asked, then cut.

    ``text_mode`` prints a text line with the printer's own font only if every character has a
    code page on this profile; anything else is still drawn.
    """
    width = effective_width(width, printer.profile)
    printer._raw(INIT)
    pending: list[Block] = []
    for block in layout(receipt):
        if isinstance(block, QrBlock) and use_native_qr(printer.profile, block.payload, qr_mode):
            _emit_raster(printer, pending, width)
            pending = []
            _emit_native_qr(printer, block.payload, width)
        elif text_mode and isinstance(block, TextBlock) and _text_encodable(printer, block.text):
            _emit_raster(printer, pending, width)
            pending = []
            _emit_text(printer, block, width)
        else:
            pending.append(block)
    _emit_raster(printer, pending, width)
    if cut:
        printer.cut()


def render_bytes(receipt: Receipt, *, width: int, profile: str = "default", qr_mode: str = "auto",
                 text_mode: bool = False) -> bytes:
    """The exact bytes a printer with ``profile`` would get for ``receipt`` (via a Dummy printer)."""
    escpos = import_escpos()
    printer = escpos.printer.Dummy(profile=profile or "default")
    prof = printer.profile
    emit_receipt(printer, receipt, width=width, qr_mode=qr_mode,
                 text_mode=text_mode and supports_vietnamese_text(prof))
    return bytes(printer.output)
