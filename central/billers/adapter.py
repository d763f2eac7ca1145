"""One adapter interface for billers that tell the amount due by customer code, and its HTTP protocol.

Protocol ``bill-lookup/1`` (what a biller's service, or a bridge the ward runs in front of it, speaks)::

    GET {base_url}/v1/bills/{customer_code}      Accept: application/json
    200 {"customer_code": "...", "amount": 123000, "period": "11/2026", "customer_name": "..."}
    404 no bill is due for that code (or the code is unknown)

Anything else (timeouts, 5xx, a body that is not that shape) is :class:`LookupFailed`: the kiosk then lets the
resident read the amount from the paper bill. The customer's name is not kept or logged (personal data)."""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from core.bills import CUSTOMER_CODE

log = logging.getLogger(__name__)
PROTOCOL = "bill-lookup/1"
MAX_AMOUNT = 10**12


@dataclass(frozen=True)
class AmountDue:
    customer_code: str
    amount: int
    period: str = ""


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a 3xx then surfaces as HTTPError -> LookupFailed


_NO_REDIRECTS = urllib.request.build_opener(_RefuseRedirects)


class LookupFailed(RuntimeError):
    """The biller's service did not answer usefully (``code`` for the log)."""


class BillerAdapter(Protocol):
    def lookup(self, customer_code: str) -> AmountDue | None:
        """The amount due, None when nothing is due for that code; raises :class:`LookupFailed`."""


class HttpLookupAdapter:
    """``bill-lookup/1`` over HTTP(S). Thread-safe (one short-lived request per look-up)."""

    def __init__(self, base_url: str, timeout: float = 5.0, headers: dict[str, str] | None = None) -> None:
        if not re.match(r"^https?://[^/\s]+", base_url):
            raise ValueError("base_url must be an http(s) URL")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.headers = {"Accept": "application/json", **(headers or {})}

    def lookup(self, customer_code: str) -> AmountDue | None:
        code = customer_code.strip().upper()
        if not CUSTOMER_CODE.fullmatch(code):
            raise ValueError("customer code")
        request = urllib.request.Request(f"{self.base_url}/v1/bills/{quote(code, safe='')}", headers=self.headers)
        try:
            # stdlib only: the hub has no HTTP client dependency; redirects are not followed to other hosts
            with _NO_REDIRECTS.open(request, timeout=self.timeout) as r:
                raw = r.read(64 * 1024)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise LookupFailed(f"status:{exc.code}") from None
        except (OSError, ValueError) as exc:
            raise LookupFailed(f"transport:{type(exc).__name__}") from None
        try:
            body: Any = json.loads(raw)
        except ValueError:
            raise LookupFailed("body:json") from None
        amount = body.get("amount") if isinstance(body, dict) else None
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount < MAX_AMOUNT:
            raise LookupFailed("body:amount")
        period = body.get("period") if isinstance(body.get("period"), str) else ""
        return AmountDue(code, amount, period[:20])


def adapters_from_config(doc: Any) -> dict[str, BillerAdapter]:
    """``{"<biller id>": {"protocol": "bill-lookup/1", "url": "https://…", "timeout": 5}}`` → adapters."""
    if not isinstance(doc, dict):
        raise ValueError("biller adapters: a JSON object keyed by biller id")
    adapters: dict[str, BillerAdapter] = {}
    for biller_id, entry in doc.items():
        if not isinstance(entry, dict) or entry.get("protocol") != PROTOCOL or not isinstance(entry.get("url"), str):
            raise ValueError(f"biller adapters: {biller_id}: needs protocol {PROTOCOL!r} and a url")
        adapters[biller_id] = HttpLookupAdapter(entry["url"], float(entry.get("timeout", 5.0)))
    return adapters
