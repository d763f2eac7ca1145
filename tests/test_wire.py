"""The wire contract (core/wire.py) holds both sides together: what the kiosk builds, the hub accepts; the kiosk's
configurable limits stay within the hub's."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from central.api import HeartbeatRequest, SubmissionBatch
from central.ingest import ValidItem, validate_item
from core import wire
from kiosk.config import KioskConfig
from offline_queue.records import OutgoingItem
from offline_queue.sync import heartbeat_report

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53), st.text(max_size=40))
payloads = st.dictionaries(st.text(min_size=1, max_size=20),
                           st.recursive(json_leaf, lambda c: st.lists(c, max_size=4)
                                        | st.dictionaries(st.text(max_size=10), c, max_size=4), max_leaves=12),
                           max_size=6)


@given(kind=st.sampled_from(sorted(wire.ITEM_KINDS)), payload=payloads)
def test_every_item_the_kiosk_sends_is_valid_at_the_hub(kind: str, payload: dict) -> None:
    sent = OutgoingItem(str(uuid.uuid4()), kind, 1, datetime.now(UTC), "BN01-261203-0001", payload).body()
    valid = validate_item(sent)
    assert isinstance(valid, ValidItem), valid
    assert valid.id == sent["id"] and valid.kind == kind and valid.payload == payload


def test_the_kiosk_batch_size_can_never_exceed_what_the_hub_accepts() -> None:
    setting = next(f for f in dataclasses.fields(KioskConfig().hub) if f.name == "batch_size")
    assert setting.metadata["setting"].maximum <= wire.MAX_BATCH_ITEMS
    assert SubmissionBatch.model_fields["items"].metadata[0].max_length == wire.MAX_BATCH_ITEMS


def test_the_kiosk_heartbeat_is_what_the_hub_reads() -> None:
    status = {"counts": {"queued": 2, "sending": 0, "retry": 1, "sent": 5, "rejected": 0},
              "oldest_unsent_age_seconds": 12.5, "last_success_at": "2026-12-03T08:00:00+00:00",
              "last_error": None}
    body = heartbeat_report(status, "1.2.3", {"printer": "ready"})
    parsed = HeartbeatRequest.model_validate(body)
    assert parsed.queue == status["counts"] and parsed.devices == {"printer": "ready"} and parsed.version == "1.2.3"
