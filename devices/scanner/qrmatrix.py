"""A QR Code (Model 2) decoder from a sampled module matrix that knows which modules it cannot trust.

Qt-free, numpy + pure Python; scanner worker thread. Glare on a laminated card washes modules out to white: a
decoder that only sees dark/light reads them as wrong codewords, each costing TWO check symbols of Reed–Solomon,
while a codeword known to be unreliable is an ERASURE and costs ONE — so, told where the glare is, this decoder
reads up to about twice as much damage as zxing-cpp. Input: an n×n matrix of module darkness (0 light … 1 dark,
0.5 the threshold) and a per-module reliability (0 … 1; below 0.5 = not to be trusted). The steps follow ISO/IEC
18004: format information (both copies, BCH(15,5)), version information (BCH(18,6), v ≥ 7), unmasking, the
zig-zag codeword placement around the function patterns, de-interleaving of the blocks, Reed–Solomon with
erasures (:mod:`devices.scanner.reedsolomon`), then the segments (numeric, alphanumeric, byte, kanji, ECI).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from devices.scanner import reedsolomon
from devices.scanner.decoders import Decoded
from devices.scanner.qrsegments import parse_segments

# ISO/IEC 18004 table 9 (checked against segno in the tests): check symbols per block, and blocks, by version
_ECC_PER_BLOCK = {
    "L": (7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28,
          30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
    "M": (10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28,
          28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28),
    "Q": (13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28,
          30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
    "H": (17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30,
          30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
}
_BLOCKS = {
    "L": (1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17,
          18, 19, 19, 20, 21, 22, 24, 25),
    "M": (1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29,
          31, 33, 35, 37, 38, 40, 43, 45, 47, 49),
    "Q": (1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38,
          40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68),
    "H": (1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45,
          48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81),
}
_LEVEL_BITS = {1: "L", 0: "M", 3: "Q", 2: "H"}  # the format information's two EC level bits

# A safety margin of check symbols per block that no correction may use: the decoder never spends more than
# nsym − SAFETY_MARGIN on 2·errors + erasures. A wrong grid or noise is a random word; the chance that a random
# word lies within the correction radius of some codeword shrinks by a factor of 256 for each unused check
# symbol, so with 4 unused (2^-32 per block, before the segments must still parse) a junk read is out of reach,
# while a version 1-L block (7 symbols, which the standard itself protects with 3 extra symbols) can still
# correct one error or three erasures.
SAFETY_MARGIN = 4
_MAX_FORMAT_DISTANCE = 3  # BCH(15,5) and BCH(18,6) words are ≥ 7 and ≥ 8 bits apart: 3 wrong bits stay unambiguous
# A codeword's doubt is the sum of its 8 modules' (1 − reliability); it may be erased from this much (half its
# modules washed out), the most doubtful first.
ERASURE_DOUBT = 4.0
_TRIALS = 5  # generalised minimum-distance decoding: at most this many erasure counts tried per block


def _bch(value: int, generator: int) -> int:
    """``value`` followed by its BCH check bits (the remainder modulo ``generator``)."""
    rem = value
    top = generator.bit_length() - 1
    for _ in range(top):
        rem = (rem << 1) ^ ((rem >> (top - 1)) * generator)
    return (value << top) | rem


_FORMAT_WORDS = {_bch(d, 0x537) ^ 0x5412: d for d in range(32)}
_VERSION_WORDS = {_bch(v, 0x1F25): v for v in range(7, 41)}


def _nearest(word: int, table: dict[int, int]) -> tuple[int, int]:
    """(value, Hamming distance) of the valid word nearest ``word``."""
    best = min(table, key=lambda w: bin(w ^ word).count("1"))
    return table[best], bin(best ^ word).count("1")


def _format_positions(n: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(row, col) of format bits 0 … 14 in each copy (bit 14 the most significant)."""
    first = [(i, 8) for i in range(6)] + [(7, 8), (8, 8), (8, 7)] + [(8, 14 - i) for i in range(9, 15)]
    second = [(8, n - 1 - i) for i in range(8)] + [(n - 15 + i, 8) for i in range(8, 15)]
    return first, second


def _alignment_centres(version: int) -> list[int]:
    if version == 1:
        return []
    count = version // 7 + 2
    step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
    centres, pos = [6], 17 + 4 * version - 7
    for _ in range(count - 1):
        centres.insert(1, pos)
        pos -= step
    return centres


@lru_cache(maxsize=48)
def function_mask(version: int) -> np.ndarray:
    """True on the modules that carry no data: finders and separators, timing, alignment, format and version
    information, the dark module."""
    n = 17 + 4 * version
    mask = np.zeros((n, n), bool)
    mask[:9, :9] = mask[:9, n - 8:] = mask[n - 8:, :9] = True  # finders, separators, format information
    mask[6, :] = mask[:, 6] = True
    centres = _alignment_centres(version)
    for r in centres:
        for c in centres:
            if not ((r == 6 and c == 6) or (r == 6 and c == centres[-1]) or (r == centres[-1] and c == 6)):
                mask[r - 2:r + 3, c - 2:c + 3] = True
    if version >= 7:
        mask[:6, n - 11:n - 8] = mask[n - 11:n - 8, :6] = True
    mask.flags.writeable = False
    return mask


@lru_cache(maxsize=48)
def data_modules(version: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of the data modules in the order bits are placed: two-column strips from the right, up then
    down, skipping the vertical timing column."""
    n, mask = 17 + 4 * version, function_mask(version)
    rows, cols = [], []
    right = n - 1
    while right >= 1:
        if right == 6:
            right = 5
        upward = ((right + 1) & 2) == 0
        for vert in range(n):
            row = n - 1 - vert if upward else vert
            for col in (right, right - 1):
                if not mask[row, col]:
                    rows.append(row)
                    cols.append(col)
        right -= 2
    return np.array(rows), np.array(cols)


def _mask_pattern(pattern: int, n: int) -> np.ndarray:
    y, x = np.mgrid[0:n, 0:n]
    conditions = ((x + y) % 2 == 0, y % 2 == 0, x % 3 == 0, (x + y) % 3 == 0, (x // 3 + y // 2) % 2 == 0,
                  x * y % 2 + x * y % 3 == 0, (x * y % 2 + x * y % 3) % 2 == 0, ((x + y) % 2 + x * y % 3) % 2 == 0)
    return np.asarray(conditions[pattern])


def _read_format(dark: np.ndarray, trusted: np.ndarray) -> tuple[str, int] | None:
    """(EC level, mask) from the copy nearest a valid word, distrusting copies whose modules glare washed out."""
    best: tuple[int, int] | None = None
    for positions in _format_positions(dark.shape[0]):
        if sum(not trusted[p] for p in positions) > _MAX_FORMAT_DISTANCE:
            continue
        word = sum(int(dark[p]) << i for i, p in enumerate(positions))
        value, distance = _nearest(word, _FORMAT_WORDS)
        if distance <= _MAX_FORMAT_DISTANCE and (best is None or distance < best[1]):
            best = (value, distance)
    return None if best is None else (_LEVEL_BITS[best[0] >> 3], best[0] & 7)


def _version_matches(dark: np.ndarray, version: int) -> bool:
    """For v ≥ 7: one of the two version blocks is within 3 bits of this size's version word (any other version's
    word is then at least 5 bits away: the grid's size and the symbol agree)."""
    if version < 7:
        return True
    n = dark.shape[0]
    expected = next(w for w, v in _VERSION_WORDS.items() if v == version)
    for transpose in (False, True):
        word = 0
        for i in range(18):
            a, b = n - 11 + i % 3, i // 3
            word |= int(dark[(a, b) if transpose else (b, a)]) << i
        if bin(word ^ expected).count("1") <= _MAX_FORMAT_DISTANCE:
            return True
    return False


def block_layout(version: int, level: str) -> tuple[list[tuple[int, int]], int]:
    """[(data codewords, block length)] per block in order, and the check symbols per block."""
    nsym, count = _ECC_PER_BLOCK[level][version - 1], _BLOCKS[level][version - 1]
    total = len(data_modules(version)[0]) // 8
    short, longer = total // count, count - total % count
    return [(short - nsym + (i >= longer), short + (i >= longer)) for i in range(count)], nsym


def block_indexes(version: int, level: str) -> list[list[int]]:
    """For each block, the positions of its codewords in the symbol's codeword stream: the data codewords were
    interleaved a column at a time across the blocks (the shorter blocks first run out), then the check symbols."""
    layout, nsym = block_layout(version, level)
    indexes: list[list[int]] = [[] for _ in layout]
    k = 0
    for column in range(max(d for d, _ in layout)):
        for b, (data, _) in enumerate(layout):
            if column < data:
                indexes[b].append(k)
                k += 1
    for _ in range(nsym):
        for b in range(len(layout)):
            indexes[b].append(k)
            k += 1
    return indexes


def decode_matrix(darkness: np.ndarray, reliability: np.ndarray | None = None) -> Decoded | None:
    """The symbol's text from an n×n module matrix (n = 17 + 4·version), or None when it does not verify."""
    n = darkness.shape[0]
    if darkness.shape != (n, n) or (n - 17) % 4 or not 1 <= (n - 17) // 4 <= 40:
        return None
    version = (n - 17) // 4
    dark = np.asarray(darkness) > 0.5
    doubt = np.zeros((n, n)) if reliability is None else 1.0 - np.clip(np.asarray(reliability, float), 0.0, 1.0)
    trusted = doubt <= 0.5
    fmt = _read_format(dark, trusted)
    if fmt is None or not _version_matches(dark, version):
        return None
    level, mask = fmt
    rows, cols = data_modules(version)
    bits = dark[rows, cols] ^ _mask_pattern(mask, n)[rows, cols]
    layout, nsym = block_layout(version, level)
    used = sum(length for _, length in layout) * 8
    codewords = np.packbits(bits[:used]).tolist()
    shaky = doubt[rows, cols][:used].reshape(-1, 8).sum(axis=1)  # the doubt of each codeword
    indexes = block_indexes(version, level)
    payload: list[int] = []
    repaired = False
    for (data, _), index in zip(layout, indexes, strict=True):
        block = [codewords[i] for i in index]
        # the least reliable codewords first: each trial erases the most doubtful ones
        erasures = sorted((j for j, i in enumerate(index) if shaky[i] >= ERASURE_DOUBT),
                          key=lambda j: -float(shaky[index[j]]))
        fixed = _correct(block, nsym, erasures)
        if fixed is None:
            return None
        repaired |= fixed != block
        payload += fixed[:data]
    parsed = parse_segments(bytes(payload), version)
    if parsed is None:
        return None
    text, raw = parsed
    return Decoded(text, "qrmatrix", raw, repaired)


def _correct(block: list[int], nsym: int, erasures: list[int]) -> list[int] | None:
    """The block corrected within nsym − SAFETY_MARGIN check symbols, or None. Generalised minimum-distance
    decoding (Forney): the k most doubtful codewords erased, for k from as many as the budget allows down in steps
    of two (each erasure given back buys one more error found), then none. Every trial keeps the margin, and the
    trials are few, so a junk word's chance to pass stays negligible."""
    budget = nsym - SAFETY_MARGIN
    if budget < 0:
        return None
    most = min(budget, len(erasures))
    counts = [*range(most, -1, -2)][:_TRIALS]
    for count in (*counts, *([0] if counts[-1] != 0 else [])):
        result = reedsolomon.decode(block, nsym, erasures[:count], limit=budget)
        if result is not None:
            return result.block
    return None
