"""The data segments of a QR code's corrected data codewords: numeric, alphanumeric, byte, kanji, ECI.

Qt-free, pure Python; used by :mod:`devices.scanner.qrmatrix`. The text follows the same rule as the zxing-cpp
backend (decoders.py): the symbol's bytes as UTF-8 when they are valid UTF-8 (Vietnamese ID cards print UTF-8
without an ECI), else each segment in its ECI's character set, ISO-8859-1 by default as zxing does. Anything
malformed — a segment running past the data, a digit group out of range, an ECI we do not know, modes a kiosk
payload never uses (FNC1) — gives None: a doubtful read is a missed frame, never a wrong text.
"""

from __future__ import annotations

_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ECI_CHARSETS = {1: "iso-8859-1", 3: "iso-8859-1", 4: "iso-8859-2", 5: "iso-8859-3", 6: "iso-8859-4",
                 7: "iso-8859-5", 8: "iso-8859-6", 9: "iso-8859-7", 10: "iso-8859-8", 11: "iso-8859-9",
                 13: "iso-8859-11", 15: "iso-8859-13", 17: "iso-8859-15", 20: "shift_jis", 21: "cp1250",
                 22: "cp1251", 23: "cp1252", 24: "cp1256", 25: "utf-16-be", 26: "utf-8", 27: "ascii", 28: "big5",
                 29: "gb18030", 30: "euc_kr"}
_COUNT_BITS = {1: (10, 12, 14), 2: (9, 11, 13), 4: (8, 16, 16), 8: (8, 10, 12)}  # by mode, for v 1-9, 10-26, 27-40


class _Bits:
    def __init__(self, data: bytes) -> None:
        self.value, self.size, self.pos = int.from_bytes(data, "big"), len(data) * 8, 0

    def left(self) -> int:
        return self.size - self.pos

    def take(self, count: int) -> int:
        if count > self.left():
            raise ValueError("segment runs past the data")
        self.pos += count
        return (self.value >> (self.size - self.pos)) & ((1 << count) - 1)


def _eci(bits: _Bits) -> int:
    first = bits.take(8)
    if first & 0x80 == 0:
        return first
    if first & 0xC0 == 0x80:
        return (first & 0x3F) << 8 | bits.take(8)
    if first & 0xE0 == 0xC0:
        return (first & 0x1F) << 16 | bits.take(16)
    raise ValueError("bad ECI designator")


def _numeric(bits: _Bits, count: int) -> bytes:
    out = []
    while count > 0:
        width, digits = ((10, 3), (7, 2), (4, 1))[3 - min(count, 3)]
        value = bits.take(width)
        if value >= 10 ** digits:
            raise ValueError("digit group out of range")
        out.append(str(value).zfill(digits))
        count -= digits
    return "".join(out).encode("ascii")


def _alphanumeric(bits: _Bits, count: int) -> bytes:
    out = []
    while count >= 2:
        value = bits.take(11)
        if value >= 45 * 45:
            raise ValueError("character pair out of range")
        out += [_ALPHANUMERIC[value // 45], _ALPHANUMERIC[value % 45]]
        count -= 2
    if count:
        value = bits.take(6)
        if value >= 45:
            raise ValueError("character out of range")
        out.append(_ALPHANUMERIC[value])
    return "".join(out).encode("ascii")


def _kanji(bits: _Bits, count: int) -> bytes:
    out = bytearray()
    for _ in range(count):
        value = bits.take(13)
        code = (value // 0xC0) << 8 | (value % 0xC0)
        code += 0x8140 if code < 0x1F00 else 0xC140
        out += code.to_bytes(2, "big")
    return bytes(out)


def parse_segments(data: bytes, version: int) -> tuple[str, bytes] | None:
    """(text, content bytes) of the data codewords of a symbol of ``version``, or None if they do not parse."""
    group = 0 if version <= 9 else 1 if version <= 26 else 2
    bits = _Bits(data)
    parts: list[tuple[bytes, str]] = []  # (content, character set)
    charset = "iso-8859-1"
    try:
        while bits.left() >= 4:
            mode = bits.take(4)
            if mode == 0:  # terminator
                break
            if mode == 7:
                eci = _eci(bits)
                if eci not in _ECI_CHARSETS:
                    return None
                charset = _ECI_CHARSETS[eci]
                continue
            if mode == 3:  # structured append: symbol position and parity, the text is this symbol's part
                bits.take(16)
                continue
            if mode not in _COUNT_BITS:
                return None  # FNC1 (GS1, AIM) or a reserved mode
            count = bits.take(_COUNT_BITS[mode][group])
            if mode == 1:
                parts.append((_numeric(bits, count), "ascii"))
            elif mode == 2:
                parts.append((_alphanumeric(bits, count), "ascii"))
            elif mode == 4:
                parts.append((bytes(bits.take(8) for _ in range(count)), charset))
            else:
                parts.append((_kanji(bits, count), "shift_jis"))
    except ValueError:
        return None
    raw = b"".join(content for content, _ in parts)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = "".join(content.decode(cs) for content, cs in parts)
        except UnicodeDecodeError:
            return None
    return (text, raw) if text else None
