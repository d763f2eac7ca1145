"""Vietnamese text folding for search: accents, đ, NFC/NFD, tone placement, Telex/VNI leftovers (pure; any thread).

Everything is reduced to ASCII lowercase tokens, so "Đăng ký", "dang ky", "đăng kí" (NFD or NFC, "hoà" or "hòa")
fold to the same key. Telex/VNI leftovers ("ddang kys thuowngf", "tie6ng1") are undone by :func:`untelex`,
which is applied as an *alternative* spelling of a query token, never to the index, so real words are not damaged.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[a-z0-9]+")
_FORM_CODE = re.compile(r"[a-z]{2}[0-9]{2}[a-z]?")
_VOWEL = re.compile(r"[aeiouy]")
_TONE_KEYS = re.compile(r"[sfrxjz]")  # Telex tone keys; Vietnamese syllables never end in these letters


def fold(text: str) -> str:
    """Lowercase ASCII with diacritics removed and đ→d. Works for NFC and NFD input alike."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


def _canon(token: str) -> str:
    # "ký"/"kí" are both accepted spellings; treat y and i alike everywhere (query and index).
    return token.replace("y", "i")


def tokens(text: str) -> list[str]:
    """Folded search tokens of ``text`` (letters and digits only)."""
    return [_canon(t) for t in _TOKEN.findall(fold(text))]


def untelex(token: str) -> str:
    """Undo Telex/VNI keystrokes left in an ASCII token: 'ddang'→'dang', 'thuowngf'→'thuong', 'tie6ng1'→'tieng'."""
    if _FORM_CODE.fullmatch(token) or token.isdigit():
        return token
    t = re.sub(r"[0-9]", "", token) if any(c.isalpha() for c in token) else token
    t = t.replace("dd", "d")
    t = re.sub(r"([aeo])\1", r"\1", t)  # aa→â, ee→ê, oo→ô
    t = re.sub(r"([aou])w", r"\1", t).replace("w", "u")  # aw→ă, ow→ơ, uw→ư, bare w→ư
    first = _VOWEL.search(t)
    if first:
        t = t[: first.end()] + _TONE_KEYS.sub("", t[first.end():])
    return _canon(t)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of neighbours ("thuogn") as one edit (optimal string alignment).

    Gives up early, returning ``limit + 1``, once the distance must exceed ``limit``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, before[j - 2] + 1)
            cur.append(d)
        if min(cur) > limit:
            return limit + 1
        before, prev = prev, cur
    return prev[-1]
