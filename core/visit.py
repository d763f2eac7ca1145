"""One resident's visit: everything collected since they started, in memory only.

Runs on the GUI thread. Wiped when the visit ends (home, finish, timeout): DESIGN §1, §5.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, TypeVar

Draft = TypeVar("Draft")


@dataclass
class Visit:
    # A random id for log lines about this visit; it identifies nobody.
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    started_at: float = field(default_factory=time.monotonic)
    identity: Any = None  # core.formats.cccd.IdCard once the resident scanned or typed it
    data: dict[str, Any] = field(default_factory=dict)  # per-area scratch space

    def wipe(self) -> None:
        self.identity = None
        self.data.clear()

    @property
    def is_empty(self) -> bool:
        return self.identity is None and not self.data


def area_draft(visit: Visit | None, key: str, kind: type[Draft]) -> Draft:
    """An area's draft kept in ``visit.data[key]``: created on first use, wiped with the visit. Without a visit (a
    screen shown before one began) a fresh draft that nobody keeps."""
    if visit is None:
        return kind()
    draft = visit.data.get(key)
    if not isinstance(draft, kind):
        draft = visit.data[key] = kind()
    return draft
