"""The wire contract between a kiosk and its hub (API v1): the one module both sides import, so the shapes, kinds
and limits cannot drift apart. Pure data and functions; no I/O, no Qt, no web framework.

The kiosk builds its batch items and heartbeats here (offline_queue), the hub validates them against the same
constants (central.ingest, central.api). The catalogue's JSON Schema is the third part of the contract
(core/assets/catalogue/procedures.schema.json, checked by core.catalogue.schema on both sides)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, NotRequired, TypedDict

API_VERSION = 1

# Submission kinds the hub accepts, with the prefix of the public reference the hub gives each.
ITEM_KINDS: dict[str, str] = {"dossier": "HS", "report": "PA", "health": "SK", "payment_intent": "TT",
                              "callback": "GL"}  # callback: a resident asks a doctor to call back (telehealth)
SCHEMA_VERSIONS: frozenset[int] = frozenset({1})
ITEM_STATUSES = ("accepted", "duplicate", "rejected")  # the per-item outcome of a batch

MAX_BATCH_ITEMS = 100  # items in one POST /v1/submissions; the kiosk's batch size may not exceed it
MAX_LOCAL_REF = 64
MAX_FEE = 1_000_000_000  # VND
MAX_VERSION_CHARS = 40
MAX_HEARTBEAT_QUEUE_KEYS = 20
MAX_HEARTBEAT_DEVICES = 30
# The demo's sample receipt (devices/printer/samples.py, the done screen's sample) carries
# <station>-261121-0007: a demo hub answers for that dossier when a station asks for it and has none of its own,
# so tracking the sample receipt answers (issue 17) instead of "not found".
DEMO_SAMPLE_DAY, DEMO_SAMPLE_NUMBER = "261121", "0007"


def demo_sample_ref(station_code: str) -> str:
    return f"{station_code.strip().upper()}-{DEMO_SAMPLE_DAY}-{DEMO_SAMPLE_NUMBER}"


class SubmissionItem(TypedDict):
    """One item of POST /v1/submissions. ``id`` (a UUID made at enqueue) is the idempotency key."""

    id: str
    kind: str
    schema_version: int
    created_at: str  # ISO 8601 with an offset
    local_ref: str | None  # the station's own reference (<station>-<yymmdd>-<seq>)
    payload: dict[str, Any]


class HeartbeatBody(TypedDict):
    """POST /v1/heartbeat: the kiosk's queue, last sync and devices (the hub keeps the latest)."""

    version: str
    queue: dict[str, int]  # counts per queue status
    oldest_unsent_age_seconds: float | None
    last_sync_at: str | None
    last_error: str | None
    devices: dict[str, Any]
    interval_seconds: NotRequired[int]  # the kiosk's heartbeat period: the hub's dashboard tells a late beat


def submission_item(item_id: str, kind: str, schema_version: int, created_at: datetime, local_ref: str | None,
                    payload: dict[str, Any]) -> SubmissionItem:
    """The item as the kiosk sends it: byte-for-byte the same body on every try of the same submission."""
    return {"id": item_id, "kind": kind, "schema_version": schema_version,
            "created_at": created_at.isoformat(timespec="microseconds"), "local_ref": local_ref, "payload": payload}


def heartbeat_body(version: str, queue: dict[str, int], oldest_unsent_age_seconds: float | None,
                   last_sync_at: str | None, last_error: str | None, devices: dict[str, Any]) -> HeartbeatBody:
    return {"version": version[:MAX_VERSION_CHARS], "queue": dict(queue),
            "oldest_unsent_age_seconds": oldest_unsent_age_seconds, "last_sync_at": last_sync_at,
            "last_error": last_error, "devices": dict(devices)}


def canonical_json(value: Any) -> str:
    """The comparison form of an item (same id, same body = a duplicate): sorted keys, no whitespace, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


# Public references the hub gives: <prefix>-<year>-<8 random digits><Damm check digit>, e.g. HS-2026-123456780.
# Hubs before issue 13 gave <prefix>-<year>-<6-digit sequence> (HS-2026-000123); those stay valid, unchecked.
REFERENCE_RANDOM_DIGITS = 8
# Damm's quasigroup of order 10: catches every single-digit error and every swap of neighbouring digits.
_DAMM = ("0317598642", "7092154863", "4206871359", "1750983426", "6123045978",
         "3674209581", "5869720134", "8945362017", "9438617205", "2581436790")


def damm_digit(digits: str) -> str:
    """The check digit of a string of ASCII digits (appending it makes `damm_digit(all) == "0"`)."""
    interim = 0
    for ch in digits:
        interim = int(_DAMM[interim][int(ch)])
    return str(interim)


def reference_number_ok(number: str) -> bool:
    """The digits after the year: a legacy 6-digit sequence, or 8 random digits and a correct check digit."""
    if not number.isascii() or not number.isdigit():
        return False
    if len(number) == 6:
        return True
    return len(number) == REFERENCE_RANDOM_DIGITS + 1 and damm_digit(number) == "0"
