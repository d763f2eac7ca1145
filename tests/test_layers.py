"""DESIGN §3 rule 1, the part import-linter cannot express (it names no subpackage of an external package):
the ground floor, the device drivers and the queue never import Qt widgets, and only the QtCore thread base
(core/threads.py) and the `*worker.py` modules import Qt at all (a worker may build a QImage off the GUI thread)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LOWER_FLOORS = ("core", "devices", "offline_queue")


def _qt_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("PySide6")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            found.add(node.module or "")
    return found


def _modules() -> list[Path]:
    return sorted(p for floor in LOWER_FLOORS for p in (REPO / floor).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_lower_floors_never_import_qt_widgets_and_only_workers_import_qt(path: Path) -> None:
    qt = _qt_imports(path)
    assert not {m for m in qt if m.startswith("PySide6.QtWidgets")}, qt
    if qt and path.relative_to(REPO).as_posix() != "core/threads.py":
        assert path.name.endswith("worker.py"), f"only *worker.py modules may import {sorted(qt)}"
