"""Shared clean-up of untrusted scanned/typed text before the format parsers look at it. Pure; any thread."""

from __future__ import annotations

import unicodedata

# Stray bytes seen in real reader output (FORMATS §1.6): NULs, CR/LF, BOM, zero-width characters.
_STRAY = dict.fromkeys(map(ord, "\x00\ufeff\u200b\u200c\u200d\u2060"), None)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")

MAX_PAYLOAD_CHARS = 4096  # a QR code holds at most ~7000 digits; anything near that is not ours


def clean(text: str) -> str:
    """Drop NULs/BOM/zero-width characters, trim surrounding whitespace and CR/LF, NFC-normalise."""
    return unicodedata.normalize("NFC", text.translate(_STRAY)).strip()


def trim(text: str) -> str:
    """Like :func:`clean` but without Unicode normalisation, for payloads whose bytes are checksummed."""
    return text.translate(_STRAY).strip()


def ascii_digits(text: str) -> str:
    """Full-width and other Unicode decimal digits become ASCII digits; everything else is kept."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


def fold_typed(text: str) -> str:
    """Typed references: NFKC (full-width letters/digits), one kind of dash, upper case."""
    return unicodedata.normalize("NFKC", text.translate(_STRAY)).translate(_DASHES).upper().strip()


def strip_diacritics(text: str) -> str:
    """Vietnamese to plain ASCII letters ("Phí đường" -> "Phi duong"); other non-ASCII characters are dropped."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isprintable()))
