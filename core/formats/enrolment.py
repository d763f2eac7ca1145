"""The enrolment QR the hub shows: ``TCDS-ENROL|1|<hub base url>|<code>`` (docs/hub-api.md). Pure; any thread."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.formats.result import FormatError
from core.formats.text import clean

PREFIX = "TCDS-ENROL"
VERSION = "1"
_CODE = re.compile(r"[A-Z0-9]{2,16}(-[A-Z0-9]{2,16}){0,3}")


class EnrolmentError(FormatError):
    """``code`` starts with ``enrolment.``."""


@dataclass(frozen=True)
class Enrolment:
    hub_url: str  # base URL without a trailing slash
    code: str  # one-time code, e.g. ABCD-2345
    warnings: tuple[str, ...] = ()


def build_enrolment_payload(hub_url: str, code: str) -> str:
    payload = "|".join([PREFIX, VERSION, hub_url.rstrip("/"), code])
    parse_enrolment(payload)  # refuse to make a code we would not read back
    return payload


def parse_enrolment(text: str) -> Enrolment:
    fields = clean(text).split("|")
    if fields[0] != PREFIX:
        raise EnrolmentError("enrolment.prefix")
    if len(fields) < 2 or fields[1] != VERSION:
        raise EnrolmentError("enrolment.version")
    if len(fields) != 4:
        raise EnrolmentError("enrolment.field_count")
    url, code = fields[2].rstrip("/"), fields[3].strip().upper()
    if not _CODE.fullmatch(code):
        raise EnrolmentError("enrolment.code")
    return Enrolment(hub_url=url, code=code, warnings=_check_url(url))


def _check_url(url: str) -> tuple[str, ...]:
    if len(url) > 512 or not url.isascii() or any(ch.isspace() or ch in "\\@" for ch in url):
        raise EnrolmentError("enrolment.url")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise EnrolmentError("enrolment.url") from None
    host = parts.hostname or ""
    if not host or parts.query or parts.fragment:
        raise EnrolmentError("enrolment.url")
    if parts.scheme == "https":
        return ()
    if parts.scheme == "http" and _is_loopback(host):
        # Only the demo hub on this very machine: on a LAN too the token and residents' data would cross the
        # network readable (the hub client refuses it as well: offline_queue/tls.py, docs/tls.md).
        return ()
    raise EnrolmentError("enrolment.insecure_url")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback
