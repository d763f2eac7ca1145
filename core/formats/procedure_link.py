"""Procedure codes and links to the official public-service portals (FORMATS §3.1). Pure; any thread.

Accepted: a bare national procedure code (``1.004222``) or an https link to an allowlisted host (exact
host match) carrying ``ma_thu_tuc`` (a code or the portal's numeric id) or ``matt`` (MPS portal id).
Anything else that looks like a link is untrusted and must never be opened (DESIGN §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from core.formats.result import FormatError
from core.formats.text import clean

OFFICIAL_HOSTS = frozenset({
    "dichvucong.gov.vn",
    "thutuc.dichvucong.gov.vn",
    "dichvucong.bocongan.gov.vn",
    "csdl.dichvucong.gov.vn",
})

_CODE = re.compile(r"[0-9]\.[0-9]{6}")
_PORTAL_ID = re.compile(r"[0-9]{1,9}")
# scheme://…, the schemes that run or open something without "//", www.…, or a bare domain with a path.
_URL_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*://|^(javascript|data|file|intent|vbscript):|^www\.|^[^\s/:|]+\.[a-z]{2,}(/|$)",
                       re.IGNORECASE)
_MAX_URL = 2048


class LinkError(FormatError):
    """A link we will not act on; ``code`` starts with ``link.`` (untrusted) or ``procedure.`` (no id)."""


@dataclass(frozen=True)
class ProcedureRef:
    code: str | None  # national procedure code "1.004222", when known from the text itself
    portal_id: str | None = None  # the portal's own id (map through the catalogue), when the link carries one
    host: str | None = None  # the allowlisted host the link pointed at; None for a bare code


def is_procedure_code(text: str) -> bool:
    return bool(_CODE.fullmatch(text))


def looks_like_link(text: str) -> bool:
    return bool(_URL_LIKE.match(text))


def parse_procedure(text: str) -> ProcedureRef:
    """A bare code or an official link. Raises :class:`LinkError` (untrusted link / no procedure in it)."""
    text = clean(text)
    if is_procedure_code(text):
        return ProcedureRef(code=text)
    return parse_official_link(text)


def official_host(url: str) -> str:
    """The allowlisted host of ``url``, or raise :class:`LinkError` saying why it is not trusted."""
    if len(url) > _MAX_URL:
        raise LinkError("link.too_long")
    if not url.isascii():
        raise LinkError("link.non_ascii")  # IDN / homoglyph hosts, or odd characters anywhere
    if any(ch.isspace() or ord(ch) < 32 or ch == "\\" for ch in url):
        raise LinkError("link.bad_characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise LinkError("link.malformed") from None
    if parts.scheme.lower() != "https":
        raise LinkError("link.not_https")
    if "@" in parts.netloc:
        raise LinkError("link.userinfo")  # https://dichvucong.gov.vn@evil.com
    host = (parts.hostname or "").lower()
    if port not in (None, 443):
        raise LinkError("link.port")
    if host not in OFFICIAL_HOSTS:
        raise LinkError("link.host_not_allowed")
    # urlsplit lower-cases hostname; a trailing dot or percent-escapes would not match the allowlist above.
    return host


def parse_official_link(url: str) -> ProcedureRef:
    host = official_host(url)
    query = parse_qs(urlsplit(url).query, keep_blank_values=True)
    for key in ("ma_thu_tuc", "matt"):
        values = {v.strip() for v in query.get(key, [])}
        if not values:
            continue
        if len(values) > 1:
            raise LinkError("procedure.ambiguous")  # ?ma_thu_tuc=1.004222&ma_thu_tuc=2.000200
        value = values.pop()
        if key == "ma_thu_tuc" and is_procedure_code(value):
            return ProcedureRef(code=value, host=host)
        if _PORTAL_ID.fullmatch(value):
            return ProcedureRef(code=None, portal_id=value, host=host)
        raise LinkError("procedure.bad_id")
    raise LinkError("procedure.no_id")
