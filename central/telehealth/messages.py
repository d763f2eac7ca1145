"""Pure parsing of signalling messages (untrusted JSON from kiosks and browsers): a dict or BadMessage."""

from __future__ import annotations

import json
import math
from typing import Any

MAX_FRAME = 128 * 1024  # one WebSocket text message
MAX_SDP = 64 * 1024
MAX_CAPTION = 500
MAX_NOTE = 2000
MAX_READINGS = 24

KIOSK_TYPES = {"request", "resume", "answer", "offer", "hangup", "ice-state", "stats", "quality"}
DOCTOR_TYPES = {"duty", "accept", "offer", "answer", "caption", "note", "hangup", "ping"}


class BadMessage(ValueError):
    """A message we refuse; the text is for the log and the sender, never shown to a resident."""


def _text(value: Any, limit: int, field: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise BadMessage(f"{field} must be text")
    text: str = value.replace("\x00", "")
    if len(text) > limit:
        raise BadMessage(f"{field} is longer than {limit} characters")
    if required and not text.strip():
        raise BadMessage(f"{field} is empty")
    return text


def _line(value: Any, limit: int, field: str, required: bool = True) -> str:
    """One line of text: whitespace runs become one space, control and format characters go."""
    words = ("".join(ch for ch in word if ch.isprintable()) for word in _text(value, limit, field, required).split())
    return " ".join(w for w in words if w)


def _readings(value: Any) -> dict[str, dict[str, Any]]:
    """{"blood_pressure": {"label": "Huyết áp", "value": "128/82", "unit": "mmHg", "level": "normal"}, …}"""
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > MAX_READINGS:
        raise BadMessage(f"readings must be an object of at most {MAX_READINGS} entries")
    out: dict[str, dict[str, Any]] = {}
    for key, item in value.items():
        key = _line(key, 40, "reading name")
        if not isinstance(item, dict):
            raise BadMessage("each reading must be an object")
        raw = item.get("value")
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise BadMessage("a reading's value must be a number or text")
        if isinstance(raw, float) and not math.isfinite(raw):
            raise BadMessage("a reading's value must be finite")
        out[key] = {"label": _line(item.get("label", key), 60, "label"),
                    "value": _line(raw, 30, "value") if isinstance(raw, str) else raw,
                    "unit": _line(item.get("unit"), 20, "unit", required=False),
                    "level": _line(item.get("level"), 20, "level", required=False)}
    return out


def _resident(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadMessage("resident must be an object")
    out: dict[str, Any] = {}
    if value.get("name") is not None:
        out["name"] = _line(value["name"], 80, "name")
    age = value.get("age")
    if age is not None:
        if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 130:
            raise BadMessage("age must be a whole number from 0 to 130")
        out["age"] = age
    return out


def _link_id(value: Any) -> str | None:
    """The ID card number of a resident who agreed to link this consultation with their earlier ones (the hub
    keeps only a keyed hash of it): 12 digits (CCCD) or 9 (old CMND)."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) not in (9, 12):
        raise BadMessage("link_id must be an ID card number of 9 or 12 digits")
    return value


def decode(raw: str) -> dict[str, Any]:
    if len(raw) > MAX_FRAME:
        raise BadMessage("message too large")
    try:
        msg = json.loads(raw)
    except ValueError as exc:
        raise BadMessage("not JSON") from exc
    if not isinstance(msg, dict) or not isinstance(msg.get("type"), str):
        raise BadMessage("a message is an object with a type")
    return msg


def parse_kiosk(raw: str) -> dict[str, Any]:
    msg = decode(raw)
    kind = msg["type"]
    if kind not in KIOSK_TYPES:
        raise BadMessage(f"unknown message type {kind[:30]!r}")
    if kind == "request":
        if msg.get("consent") is not True:  # Decree 13/2023: silence is not consent
            raise BadMessage("a consultation needs the resident's explicit consent")
        return {"type": kind, "readings": _readings(msg.get("readings")), "resident": _resident(msg.get("resident")),
                "link_id": _link_id(msg.get("link_id"))}
    if kind == "resume":
        return {"type": kind, "consultation_id": _line(msg.get("consultation_id"), 36, "consultation_id")}
    if kind in ("answer", "offer"):
        return {"type": kind, "sdp": _text(msg.get("sdp"), MAX_SDP, "sdp")}
    if kind == "ice-state":
        return {"type": kind, "state": _line(msg.get("state"), 20, "state")}
    if kind == "quality":  # the kiosk went to sound only on a weak network (or back): the page does the same
        if not isinstance(msg.get("video"), bool):
            raise BadMessage("quality needs video: true or false")
        measures = {k: float(v) for k in ("loss", "rtt") if isinstance(v := msg.get(k), (int, float))
                    and not isinstance(v, bool) and math.isfinite(v)}
        return {"type": kind, "video": msg["video"], **measures}
    if kind == "hangup":
        return {"type": kind, "reason": "network" if msg.get("reason") == "network" else "kiosk"}
    if kind == "stats":
        return {"type": kind, "stats": {k: v for k, v in (msg.get("stats") or {}).items()
                                        if isinstance(k, str) and isinstance(v, int)}}
    return {"type": kind}


def parse_doctor(raw: str) -> dict[str, Any]:
    msg = decode(raw)
    kind = msg["type"]
    if kind not in DOCTOR_TYPES:
        raise BadMessage(f"unknown message type {kind[:30]!r}")
    if kind == "duty":
        if not isinstance(msg.get("on"), bool):
            raise BadMessage("duty needs on: true or false")
        return {"type": kind, "on": msg["on"]}
    if kind == "accept":
        return {"type": kind, "consultation_id": _line(msg.get("consultation_id"), 36, "consultation_id")}
    if kind in ("offer", "answer"):
        return {"type": kind, "sdp": _text(msg.get("sdp"), MAX_SDP, "sdp")}
    if kind == "caption":
        return {"type": kind, "text": _line(msg.get("text"), MAX_CAPTION, "text")}
    if kind == "note":
        return {"type": kind, "consultation_id": _line(msg.get("consultation_id"), 36, "consultation_id"),
                "note": _text(msg.get("note"), MAX_NOTE, "note").strip(),
                "advice": _text(msg.get("advice"), MAX_NOTE, "advice", required=False).strip()}
    return {"type": kind}
