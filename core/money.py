"""Amounts of money as residents read them, on screen and on paper. Qt-free, pure."""

from __future__ import annotations


def format_vnd(amount: int) -> str:
    """20000 → "20.000 đ" (Vietnamese thousands separator)."""
    return f"{int(amount):,}".replace(",", ".") + " đ"
