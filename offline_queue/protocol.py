"""Pure parsing and classification of hub responses (untrusted input): a value or a typed ``HubError``.

No I/O, no Qt; used by hub_client.py in whichever thread makes the request. Fuzzed with hypothesis.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from core import wire

MAX_RETRY_AFTER = 3600.0
ITEM_STATUSES = wire.ITEM_STATUSES


class HubError(Exception):
    """Base of every hub failure. ``code`` is what facades hand to screens (mapped to translated text)."""

    code = "error"

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class HubUnavailable(HubError):
    """Try again later: no network, timeout, reset, 5xx or 429. ``reason`` says which."""

    code = "offline"

    def __init__(self, message: str, status: int | None = None, reason: str = "network",
                 retry_after: float | None = None) -> None:
        super().__init__(message, status)
        self.reason, self.retry_after = reason, retry_after

    @property
    def network(self) -> bool:
        return self.reason in ("network", "timeout")


class HubTLSError(HubError):
    """The hub's identity cannot be trusted (certificate, pinned key) or its URL is not allowed (plain http://
    across the network). Nothing was sent; retrying will not help until a technician fixes the config."""

    code = "tls"


class HubAuthError(HubError):
    """401/403: the kiosk token is missing, wrong or revoked (an operator must re-enrol)."""

    code = "auth"


class HubRejected(HubError):
    """A 4xx the kiosk cannot fix by retrying (bad request, conflict, too large)."""

    code = "rejected"

    def __init__(self, message: str, status: int | None = None, problem_type: str = "") -> None:
        super().__init__(message, status)
        self.problem_type = problem_type


class HubNotFound(HubRejected):
    code = "not_found"


class HubProtocolError(HubError):
    """The answer does not follow the contract (HTML, wrong JSON shape, wrong ids): retried later."""

    code = "protocol"


@dataclass(frozen=True)
class ItemResult:
    id: str
    status: str  # accepted | duplicate | rejected
    reference: str | None
    reason: str | None


@dataclass(frozen=True)
class Problem:
    title: str = ""
    detail: str = ""
    type: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return ": ".join(p for p in (self.title, self.detail) if p) or self.type


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), clamped to [0, 1 h]."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return min(float(int(value[:12])), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(delta, 0.0), MAX_RETRY_AFTER)


def parse_problem(body: bytes) -> Problem:
    """Best effort: an RFC 9457 problem, or an empty one (never raises)."""
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return Problem()
    if not isinstance(doc, dict):
        return Problem()

    def text(key: str) -> str:
        value = doc.get(key)
        return value[:300] if isinstance(value, str) else ""

    return Problem(text("title"), text("detail"), text("type"), doc)


def check_status(status: int, headers: Mapping[str, str], body: bytes, now: datetime | None = None) -> None:
    """Raise the typed error for a non-2xx status; return for 2xx."""
    if 200 <= status < 300:
        return
    problem = parse_problem(body)
    message = f"HTTP {status}" + (f" {problem.text()}" if problem.text() else "")
    if status in (401, 403):
        raise HubAuthError(message, status)
    if status == 429 or status >= 500:
        reason = "rate_limited" if status == 429 else "server"
        raise HubUnavailable(message, status, reason, parse_retry_after(headers.get("Retry-After"), now))
    if status == 404:
        raise HubNotFound(message, status, problem.type)
    if status == 408:  # request timeout: the hub may be overloaded; retry
        raise HubUnavailable(message, status, "timeout")
    if 400 <= status < 500:
        raise HubRejected(message, status, problem.type)
    raise HubProtocolError(f"unexpected HTTP status {status}", status)  # 1xx/3xx: not part of the contract


def parse_json_object(content_type: str, body: bytes, status: int | None = None) -> dict[str, Any]:
    """The body as a JSON object, or ``HubProtocolError`` (HTML error pages from proxies land here)."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime not in ("application/json", "application/problem+json"):
        raise HubProtocolError(f"expected JSON, got {mime or 'no content type'}", status)
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise HubProtocolError(f"invalid JSON: {str(exc)[:100]}", status) from None
    if not isinstance(doc, dict):
        raise HubProtocolError("expected a JSON object", status)
    return doc


def _short_str(value: Any, limit: int = 64) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit


def parse_submit_results(doc: Mapping[str, Any], ids: Sequence[str]) -> list[ItemResult]:
    """Per-item results of ``POST /v1/submissions``; they must answer exactly ``ids`` in order."""
    results = doc.get("results")
    if not isinstance(results, list):
        raise HubProtocolError("no results list")
    if len(results) != len(ids):
        raise HubProtocolError(f"{len(results)} results for {len(ids)} items")
    out = []
    for expected, item in zip(ids, results, strict=True):
        if not isinstance(item, dict) or item.get("id") != expected:
            raise HubProtocolError("results do not match the items sent")
        status, ref, reason = item.get("status"), item.get("reference"), item.get("reason")
        if status not in ITEM_STATUSES:
            raise HubProtocolError(f"unknown item status {str(status)[:20]!r}")
        if ref is not None and not _short_str(ref):
            raise HubProtocolError("bad reference")
        if reason is not None and not isinstance(reason, str):
            raise HubProtocolError("bad reason")
        if status == "rejected":
            out.append(ItemResult(expected, status, None, (reason or "rejected")[:200]))
        else:
            out.append(ItemResult(expected, status, ref, None))
    return out


def require(doc: Mapping[str, Any], key: str, *kinds: type) -> Any:
    """``doc[key]`` if it has one of ``kinds`` (a bool never passes for an int), else ``HubProtocolError``."""
    value = doc.get(key)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise HubProtocolError(f"missing or bad field {key!r}")
    return value
