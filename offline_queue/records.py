"""Plain value objects passed between the queue store, the sync logic, workers and facades (no Qt, no I/O)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from core.wire import SubmissionItem, submission_item


@dataclass(frozen=True)
class AttachmentIn:
    """A document photo handed to ``enqueue``."""

    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class EnqueueResult:
    uuid: str
    local_ref: str
    created_at: datetime


@dataclass(frozen=True)
class AttachmentRef:
    name: str
    content_type: str
    sha256: str
    size: int
    uploaded: bool


@dataclass(frozen=True)
class OutgoingItem:
    """A claimed submission, ready to send: ``body()`` is byte-for-byte the same on every try."""

    id: str
    kind: str
    schema_version: int
    created_at: datetime
    local_ref: str
    payload: dict[str, Any]
    attachments: tuple[AttachmentRef, ...] = ()
    server_ref: str | None = None
    attempts: int = 0

    def body(self) -> SubmissionItem:
        return submission_item(self.id, self.kind, self.schema_version, self.created_at, self.local_ref,
                               self.payload)


@dataclass(frozen=True)
class SubmissionView:
    """What operators and the resident screens may see of a row (never the personal fields)."""

    uuid: str
    local_ref: str
    kind: str
    status: str
    attempts: int
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    next_attempt_at: datetime | None
    last_error: str | None
    last_http_status: int | None
    server_ref: str | None
    receipt_status: str
    receipt_printed_at: datetime | None
    attachments: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, datetime):
                out[key] = value.isoformat()
        out["attachments"] = list(self.attachments)
        return out


# Per-item outcomes of a send, recorded together in one transaction.
@dataclass(frozen=True)
class Sent:
    id: str
    reference: str | None


@dataclass(frozen=True)
class Retry:
    id: str
    error: str
    http_status: int | None = None
    min_delay: float = 0.0  # Retry-After


@dataclass(frozen=True)
class Rejected:
    id: str
    reason: str
    http_status: int | None = None


@dataclass(frozen=True)
class Released:
    """Back to ``queued`` untouched (auth problem: not the row's fault, no attempt counted)."""

    id: str
    error: str
    http_status: int | None = None


Outcome = Sent | Retry | Rejected | Released
