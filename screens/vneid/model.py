"""What the VNeID screen cites (pure; no Qt): the catalogue entries it points to and the legal sources of the facts
its guidance states, taken from those entries' citations so the screen never states an uncited fact."""

from __future__ import annotations

from typing import Any

ACTIVATE = "9.000008"  # Đăng ký, kích hoạt tài khoản định danh điện tử mức độ 2 (curated.json)
LOOK_UP = "9.000009"  # Tra cứu kết quả đăng ký tài khoản định danh điện tử
PROCEDURES = (ACTIVATE, LOOK_UP)


def vn_date(iso: str) -> str:
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def sources(catalogue: Any) -> list[str]:
    """Distinct "document (dd/mm/yyyy)" cited by the VNeID entries, in order; empty without a catalogue."""
    seen: list[str] = []
    for code in PROCEDURES:
        proc = catalogue.get(code) if catalogue is not None else None
        for cites in (proc.citations.values() if proc is not None else ()):
            for c in cites:
                text = f"{c.document} ({vn_date(c.date)})"
                if text not in seen:
                    seen.append(text)
    return seen


def available(catalogue: Any) -> dict[str, bool]:
    """Which of the two entries this station's catalogue has (an older pulled catalogue may lack them)."""
    return {code: catalogue is not None and catalogue.get(code) is not None for code in PROCEDURES}
