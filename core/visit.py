"""One resident's visit: everything collected since they started, in memory only.

Runs on the GUI thread. Wiped when the visit ends (home, finish, timeout): DESIGN §1, §5.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any


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
