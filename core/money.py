"""Amounts of money as residents read them, on screen and on paper. Qt-free, pure."""

from __future__ import annotations


def format_vnd(amount: int) -> str:
    """20000 → "20.000 đ" (Vietnamese thousands separator)."""
    return f"{int(amount):,}".replace(",", ".") + " đ"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu", "tỷ")


def _three(n: int, full: bool) -> list[str]:
    """0..999 as read aloud; ``full``: a group after a higher one ("một triệu không trăm linh năm nghìn")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens > 1:
        words += [_DIGITS[tens], "mươi"]
    elif tens == 1:
        words.append("mười")
    elif units and words:
        words.append("linh")
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5 and tens > 0:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def vnd_in_words(amount: int) -> str:
    """2906280 → "Hai triệu chín trăm linh sáu nghìn hai trăm tám mươi đồng" (số tiền bằng chữ, as a receipt or an
    officer's sheet writes it). Amounts up to 999 tỷ; 0 → "Không đồng"."""
    amount = int(amount)
    if not 0 <= amount < 10**12:
        raise ValueError("amount out of range for words")
    if amount == 0:
        return "Không đồng"
    groups = []
    rest = amount
    while rest:
        groups.append(rest % 1000)
        rest //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value:
            words += _three(value, full=bool(words)) + ([_GROUPS[index]] if _GROUPS[index] else [])
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]
