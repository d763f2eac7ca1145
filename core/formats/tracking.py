"""Our own receipt/tracking codes: ``TCDS|1|<local_ref>[|<hub_ref>]``, the hub's public status link and typed
references. Pure; any thread.

The status link ``<hub public URL>/s/<submission uuid>?r=<local_ref>[&h=<hub_ref>]`` is what a receipt's QR holds
when the station knows its hub's public address: a phone opens the hub's status page (keyed by the unguessable
uuid), and a kiosk's scanner reads the references back from ``r``/``h`` — it never opens the link, so a link from
any host gives no more than typing its reference would (docs/office.md).

local_ref = ``<station code: 2–8 upper letters/digits>-<YYMMDD>-<4 digits>`` (e.g. ``BN01-261121-0007``);
hub_ref = ``HS|PA|SK-<year>-<8 random digits + Damm check digit>`` (core/wire.py), or the older
``HS|PA|SK-<year>-<6 digits>`` of hubs before issue 13 (docs/hub-api.md).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuidlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from core.formats.result import FormatError
from core.formats.text import clean, fold_typed
from core.wire import reference_number_ok

PREFIX = "TCDS"
VERSION = "1"

_LOCAL = re.compile(r"([A-Z0-9]{2,8})-([0-9]{6})-([0-9]{4})")
_HUB = re.compile(r"(HS|PA|SK)-([0-9]{4})-([0-9]{6}|[0-9]{9})")
_SEPARATORS = re.compile(r"[\s\-_/.]+")
STATUS_PATH = "/s/"
_STATUS_PATH = re.compile(r"(/[A-Za-z0-9._~\-/]*)?/s/([0-9A-Za-z\-]{32,36})")
MAX_STATUS_URL = 400


class TrackingError(FormatError):
    """Not a valid tracking payload or reference; ``code`` starts with ``tracking.``."""


@dataclass(frozen=True)
class TrackingRef:
    local_ref: str | None  # BN01-261121-0007
    hub_ref: str | None = None  # HS-2026-000123

    @property
    def reference(self) -> str:
        """The reference to look up: the hub's when known, else the kiosk's."""
        return self.hub_ref or self.local_ref or ""


def is_local_ref(text: str) -> bool:
    m = _LOCAL.fullmatch(text)
    return m is not None and _valid_yymmdd(m.group(2))


def is_hub_ref(text: str) -> bool:
    """A hub reference whose check digit (new format) is right: a mistyped digit is caught here."""
    m = _HUB.fullmatch(text)
    return m is not None and reference_number_ok(m.group(3))


def build_tracking_payload(local_ref: str, hub_ref: str | None = None) -> str:
    """The text of the QR printed on a receipt. Raises :class:`TrackingError` on a malformed reference."""
    if not is_local_ref(local_ref):
        raise TrackingError("tracking.local_ref")
    if hub_ref is not None and not is_hub_ref(hub_ref):
        raise TrackingError("tracking.hub_ref")
    return "|".join([PREFIX, VERSION, local_ref] + ([hub_ref] if hub_ref else []))


def parse_tracking_payload(text: str) -> TrackingRef:
    """Parse a scanned ``TCDS|1|…`` payload (exact form, as we print it)."""
    fields = clean(text).split("|")
    if fields[0] != PREFIX:
        raise TrackingError("tracking.prefix")
    if len(fields) < 2 or fields[1] != VERSION:
        raise TrackingError("tracking.version")
    if len(fields) not in (3, 4):
        raise TrackingError("tracking.field_count")
    local_ref = fields[2]
    if not is_local_ref(local_ref):
        raise TrackingError("tracking.local_ref")
    hub_ref = fields[3] if len(fields) == 4 else None
    if hub_ref is not None and not is_hub_ref(hub_ref):
        raise TrackingError("tracking.hub_ref")
    return TrackingRef(local_ref=local_ref, hub_ref=hub_ref)


def build_status_url(base_url: str, submission_id: str, local_ref: str, hub_ref: str | None = None) -> str:
    """The public status link printed in the receipt's QR. Raises :class:`TrackingError` on a base that is not a
    plain http(s) address, a malformed uuid or reference."""
    base = base_url.strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or "@" in base:
        raise TrackingError("tracking.base_url")
    try:
        key = str(uuidlib.UUID(submission_id))
    except (ValueError, AttributeError, TypeError) as exc:
        raise TrackingError("tracking.submission_id") from exc
    if not is_local_ref(local_ref):
        raise TrackingError("tracking.local_ref")
    if hub_ref is not None and not is_hub_ref(hub_ref):
        raise TrackingError("tracking.hub_ref")
    url = f"{base}{STATUS_PATH}{key}?r={local_ref}" + (f"&h={hub_ref}" if hub_ref else "")
    if len(url) > MAX_STATUS_URL:
        raise TrackingError("tracking.base_url")
    return url


def looks_like_status_url(text: str) -> bool:
    """http(s)://…/s/<uuid>?…r=…: the shape of our status link (then :func:`parse_status_url` is strict)."""
    head = text[:8].lower()
    if not (head.startswith("https://") or head.startswith("http://")):
        return False
    parts = urlsplit(text)
    return _STATUS_PATH.fullmatch(parts.path) is not None and "r=" in parts.query


def parse_status_url(text: str) -> TrackingRef:
    """The references in a scanned status link (exactly ``r`` and optionally ``h``, each once)."""
    if len(text) > MAX_STATUS_URL:
        raise TrackingError("tracking.too_long")
    parts = urlsplit(clean(text))
    path = _STATUS_PATH.fullmatch(parts.path)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or path is None or parts.fragment:
        raise TrackingError("tracking.link")
    try:
        uuidlib.UUID(path.group(2))
    except ValueError as exc:
        raise TrackingError("tracking.submission_id") from exc
    try:
        fields = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True, max_num_fields=3)
    except ValueError as exc:
        raise TrackingError("tracking.link") from exc
    keys = [k for k, _ in fields]
    if sorted(set(keys)) != sorted(keys) or not set(keys) <= {"r", "h"} or "r" not in keys:
        raise TrackingError("tracking.link")
    values = dict(fields)
    if not is_local_ref(values["r"]):
        raise TrackingError("tracking.local_ref")
    hub_ref = values.get("h")
    if hub_ref is not None and not is_hub_ref(hub_ref):
        raise TrackingError("tracking.hub_ref")
    return TrackingRef(local_ref=values["r"], hub_ref=hub_ref)


def parse_reference(text: str) -> TrackingRef:
    """A reference a resident typed (or scanned bare): tolerant of spaces, lower case, other dashes.

    ``"bn01 261121 0007"`` -> local ``BN01-261121-0007``; ``"hs-2026-000123"`` -> hub ``HS-2026-000123``;
    a full ``TCDS|1|…`` payload and a status link are accepted too.
    """
    if looks_like_status_url(clean(text)):
        return parse_status_url(text)
    folded = fold_typed(text)
    if len(folded) > 200:
        raise TrackingError("tracking.too_long")
    if folded.startswith(PREFIX + "|"):
        return parse_tracking_payload(folded)
    parts = [p for p in _SEPARATORS.split(folded) if p]
    if len(parts) == 3:
        candidate = "-".join(parts)
        if is_hub_ref(candidate):
            return TrackingRef(local_ref=None, hub_ref=candidate)
        if is_local_ref(candidate):
            return TrackingRef(local_ref=candidate)
    raise TrackingError("tracking.reference")


def _valid_yymmdd(s: str) -> bool:
    try:
        dt.date(2000 + int(s[:2]), int(s[2:4]), int(s[4:]))
    except ValueError:
        return False
    return True
