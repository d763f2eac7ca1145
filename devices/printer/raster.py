"""Receipt blocks → 1-bit images with the bundled Unicode font (Pillow). Pure; any thread, no I/O but font files.

Vietnamese is drawn, not encoded: most ESC/POS code pages cannot print it (FORMATS §5.1), so text is
rendered at the printer's dot width (384 = 58 mm, 576 = 80 mm, 203 dpi) and sent as raster. Lines
are wrapped by measured pixel width; tokens longer than a line are broken between characters
(never between a letter and its combining mark). QR codes come from segno with UTF-8 + ECI.
"""

from __future__ import annotations

import functools
import logging
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from core.paths import asset
from devices.printer.receipt import Block, GapBlock, QrBlock, RuleBlock, TextBlock, clean_text

log = logging.getLogger(__name__)

WIDTHS = (384, 576)
MARGIN = 6  # dots kept blank on each side: print heads lose a few dots at the edges
INDENT = 24
LINE_GAP = 4  # dots between lines

# style -> (size in dots, bold)
STYLE_FONTS = {"title": (34, True), "heading": (28, True), "body": (24, False), "bold": (24, True),
               "small": (20, False)}


_fonts = threading.local()  # one FreeType face per thread: faces are not safe to share between threads


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    cache = _fonts.__dict__.setdefault("faces", {})
    key = (size, bold)
    if key not in cache:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        cache[key] = ImageFont.truetype(str(asset("fonts", name)), size)
    return cache[key]  # type: ignore[no-any-return]  # Pillow's cache is untyped


def style_font(style: str) -> ImageFont.FreeTypeFont:
    size, bold = STYLE_FONTS.get(style, STYLE_FONTS["body"])
    return font(size, bold)


@functools.lru_cache(maxsize=16)
def line_metrics(style: str) -> tuple[int, int]:
    """(top padding, line height) so stacked diacritics (Ẫ, Ệ) and descenders (g, ỵ) stay inside the line."""
    f = style_font(style)
    ascent, descent = f.getmetrics()
    _, top, _, bottom = f.getbbox("ẪỄỖỸÃẬg|ỵ", anchor="ls")
    over = max(0, -top - ascent)
    under = max(0, bottom - descent)
    return int(over), int(over + ascent + descent + under + LINE_GAP)


# --- wrapping -----------------------------------------------------------------------------------


def _clusters(token: str) -> list[str]:
    """Characters with their combining marks attached, so a break never strands a tone mark."""
    out: list[str] = []
    for ch in token:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _break_token(token: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for cluster in _clusters(token):
        if f.getlength(cluster) > width:
            cluster = "?"  # a single glyph wider than the paper: cannot be printed as is
        if current and f.getlength(current + cluster) > width:
            pieces.append(current)
            current = cluster
        else:
            current += cluster
    if current:
        pieces.append(current)
    return pieces


def wrap_text(value: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of ``value`` (cleaned, NFC) each at most ``width`` dots wide when drawn with ``f``."""
    lines: list[str] = []
    for paragraph in clean_text(value).split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if f.getlength(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
                current = ""
            if f.getlength(word) <= width:
                current = word
                continue
            pieces = _break_token(word, f, width)
            lines.extend(pieces[:-1])
            current = pieces[-1] if pieces else ""
        if current:
            lines.append(current)
    return lines


# --- QR -----------------------------------------------------------------------------------------

QR_BORDER = 4  # quiet zone, modules


def make_qr(payload: str) -> Any:
    """The segno QR for ``payload``: always a full QR (never Micro QR), UTF-8 with ECI, EC level M."""
    import segno

    return segno.make_qr(payload, encoding="utf-8", eci=True, error="m")


def qr_scale(modules_with_border: int, width: int) -> int:
    """Dots per module: as large as reads well (≤ 6, i.e. 0.75 mm), at most 3/4 of the paper."""
    return max(1, min(6, (width * 3 // 4) // modules_with_border))


def qr_image(payload: str, width: int) -> Image.Image:
    """The QR code as a 1-bit image no wider than ``width`` dots. Raises ValueError if it cannot fit."""
    qr = make_qr(payload)
    modules = qr.symbol_size(border=QR_BORDER)[0]
    scale = qr_scale(modules, width)
    if modules * scale > width:
        raise ValueError(f"QR code of {modules} modules does not fit {width} dots")
    matrix = qr.matrix
    n = len(matrix)
    img = Image.new("1", (n + 2 * QR_BORDER, n + 2 * QR_BORDER), 1)
    pixels = img.load()
    assert pixels is not None
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + QR_BORDER, y + QR_BORDER] = 0
    return img.resize((img.width * scale, img.height * scale), Image.Resampling.NEAREST)


# --- drawing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Op:
    kind: str  # "text" | "rule" | "image"
    y: int
    x: int = 0
    style: str = "body"
    text: str = ""
    image: Image.Image | None = None


def _plan(blocks: Iterable[Block], width: int) -> tuple[list[_Op], int]:
    ops: list[_Op] = []
    y = 0
    usable = width - 2 * MARGIN
    for block in blocks:
        if isinstance(block, TextBlock):
            f = style_font(block.style)
            top, height = line_metrics(block.style)
            indent = INDENT if block.indent else 0
            for line in wrap_text(block.text, f, usable - indent):
                x = MARGIN + indent
                if block.center:
                    x = MARGIN + max(0, int((usable - f.getlength(line)) // 2))
                ops.append(_Op("text", y + top, x, block.style, line))
                y += height
        elif isinstance(block, RuleBlock):
            ops.append(_Op("rule", y + 6))
            y += 14
        elif isinstance(block, GapBlock):
            y += max(0, block.dots)
        elif isinstance(block, QrBlock):
            try:
                img = qr_image(block.payload, usable)
            except Exception as exc:  # an oversized payload must not stop the receipt
                log.warning("QR code left out of the receipt: %s", type(exc).__name__)
                continue
            ops.append(_Op("image", y + 4, MARGIN + (usable - img.width) // 2, image=img))
            y += img.height + 8
    return ops, y


def render_image(blocks: Iterable[Block], width: int) -> Image.Image:
    """All blocks drawn into one 1-bit image exactly ``width`` dots wide (QR codes as images)."""
    ops, height = _plan(blocks, width)
    canvas = Image.new("L", (width, max(1, height)), 255)
    draw = ImageDraw.Draw(canvas)
    for op in ops:
        if op.kind == "text":
            f = style_font(op.style)
            draw.text((op.x, op.y), op.text, font=f, fill=0, anchor="la")
        elif op.kind == "rule":
            draw.line([(MARGIN, op.y), (width - MARGIN - 1, op.y)], fill=0, width=2)
        elif op.kind == "image" and op.image is not None:
            canvas.paste(op.image.convert("L"), (op.x, op.y))
    # threshold instead of dithering: thermal heads print clean strokes, not grey dots
    return canvas.point(lambda v: 255 if v >= 128 else 0).convert("1", dither=Image.Dither.NONE)
