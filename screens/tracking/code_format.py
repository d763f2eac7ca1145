"""The code on a receipt, typed on a pad laid out for it: pure state, no Qt (any thread).

A station's code is ``<station>-<YYMMDD>-<NNNN>`` (core/formats/tracking.py): the station part is filled in
with this station's code, so the resident types only the ten digits, and the dashes come by themselves. The
station part can be changed (a receipt from another station) and a hub reference (``HS-2026-123456789``) typed
the same way: its letters, then its digits. A short number ("7" for 0007) is padded when the resident searches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

HUB_PREFIXES = ("HS", "PA", "SK")
LOCAL_GROUPS = (6, 4)  # YYMMDD, NNNN
HUB_GROUPS = (4, 9)  # year, 8 digits + check digit (older hubs: 6 digits, padded as typed)
MAX_PREFIX = 8
_PREFIX = re.compile(r"[A-Z0-9]{0,8}")


@dataclass(frozen=True)
class CodeDraft:
    prefix: str = ""  # BN01, HS…
    digits: str = ""
    editing_prefix: bool = False  # the letters go into the station part

    @property
    def groups(self) -> tuple[int, int]:
        return HUB_GROUPS if self.prefix in HUB_PREFIXES else LOCAL_GROUPS

    @property
    def full(self) -> bool:
        return bool(self.prefix) and len(self.digits) == sum(self.groups)


def start(station_code: str) -> CodeDraft:
    code = (station_code or "").strip().upper()
    return CodeDraft(prefix=code) if _PREFIX.fullmatch(code) and len(code) >= 2 else CodeDraft(editing_prefix=True)


def press(draft: CodeDraft, key: str) -> CodeDraft:
    """The draft after one key: "0".."9", "A".."Z", "next" (end of the station part), "backspace", "clear",
    "change" (type another station part)."""
    if key == "clear":
        return replace(draft, digits="") if not draft.editing_prefix else CodeDraft(editing_prefix=True)
    if key == "change":
        return CodeDraft(editing_prefix=True)
    if draft.editing_prefix:
        if key == "backspace":
            return replace(draft, prefix=draft.prefix[:-1])
        if key == "next":
            return replace(draft, editing_prefix=len(draft.prefix) < 2)
        if len(key) == 1 and key.isalnum() and key.isascii() and len(draft.prefix) < MAX_PREFIX:
            return replace(draft, prefix=draft.prefix + key.upper())
        return draft
    if key == "backspace":
        if draft.digits:
            return replace(draft, digits=draft.digits[:-1])
        return replace(draft, editing_prefix=True)  # back into the station part
    if key.isdigit() and len(key) == 1 and key.isascii() and not draft.full:
        return replace(draft, digits=draft.digits + key)
    return draft


def text(draft: CodeDraft) -> str:
    """What the box shows: "BN01-2611", "BN01-261121-", "BN01-261121-0007" (the dashes of the format)."""
    if draft.editing_prefix and not draft.digits:
        return draft.prefix
    first, _second = draft.groups
    shown = f"{draft.prefix}-{draft.digits[:first]}"
    if len(draft.digits) >= first:
        shown += "-" + draft.digits[first:]
    return shown


def to_search(draft: CodeDraft) -> str:
    """The reference to look up: a short number after a full date is padded ("7" → "0007"); '' when it cannot
    be a reference yet."""
    first, second = draft.groups
    if not draft.prefix or len(draft.digits) <= first:
        return ""
    number = draft.digits[first:]
    if draft.prefix not in HUB_PREFIXES:
        number = number.zfill(second)
    return f"{draft.prefix}-{draft.digits[:first]}-{number}"
