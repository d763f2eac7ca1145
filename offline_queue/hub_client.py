"""HTTP client for hub API v1: one requests.Session, (connect, read) timeouts, bearer token, TLS verified.

Runs in whichever worker thread owns it (SyncWorker, HubRequestWorker) or the CLI; never on the GUI thread.
Every method returns a typed result or raises a typed ``HubError`` (see protocol.py); nothing else escapes.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests

from core import wire
from offline_queue.protocol import (
    HubError,
    HubProtocolError,
    HubUnavailable,
    ItemResult,
    check_status,
    parse_json_object,
    parse_submit_results,
    require,
)

log = logging.getLogger(__name__)
USER_AGENT = "tram-cong-dan-so-kiosk"
MAX_BATCH = wire.MAX_BATCH_ITEMS  # the hub's limit per POST /v1/submissions (the wire contract)


@dataclass(frozen=True)
class Enrolment:
    kiosk_id: str
    token: str
    payee: dict[str, Any] | None


@dataclass(frozen=True)
class Dossier:
    reference: str
    local_ref: str | None
    kind: str
    status: str
    status_label_vi: str
    history: list[dict[str, Any]]
    updated_at: str | None
    fee: dict[str, Any] | None


@dataclass(frozen=True)
class Payment:
    id: str
    reference: str
    amount: int
    purpose: str
    status: str  # pending | paid | expired
    expires_at: str | None
    payee: dict[str, Any] | None


@dataclass(frozen=True)
class Catalog:
    version: int
    procedures: list[Any]


class HubClient:
    def __init__(self, base_url: str, token: str | None = None, connect_timeout: float = 5.0,
                 read_timeout: float = 15.0, ca_bundle: str | None = None,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = (connect_timeout, read_timeout)
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # TLS is always verified; a CA bundle only changes which roots are trusted.
        self.session.verify = ca_bundle or True

    def close(self) -> None:
        self.session.close()

    # -- plumbing -------------------------------------------------------------------------------------------

    def _request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                 headers: dict[str, str] | None = None, timeout: tuple[float, float] | None = None,
                 auth: bool = True) -> tuple[int, dict[str, Any]]:
        hdrs = dict(headers or {})
        if auth and self.token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        url = self.base_url + path
        try:
            resp = self.session.request(method, url, json=json_body, data=data, headers=hdrs,
                                        timeout=timeout or self.timeout, allow_redirects=False)
            body = resp.content
        except requests.Timeout as exc:
            raise HubUnavailable(f"timeout: {type(exc).__name__}", None, "timeout") from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            raise HubUnavailable(f"network: {type(exc).__name__}", None, "network") from None
        except requests.RequestException as exc:  # invalid URL, too many redirects ... : a config problem
            raise HubProtocolError(f"request failed: {type(exc).__name__}: {str(exc)[:120]}") from None
        check_status(resp.status_code, resp.headers, body)
        if not body and resp.status_code == 204:
            return resp.status_code, {}
        return resp.status_code, parse_json_object(resp.headers.get("Content-Type", ""), body, resp.status_code)

    # -- endpoints ------------------------------------------------------------------------------------------

    def enroll(self, code: str, station_code: str, name: str, version: str) -> Enrolment:
        _, doc = self._request("POST", "/v1/kiosks/enroll", auth=False, json_body={
            "code": code, "station_code": station_code, "name": name, "version": version})
        payee = doc.get("payee")
        return Enrolment(require(doc, "kiosk_id", str), require(doc, "token", str),
                         payee if isinstance(payee, dict) else None)

    def submit_batch(self, items: Sequence[Mapping[str, Any]], batch_id: str | None = None) -> list[ItemResult]:
        if not 0 < len(items) <= MAX_BATCH:
            raise ValueError(f"a batch holds 1..{MAX_BATCH} items")
        _, doc = self._request("POST", "/v1/submissions", json_body={"items": items},
                               headers={"Idempotency-Key": batch_id or str(uuid.uuid4())})
        return parse_submit_results(doc, [item["id"] for item in items])

    def upload_attachment(self, submission_id: str, name: str, data: bytes, content_type: str,
                          sha256: str | None = None) -> bool:
        """PUT the bytes; True if created, False if the hub already had this content (idempotent by hash)."""
        digest = sha256 or hashlib.sha256(data).hexdigest()
        status, _ = self._request("PUT", f"/v1/submissions/{quote(submission_id)}/attachments/{quote(name)}",
                                  data=data, headers={"Content-Type": content_type, "Digest-SHA256": digest})
        return status == 201

    def get_dossier(self, reference: str) -> Dossier:
        _, doc = self._request("GET", f"/v1/dossiers/{quote(reference, safe='')}")
        history = doc.get("history")
        fee = doc.get("fee")
        return Dossier(require(doc, "reference", str), _opt_str(doc, "local_ref"), require(doc, "kind", str),
                       require(doc, "status", str), _opt_str(doc, "status_label_vi") or "",
                       [h for h in history if isinstance(h, dict)] if isinstance(history, list) else [],
                       _opt_str(doc, "updated_at"), fee if isinstance(fee, dict) else None)

    def create_payment(self, reference: str, amount: int, purpose: str, idempotency_key: str) -> Payment:
        _, doc = self._request("POST", "/v1/payments", headers={"Idempotency-Key": idempotency_key},
                               json_body={"reference": reference, "amount": amount, "purpose": purpose})
        return _payment(doc)

    def get_payment(self, payment_id: str) -> Payment:
        _, doc = self._request("GET", f"/v1/payments/{quote(payment_id, safe='')}")
        return _payment(doc)

    def raise_alert(self, alert_id: str, kind: str, created_at: str, screen: str | None = None,
                    readings: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST /v1/alerts (idempotent by ``alert_id``): ``{"id", "kind", "acknowledged", …}``."""
        body: dict[str, Any] = {"id": alert_id, "kind": kind, "created_at": created_at, "screen": screen}
        if readings:
            body["readings"] = readings
        _, doc = self._request("POST", "/v1/alerts", json_body=body)
        return {"id": str(doc.get("id") or alert_id), "acknowledged": doc.get("acknowledged") is True}

    def get_alert(self, alert_id: str) -> dict[str, Any]:
        _, doc = self._request("GET", f"/v1/alerts/{quote(alert_id, safe='')}")
        return {"id": str(doc.get("id") or alert_id), "acknowledged": doc.get("acknowledged") is True}

    def heartbeat(self, report: dict[str, Any]) -> str:
        _, doc = self._request("POST", "/v1/heartbeat", json_body=report)
        return str(require(doc, "server_time", str))

    def catalog(self, since: int = 0, timeout: tuple[float, float] | None = None) -> Catalog:
        _, doc = self._request("GET", f"/v1/catalog?since={int(since)}", timeout=timeout)
        procedures = doc.get("procedures", [])
        if not isinstance(procedures, list):
            raise HubProtocolError("procedures is not a list")
        return Catalog(require(doc, "version", int), procedures)

    def probe(self, timeout: float = 3.0) -> bool:
        """Cheap reachability check: True if the hub answered at all (even 401), False if unreachable."""
        try:
            self._request("GET", "/v1/catalog?since=2147483647", timeout=(timeout, timeout))
        except HubUnavailable as exc:
            return not exc.network
        except HubError:
            return True
        return True


def _opt_str(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    return value if isinstance(value, str) else None


def _payment(doc: dict[str, Any]) -> Payment:
    payee = doc.get("payee")
    return Payment(require(doc, "id", str), require(doc, "reference", str), require(doc, "amount", int),
                   require(doc, "purpose", str), require(doc, "status", str), _opt_str(doc, "expires_at"),
                   payee if isinstance(payee, dict) else None)
