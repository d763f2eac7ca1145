"""Vietnamese Telex/VNI composition for the on-screen keyboard (pure; any thread).

``process_key(word, key)`` takes the word being typed (NFC text, no spaces) and one key and returns the new
word, always NFC. Telex: aa/ee/oo → â/ê/ô, aw/ow/uw → ă/ơ/ư (uow → ươ), dd → đ, s f r x j = sắc huyền hỏi
ngã nặng, z removes the tone; pressing a modifier again undoes it ("ass" → "as"). VNI: 1–5 tones, 6 ^,
7 horn, 8 breve, 9 đ, 0 removes the tone. The tone is kept apart from the letters and re-placed after every
key, so "hoaf" becomes "hoà" (modern placement, the default) or "hòa" (``modern=False``), and letters typed
after the tone move it where it belongs. Anything that is not a letter is simply appended.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Literal

Method = Literal["telex", "vni"]

# combining marks
GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONES = (ACUTE, GRAVE, HOOK, TILDE, DOT)
TELEX_TONES = {"s": ACUTE, "f": GRAVE, "r": HOOK, "x": TILDE, "j": DOT}
VNI_TONES = {"1": ACUTE, "2": GRAVE, "3": HOOK, "4": TILDE, "5": DOT}
VOWELS = set("aeiouy")
# vowel pairs that take the tone on the second letter in the modern ("hoà", "khoẻ", "thuý") style
MODERN_SECOND = {"oa", "oe", "uy"}
MAX_WORD = 40  # a "word" longer than this is not Vietnamese: stop composing, just append


def _split(word: str) -> tuple[list[str], str]:
    """Letters without tone marks (each NFC), and the word's tone mark ("" for none)."""
    letters: list[str] = []
    tone = ""
    for ch in unicodedata.normalize("NFC", word):
        parts = unicodedata.normalize("NFD", ch)
        marks = [m for m in parts if m in TONES]
        if marks:
            tone = marks[-1]
            parts = "".join(m for m in parts if m not in TONES)
        letters.append(unicodedata.normalize("NFC", parts))
    return letters, tone


def _base(letter: str) -> str:
    """'Ấ' → 'a': lower-case letter without any mark (đ → d)."""
    if letter in ("đ", "Đ"):
        return "d"
    nfd = unicodedata.normalize("NFD", letter)
    return nfd[0].lower() if nfd else ""


def _mark(letter: str) -> str:
    """The vowel modifier on a letter: CIRCUMFLEX, BREVE, HORN or ""."""
    nfd = unicodedata.normalize("NFD", letter)
    return next((m for m in nfd[1:] if m in (CIRCUMFLEX, BREVE, HORN)), "")


def _with_mark(letter: str, mark: str) -> str:
    head = unicodedata.normalize("NFD", letter)[0]
    return unicodedata.normalize("NFC", head + mark)


def _is_vowel(letter: str) -> bool:
    return _base(letter) in VOWELS


def _vowel_span(letters: list[str]) -> tuple[int, int] | None:
    """(start, end) of the syllable's vowel nucleus, "qu"/"gi" counted as consonants when a vowel follows."""
    start = next((i for i, c in enumerate(letters) if _is_vowel(c)), None)
    if start is None:
        return None
    end = start
    while end < len(letters) and _is_vowel(letters[end]):
        end += 1
    if end - start > 1 and start > 0:
        prev, first = _base(letters[start - 1]), _base(letters[start])
        if (prev == "q" and first == "u") or (prev == "g" and first == "i"):
            start += 1
    return start, end


def tone_position(letters: list[str], modern: bool = True) -> int | None:
    """Index of the letter that carries the tone, or None when there is no vowel."""
    span = _vowel_span(letters)
    if span is None:
        return None
    start, end = span
    marked = [i for i in range(start, end) if _mark(letters[i])]
    if marked:
        return marked[-1]  # ươ → ơ; ê, â, ô, ơ, ư, ă always carry it
    count = end - start
    if count == 1:
        return start
    if end < len(letters):  # a final consonant follows: "toán", "hoàng", "tiến"
        return end - 1
    if count >= 3:
        return start + 1  # "ngoái", "khuỷu"
    pair = "".join(_base(c) for c in letters[start:end])
    return end - 1 if modern and pair in MODERN_SECOND else start


def _join(letters: list[str], tone: str, modern: bool) -> str:
    out = list(letters)
    if tone:
        pos = tone_position(out, modern)
        if pos is not None:
            out[pos] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", out[pos]) + tone)
    return unicodedata.normalize("NFC", "".join(out))


def _case_like(reference: str, letter: str) -> str:
    return letter.upper() if reference.isupper() else letter


def _apply_hat(letters: list[str], vowel: str, mark: str) -> bool:
    """Put ``mark`` on the last ``vowel`` of the nucleus. Returns False when there is none (or it is marked)."""
    span = _vowel_span(letters)
    if span is None:
        return False
    for i in range(span[1] - 1, span[0] - 1, -1):
        if _base(letters[i]) == vowel and _mark(letters[i]) != mark:
            letters[i] = _with_mark(letters[i], mark)
            return True
    return False


def _has_mark(letters: list[str], vowel: str, mark: str) -> int | None:
    span = _vowel_span(letters)
    if span is None:
        return None
    for i in range(span[1] - 1, span[0] - 1, -1):
        if _base(letters[i]) == vowel and _mark(letters[i]) == mark:
            return i
    return None


def _apply_horn(letters: list[str]) -> bool:
    """Telex w / VNI 7: uo → ươ, u → ư, o → ơ, a → ă ("oa" → "oă"). False when nothing (more) to mark."""
    span = _vowel_span(letters)
    if span is None:
        return False
    start, end = span
    bases = [_base(c) for c in letters]
    for i in range(start, end - 1):
        if bases[i] == "u" and bases[i + 1] == "o":
            if _mark(letters[i]) == HORN and _mark(letters[i + 1]) == HORN:
                return False
            letters[i], letters[i + 1] = _with_mark(letters[i], HORN), _with_mark(letters[i + 1], HORN)
            return True
    for i in range(end - 1, start - 1, -1):
        if bases[i] in ("u", "o"):
            if _mark(letters[i]) == HORN:
                return False
            letters[i] = _with_mark(letters[i], HORN)
            return True
        if bases[i] == "a" and (i == start or bases[i - 1] == "o"):
            if _mark(letters[i]) == BREVE:
                return False
            letters[i] = _with_mark(letters[i], BREVE)
            return True
    return False


def _undo_horn(letters: list[str]) -> bool:
    span = _vowel_span(letters)
    if span is None:
        return False
    changed = False
    for i in range(span[0], span[1]):
        if _mark(letters[i]) in (HORN, BREVE):
            letters[i] = _with_mark(letters[i], "")
            changed = True
    return changed


def _stroke_d(letters: list[str]) -> bool | None:
    """dd → đ on the initial d. True: done; False: undone ("đ" + d → "dd"); None: nothing to do."""
    if not letters or _base(letters[0]) != "d":
        return None
    if letters[0] in ("đ", "Đ"):
        if len(letters) != 1:
            return None
        letters[0] = "D" if letters[0] == "Đ" else "d"
        return False
    letters[0] = "Đ" if letters[0] == "D" else "đ"
    return True


def process_key(word: str, key: str, *, modern: bool = True, method: Method = "telex") -> str:
    """The word after typing ``key`` (one character) at its end. Never raises; output is NFC."""
    word = unicodedata.normalize("NFC", word or "")
    if not key:
        return word
    if len(key) != 1 or key.isspace() or len(word) >= MAX_WORD or any(c.isspace() for c in word):
        return unicodedata.normalize("NFC", word + key)
    letters, tone = _split(word)
    if any(len(c) != 1 or (method == "telex" and not c.isalpha()) for c in letters):
        return unicodedata.normalize("NFC", word + key)  # "CT01", "A3-12": not a Vietnamese syllable
    low = key.lower()
    tones = TELEX_TONES if method == "telex" else VNI_TONES
    has_vowel = _vowel_span(letters) is not None

    if low in tones and has_vowel:
        if tone == tones[low]:
            return _join(letters, "", modern) + key  # pressed twice: undo, keep the letter
        return _join(letters, tones[low], modern)
    if (low == "z" and method == "telex") or (low == "0" and method == "vni"):
        if tone:
            return _join(letters, "", modern)
        return _join(letters, tone, modern) + key

    trial = list(letters)
    if method == "telex":
        if low in "aeo" and has_vowel:
            pos = _has_mark(trial, low, CIRCUMFLEX)
            if pos is not None:
                trial[pos] = _with_mark(trial[pos], "")  # "aaa" → "aa"
                return _join(trial, tone, modern) + key
            if _apply_hat(trial, low, CIRCUMFLEX):
                return _join(trial, tone, modern)
        if low == "w":
            if _apply_horn(trial):
                return _join(trial, tone, modern)
            if has_vowel and _undo_horn(trial):
                return _join(trial, tone, modern) + key
            if not has_vowel:
                return _join(letters, tone, modern) + _case_like(key, "ư")
        if low == "d":
            done = _stroke_d(trial)
            if done is not None:
                return _join(trial, tone, modern) + ("" if done else key)
    elif has_vowel and low in "678":
        span = _vowel_span(trial)
        assert span is not None  # has_vowel
        for i in range(span[1] - 1, span[0] - 1, -1):
            if low == "6" and _base(trial[i]) in "aeo" and _mark(trial[i]) != CIRCUMFLEX:
                trial[i] = _with_mark(trial[i], CIRCUMFLEX)
                return _join(trial, tone, modern)
        if (low == "7" and _apply_horn(trial)) or (low == "8" and _apply_hat(trial, "a", BREVE)):
            return _join(trial, tone, modern)
    elif low == "9" and _stroke_d(trial):
        return _join(trial, tone, modern)
    return _join([*letters, key], tone, modern)


def process_sequence(keys: Iterable[str], *, modern: bool = True, method: Method = "telex") -> str:
    """Type a whole key sequence; spaces end words."""
    text = ""
    for key in keys:
        head, _, word = text.rpartition(" ") if " " in text else ("", "", text)
        sep = " " if " " in text else ""
        text = head + sep + process_key(word, key, modern=modern, method=method)
    return text


def backspace(word: str, *, modern: bool = True) -> str:
    """Delete the last letter (with its tone if it carried it); the tone is re-placed on what is left."""
    word = unicodedata.normalize("NFC", word or "")
    if not word:
        return ""
    if any(c.isspace() or not c.isalpha() for c in word) or len(word) > MAX_WORD:
        return word[:-1]
    letters, tone = _split(word)
    if any(m in TONES for m in unicodedata.normalize("NFD", word[-1])):
        tone = ""
    return _join(letters[:-1], tone, modern)


def remove_tone(word: str, *, modern: bool = True) -> str:
    letters, _ = _split(word)
    return _join(letters, "", modern)


def add_mark(word: str, mark: str, *, modern: bool = True) -> str:
    """The word with a vowel mark from the diacritics row: ``"hat"`` (â ê ô on the nucleus), ``"horn"`` (ă ơ ư,
    "uo" → "ươ") or ``"stroke"`` (đ: on the initial d, else the letter đ itself). Nothing to mark: unchanged."""
    if mark == "stroke" and word[:1] not in ("d", "D"):
        return add_letter(word, "đ", modern=modern)
    if mark == "hat":
        vowel = next((_base(c) for c in reversed(_split(word)[0]) if _base(c) in ("a", "e", "o")), None)
        key = vowel or ""
    else:
        key = {"horn": "w", "stroke": "d"}.get(mark, "")
    if not key:
        return unicodedata.normalize("NFC", word)
    typed = process_key(word, key, modern=modern)
    # the key was appended (nothing to mark, or the mark is there already and Telex undid it): the button does nothing
    word = unicodedata.normalize("NFC", word)
    return word if len(typed) > len(word) else typed


def add_letter(word: str, letter: str, *, modern: bool = True) -> str:
    """The word with ``letter`` (e.g. "ơ" from the diacritics row) appended, its tone re-placed where it belongs:
    "hó" + "a" → "hoá" (modern placement)."""
    letters, tone = _split(word + letter)
    return _join(letters, tone, modern)


def set_tone(word: str, mark: str, *, modern: bool = True) -> str:
    """The word with tone ``mark`` (one of TONES) on the right vowel; the same mark again removes it. A word
    without a vowel is returned unchanged (a tone key there does nothing)."""
    if mark not in TONES:
        raise ValueError(f"not a tone mark: {mark!r}")
    letters, tone = _split(word)
    if tone_position(letters, modern) is None:
        return unicodedata.normalize("NFC", word)
    return _join(letters, "" if tone == mark else mark, modern)
