"""Reed–Solomon decoding over GF(256) as QR codes use it (field polynomial 0x11d, generator roots α^0, α^1, …),
correcting errors AND erasures: a codeword known to be unreliable costs one check symbol, an unknown wrong one two.

Qt-free, Python with numpy for the syndromes (blocks are at most 153 codewords: a block decodes in well under a
millisecond). The
errors-and-erasures Berlekamp–Massey algorithm (Blahut) starts from the erasure locator, Chien search finds the
roots, Forney's formula the values; the result is only returned when its syndromes are all zero again and the
caller's correction budget (``limit``) is respected, so that a wrong grid or noise never yields a "corrected" block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]
_EXP_NP, _LOG_NP = np.array(_EXP[:255], np.int64), np.array(_LOG, np.int64)


def mul(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


def div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("division by zero in GF(256)")
    return 0 if a == 0 else _EXP[(_LOG[a] - _LOG[b]) % 255]


def power(exponent: int) -> int:
    """α^exponent."""
    return _EXP[exponent % 255]


def _eval_low(poly: list[int], x: int) -> int:
    """A polynomial stored lowest degree first, at x (Horner from the top)."""
    y = 0
    for c in reversed(poly):
        y = mul(y, x) ^ c
    return y


def syndromes(block: list[int], nsym: int) -> list[int]:
    """S_j = c(α^j), j = 0 … nsym−1; ``block[0]`` is the highest-degree coefficient (the first codeword sent).
    With numpy over the log table: the one part of decoding that grows with the block's length."""
    c = np.asarray(block, np.int64)
    where = np.nonzero(c)[0]
    if where.size == 0:
        return [0] * nsym
    degrees = len(block) - 1 - where
    exponents = (_LOG_NP[c[where]][None, :] + np.arange(nsym)[:, None] * degrees[None, :]) % 255
    return [int(v) for v in np.bitwise_xor.reduce(_EXP_NP[exponents], axis=1)]


def encode(data: list[int], nsym: int) -> list[int]:
    """``data`` followed by its ``nsym`` check symbols (the tests make damaged blocks with it)."""
    gen = [1]
    for j in range(nsym):  # ∏ (x − α^j), highest degree first
        gen = [a ^ mul(b, power(j)) for a, b in zip([*gen, 0], [0, *gen], strict=True)]
    rem = list(data) + [0] * nsym
    for i in range(len(data)):
        if (coef := rem[i]) != 0:
            for k in range(1, len(gen)):
                rem[i + k] ^= mul(gen[k], coef)
    return list(data) + rem[len(data):]


@dataclass(frozen=True)
class Corrected:
    block: list[int]  # the whole corrected block, data then check symbols
    errors: int  # wrong codewords found that were not flagged
    erasures: int  # flagged codewords (whether they turned out wrong or not)


def decode(block: list[int], nsym: int, erasures: list[int] | tuple[int, ...] = (),
           limit: int | None = None) -> Corrected | None:
    """The block corrected, or None. ``erasures``: indexes into ``block`` of codewords known to be unreliable.
    ``limit``: the most check symbols the correction may use, 2·errors + erasures (default: all ``nsym``)."""
    n = len(block)
    budget = nsym if limit is None else min(limit, nsym)
    erased = sorted(set(erasures))
    if len(erased) > budget or any(not 0 <= i < n for i in erased) or n > 255:
        return None
    synd = syndromes(block, nsym)
    if not any(synd):
        return Corrected(list(block), 0, len(erased))
    # erasure locator Γ(x) = ∏ (1 + X_k x), X_k = α^(n−1−i) for the codeword at index i; lowest degree first
    gamma = [1]
    for i in erased:
        xk = power(n - 1 - i)
        gamma = [a ^ mul(xk, b) for a, b in zip([*gamma, 0], [0, *gamma], strict=True)]
    locator, prev, length = list(gamma), list(gamma), len(erased)
    for r in range(len(erased), nsym):  # Berlekamp–Massey on the syndromes the erasures left over
        delta = 0
        for i, c in enumerate(locator):
            if r - i >= 0:
                delta ^= mul(c, synd[r - i])
        shifted = [0, *prev]
        if delta == 0:
            prev = shifted
            continue
        updated = [a ^ mul(delta, b) for a, b in _padded(locator, shifted)]
        if 2 * length <= r + len(erased):
            prev = [div(c, delta) for c in locator]
            length = r + 1 + len(erased) - length
        else:
            prev = shifted
        locator = updated
    while len(locator) > 1 and locator[-1] == 0:
        locator.pop()
    degree = len(locator) - 1
    errors = degree - len(erased)
    if degree != length or errors < 0 or 2 * errors + len(erased) > budget:
        return None
    positions = [i for i in range(n) if _eval_low(locator, power(-(n - 1 - i))) == 0]  # Chien search
    if len(positions) != degree or not set(erased) <= set(positions):
        return None
    # Forney: Ω(x) = S(x)Λ(x) mod x^nsym; with the first root α^0, e_k = X_k Ω(X_k⁻¹) / Λ'(X_k⁻¹)
    omega = [0] * nsym
    for i, s in enumerate(synd):
        for j, c in enumerate(locator):
            if i + j < nsym:
                omega[i + j] ^= mul(s, c)
    derivative = [locator[i] if i % 2 == 1 else 0 for i in range(1, len(locator))]
    fixed = list(block)
    for i in positions:
        xk = power(n - 1 - i)
        inverse = power(-(n - 1 - i))
        denominator = _eval_low(derivative, inverse)
        if denominator == 0:
            return None
        fixed[i] ^= mul(xk, div(_eval_low(omega, inverse), denominator))
    if any(syndromes(fixed, nsym)):
        return None
    wrong_unflagged = sum(1 for i in positions if i not in erased and fixed[i] != block[i])
    return Corrected(fixed, wrong_unflagged, len(erased))


def _padded(a: list[int], b: list[int]) -> list[tuple[int, int]]:
    size = max(len(a), len(b))
    return list(zip(a + [0] * (size - len(a)), b + [0] * (size - len(b)), strict=True))
