"""Signalling messages are untrusted (kiosks, browsers): parsed by pure functions to a dict or BadMessage."""

from __future__ import annotations

import json
import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from central.telehealth.auth import HealthWorker, clean_name, issue_ticket, worker_for_ticket
from central.telehealth.messages import MAX_FRAME, BadMessage, parse_doctor, parse_kiosk
from devices.call.peer import keep_candidates, ws_url
from screens.consult.model import clean_phone, wait_minutes

JSON = st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=50),
                    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=20), inner,
                                                                                max_size=5), max_leaves=20)


@given(st.dictionaries(st.sampled_from(["type", "consent", "readings", "resident", "sdp", "consultation_id",
                                        "link_id", "state", "stats", "on", "text", "note", "advice"]), JSON)
       | JSON)
def test_any_json_is_parsed_or_refused_with_bad_message(value: object) -> None:
    for kind in ("request", "resume", "answer", "offer", "duty", "accept", "caption", "note", "hangup"):
        doc = dict(value, type=kind) if isinstance(value, dict) else value
        raw = json.dumps(doc)
        for parse in (parse_kiosk, parse_doctor):
            try:
                parse(raw)
            except BadMessage:
                pass


@given(st.text(max_size=300))
def test_any_text_is_parsed_or_refused_with_bad_message(raw: str) -> None:
    for parse in (parse_kiosk, parse_doctor):
        try:
            parse(raw)
        except BadMessage:
            pass


def test_a_request_needs_explicit_consent() -> None:
    with pytest.raises(BadMessage, match="consent"):
        parse_kiosk(json.dumps({"type": "request", "readings": {}}))
    with pytest.raises(BadMessage, match="consent"):
        parse_kiosk(json.dumps({"type": "request", "consent": "yes"}))
    ok = parse_kiosk(json.dumps({"type": "request", "consent": True, "resident": {"name": " Bà\nLan\x00 ", "age": 70},
                                 "readings": {"spo2": {"label": "SpO2", "value": 97, "unit": "%"}}}))
    assert ok["resident"] == {"name": "Bà Lan", "age": 70} and ok["readings"]["spo2"]["value"] == 97


@pytest.mark.parametrize("bad", [
    {"type": "request", "consent": True, "resident": {"age": 200}},
    {"type": "request", "consent": True, "readings": {"x": {"value": float("inf")}}},
    {"type": "request", "consent": True, "readings": {f"k{i}": {"value": 1} for i in range(30)}},
    {"type": "answer", "sdp": "v=0" + "x" * 70000},
    {"type": "nonsense"},
])
def test_bad_kiosk_messages_are_refused(bad: dict) -> None:
    with pytest.raises(BadMessage):
        parse_kiosk(json.dumps(bad))


def test_oversized_frames_and_long_doctor_texts_are_refused() -> None:
    with pytest.raises(BadMessage, match="too large"):
        parse_kiosk(" " * (MAX_FRAME + 1))
    with pytest.raises(BadMessage):
        parse_doctor(json.dumps({"type": "caption", "text": "a" * 501}))
    with pytest.raises(BadMessage):
        parse_doctor(json.dumps({"type": "note", "consultation_id": "x", "note": " "}))


class _App:
    """An app whose ticket key was already read from its database (each hub database has its own)."""

    def __init__(self) -> None:
        self.state = type("State", (), {"telehealth_secret": secrets.token_bytes(32)})()


def test_tickets_name_the_worker_and_cannot_be_forged_or_reused_after_expiry() -> None:
    app = _App()
    ticket = issue_ticket(app, HealthWorker("BS. Trần Thị Lan"), now=1000.0)
    assert worker_for_ticket(app, ticket, now=2000.0) == HealthWorker("BS. Trần Thị Lan")
    assert worker_for_ticket(app, ticket, now=1000.0 + 13 * 3600) is None  # expired
    expires, name, mac = ticket.split(".")
    assert worker_for_ticket(app, f"{int(expires) + 999}.{name}.{mac}", now=2000.0) is None  # tampered
    assert worker_for_ticket(app, "garbage", now=2000.0) is None
    assert worker_for_ticket(_App(), ticket, now=2000.0) is None  # another hub's key
    assert clean_name("  BS.\tLan\n<script> ") == "BS. Lan <script>"  # shown with textContent, never as HTML


def test_kiosk_helpers() -> None:
    assert ws_url("https://hub.example.vn/") == "wss://hub.example.vn/v1/telehealth/ws"
    assert ws_url("http://127.0.0.1:8080") == "ws://127.0.0.1:8080/v1/telehealth/ws"
    sdp = "v=0\r\na=candidate:1 1 udp 2 192.0.2.2 5000 typ host\r\na=candidate:2 1 udp 2 127.0.0.1 5001 typ host\r\n"
    assert "192.0.2.2" not in keep_candidates(sdp, ("127.0.0.1",)) and "127.0.0.1" in keep_candidates(
        sdp, ("127.0.0.1",))
    assert clean_phone("0901 234 567") == "0901234567" and clean_phone("+84 901.234.567") == "+84901234567"
    assert clean_phone("12345") is None and clean_phone("0901 234 56a") is None
    assert wait_minutes(240) == 4 and wait_minutes(10) == 1 and wait_minutes(None) is None
    assert wait_minutes(True) is None
