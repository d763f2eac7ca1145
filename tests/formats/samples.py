"""Read the shared sample files (comments say what each line is and whether it must be rejected)."""

from __future__ import annotations

from pathlib import Path


def sample_lines(path: Path) -> list[tuple[str, str]]:
    """(preceding comment, payload) for every payload line of a samples file."""
    out = []
    comment = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            text = line.lstrip("#").strip()
            if text:
                comment = text
        elif line.strip():
            out.append((comment, line))
    return out
