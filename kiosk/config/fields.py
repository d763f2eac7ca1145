"""``setting()``: a dataclass field that carries its label, help text and limits.

The technician screens and ``kiosk config sample`` are generated from this metadata, so every
field a technician can set explains itself in one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any


@dataclasses.dataclass(frozen=True)
class SettingMeta:
    label: str  # English label
    label_vi: str  # Vietnamese label (technicians read Vietnamese first)
    help: str = ""
    choices: Sequence[Any] | None = None
    minimum: float | None = None
    maximum: float | None = None
    secret: bool = False  # never shown in full on screen or in the sample
    technician: bool = True  # False: an operator may change it too
    check: Callable[[Any], str | None] | None = None  # returns why a value is refused, or None


def setting(default: Any, label: str, label_vi: str, help: str = "", **kwargs: Any) -> Any:
    """A config field with metadata. Mutable defaults (lists) are copied per instance."""
    meta = {"setting": SettingMeta(label=label, label_vi=label_vi, help=help, **kwargs)}
    if isinstance(default, list | dict):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def section(cls: type, label: str, label_vi: str, help: str = "") -> Any:
    """A nested section (a dataclass) with its own label."""
    meta = {"setting": SettingMeta(label=label, label_vi=label_vi, help=help)}
    return dataclasses.field(default_factory=cls, metadata=meta)


def meta_of(f: dataclasses.Field) -> SettingMeta | None:
    return f.metadata.get("setting")
