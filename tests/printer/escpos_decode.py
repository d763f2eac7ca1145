"""A small test-side ESC/POS decoder, written from Epson's published ESC/POS command reference.

It understands only what a receipt may contain and fails loudly on anything else, so a stray command
in our output is a test failure, not silently skipped:

* ``ESC @`` initialise · ``ESC a n`` justification · ``ESC E n`` emphasis · ``ESC t n`` code table
* ``ESC d n`` print and feed n lines · ``LF`` · printable bytes (text in the selected code table)
* ``GS v 0 m xL xH yL yH d1…dk`` raster bit image: k = (xL + xH·256)·(yL + yH·256), MSB = leftmost dot,
  bit 1 = printed dot
* ``GS ( k pL pH cn fn …`` 2D code (cn = 49 QR): fn 65 model, 67 module size, 69 EC level,
  80 store data (m = 48), 81 print
* ``GS V m`` / ``GS V m n`` cut (m = 0, 1, 48, 49 / 65, 66, 97, 98)

:func:`page_image` then draws what a printer would put on paper (raster bands stacked, a native QR
rendered from its stored data with an independent QR generator), for zxing-cpp to read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageOps

ESC, GS, LF = 0x1B, 0x1D, 0x0A


class DecodeError(ValueError):
    pass


@dataclass
class Raster:
    image: Image.Image  # mode "1", black = printed
    align: int


@dataclass
class NativeQr:
    data: bytes
    module_size: int
    ec: str
    model: int
    align: int


@dataclass
class TextLine:
    text: str
    align: int
    bold: bool


@dataclass
class Decoded:
    items: list = field(default_factory=list)  # Raster | NativeQr | TextLine, in paper order
    inits: int = 0
    cuts: int = 0
    feeds: int = 0
    code_tables: list[int] = field(default_factory=list)

    @property
    def rasters(self) -> list[Raster]:
        return [i for i in self.items if isinstance(i, Raster)]

    @property
    def qrs(self) -> list[NativeQr]:
        return [i for i in self.items if isinstance(i, NativeQr)]

    @property
    def text_lines(self) -> list[str]:
        return [i.text for i in self.items if isinstance(i, TextLine)]


def _code_table(n: int) -> dict[int, str]:
    """Bytes ≥ 0x80 of ESC t n on an Epson-like profile, from the printer database python-escpos ships."""
    from devices.printer.encode import import_escpos

    import_escpos()
    from escpos.capabilities import CAPABILITIES, get_profile

    name = get_profile("default").codePages.get(str(n))
    enc = CAPABILITIES["encodings"].get(name, {})
    if "data" in enc:
        chars = "".join(enc["data"])
        return {0x80 + i: ch for i, ch in enumerate(chars) if ch != " " or i == 0x20}
    codec = enc.get("python_encode")
    if codec:
        return {b: bytes([b]).decode(codec, errors="replace") for b in range(0x80, 0x100)}
    raise DecodeError(f"unknown code table {n} ({name})")


def decode(data: bytes) -> Decoded:
    out = Decoded()
    i, align, bold = 0, 0, False
    text: list[str] = []  # the current line, decoded byte by byte in the code table selected at the time
    mapping: dict[int, str] = {}
    qr: dict = {}

    def need(n: int) -> None:
        if i + n > len(data):
            raise DecodeError(f"truncated command at {i}")

    def flush_text() -> None:
        if text:
            out.items.append(TextLine("".join(text), align, bold))
            text.clear()

    while i < len(data):
        b = data[i]
        if b == ESC:
            need(2)
            cmd = data[i + 1]
            if cmd == ord("@"):
                flush_text()
                out.inits += 1
                align, bold, mapping = 0, False, {}
                i += 2
                continue
            need(3)
            n = data[i + 2]
            if cmd == ord("a"):
                align = {48: 0, 49: 1, 50: 2}.get(n, n)
            elif cmd == ord("E"):
                bold = bool(n & 1)
            elif cmd == ord("t"):
                # a table switch inside a line does not end the line
                mapping = _code_table(n)
                out.code_tables.append(n)
            elif cmd == ord("d"):
                flush_text()
                out.feeds += n
            else:
                raise DecodeError(f"unexpected ESC {cmd:#04x} at {i}")
            i += 3
        elif b == GS:
            need(2)
            cmd = data[i + 1]
            if cmd == ord("v"):
                need(8)
                if data[i + 2] not in (0x30, 0x00):
                    raise DecodeError("GS v must be GS v 0")
                x = data[i + 4] | data[i + 5] << 8
                y = data[i + 6] | data[i + 7] << 8
                k = x * y
                need(8 + k)
                band = Image.frombytes("1", (x * 8, y), bytes(data[i + 8:i + 8 + k]))
                # raster bit 1 = printed dot; PIL "1" bit 1 = white, so invert to get black ink
                out.items.append(Raster(ImageOps.invert(band.convert("L")).convert("1"), align))
                i += 8 + k
            elif cmd == ord("(") and i + 2 < len(data) and data[i + 2] == ord("k"):
                need(5)
                plen = data[i + 3] | data[i + 4] << 8
                need(5 + plen)
                params = data[i + 5:i + 5 + plen]
                cn, fn = params[0], params[1]
                if cn != 49:
                    raise DecodeError(f"2D code type {cn} is not QR")
                if fn == 65:
                    qr["model"] = params[2] - 48
                elif fn == 67:
                    qr["size"] = params[2]
                elif fn == 69:
                    qr["ec"] = "LMQH"[params[2] - 48]
                elif fn == 80:
                    qr["data"] = bytes(params[3:])
                elif fn == 81:
                    flush_text()
                    out.items.append(NativeQr(qr.get("data", b""), qr.get("size", 3), qr.get("ec", "L"),
                                              qr.get("model", 2), align))
                else:
                    raise DecodeError(f"unexpected QR function {fn}")
                i += 5 + plen
            elif cmd == ord("V"):
                need(3)
                m = data[i + 2]
                flush_text()
                out.cuts += 1
                i += 3 if m in (0, 1, 48, 49) else 4
            else:
                raise DecodeError(f"unexpected GS {cmd:#04x} at {i}")
        elif b == LF:
            flush_text()
            i += 1
        elif b >= 0x20:
            text.append(mapping.get(b, chr(b)) if b >= 0x80 else chr(b))
            i += 1
        else:
            raise DecodeError(f"unexpected control byte {b:#04x} at {i}")
    flush_text()
    return out


def render_native_qr(item: NativeQr) -> Image.Image:
    """What the printer draws for a stored QR: byte mode, no ECI, the requested EC level and module size."""
    import qrcode  # a different generator than segno, which the kiosk uses for image QR codes

    levels = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
              "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}
    code = qrcode.QRCode(box_size=item.module_size, border=4, error_correction=levels[item.ec])
    code.add_data(item.data)  # bytes: byte mode, as the printer stores them
    code.make(fit=True)
    return code.make_image().get_image().convert("1")


def page_image(decoded: Decoded, width: int) -> Image.Image:
    """The printed paper: raster bands and native QR codes stacked top to bottom, ``width`` dots wide."""
    parts: list[tuple[Image.Image, int]] = []
    for item in decoded.items:
        if isinstance(item, Raster):
            parts.append((item.image, item.align))
        elif isinstance(item, NativeQr):
            parts.append((render_native_qr(item), item.align))
    height = sum(p.height for p, _ in parts) or 1
    page = Image.new("1", (width, height), 1)
    y = 0
    for part, align in parts:
        x = {0: 0, 1: (width - part.width) // 2, 2: width - part.width}.get(align, 0)
        page.paste(part, (max(0, x), y))
        y += part.height
    return page
