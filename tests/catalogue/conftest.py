"""Fixtures for the catalogue tests: the committed catalogue, the shared pages, and the build tool as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from core.catalogue import Catalogue, load_catalogue

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def pages_dir(sample_data: Path) -> Path:
    path = sample_data / "procedures"
    if not path.is_dir():
        pytest.skip("shared procedure pages not available")
    return path


@pytest.fixture(scope="session")
def build_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_catalogue", REPO / "tools" / "build_catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_catalogue", module)
    spec.loader.exec_module(module)
    return module


def page(pages_dir: Path, code: str) -> str:
    return (pages_dir / f"doc_congdan_{code}.txt").read_text(encoding="utf-8")
