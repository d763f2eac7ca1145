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
from offline_queue.pinning import PinnedAdapter
from offline_queue.protocol import (
    HubError,
    HubProtocolError,
    HubTLSError,
    HubUnavailable,
    ItemResult,
    check_status,
    parse_json_object,
    parse_submit_results,
    require,
)
from offline_queue.tls import hub_url_problem

log = logging.getLogger(__name__)
USER_AGENT = "tram-cong-dan-so-kiosk"
MAX_BATCH = wire.MAX_BATCH_ITEMS  # the hub's limit per POST /v1/submissions (the wire contract)
MAX_CATALOG_BYTES = 8 * 1024 * 1024 + 4096  # core.catalogue_contract.MAX_BYTES plus the envelope


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
    """An answer of ``GET /v1/catalog``: ``document`` is None when nothing newer (or nothing at all) is published.

    The document is untrusted JSON here; core.catalogue_contract checks it before anything uses it."""

    version: int
    document: dict[str, Any] | None
    etag: str | None = None
    published_at: str | None = None
    not_modified: bool = False


class HubClient:
    def __init__(self, base_url: str, token: str | None = None, connect_timeout: float = 5.0,
                 read_timeout: float = 15.0, ca_bundle: str | None = None,
                 session: requests.Session | None = None, pinned_keys: tuple[str, ...] = ()) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = (connect_timeout, read_timeout)
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # TLS is always verified; a CA bundle only changes which roots are trusted.
        self.session.verify = ca_bundle or True
        # A URL we must not use (plain http:// across the network) makes every request fail with HubTLSError:
        # the technician sees why, nothing is sent, and nothing crashes (the URL may come from a scanned QR).
        self.url_problem = hub_url_problem(self.base_url)
        if pinned_keys:
            try:
                self.session.mount("https://", PinnedAdapter(pinned_keys))
            except ValueError as exc:  # the config check refuses bad pins; this guards other callers
                self.url_problem = f"bad pinned key: {exc}"

    def close(self) -> None:
        self.session.close()

    # -- plumbing -------------------------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
              headers: dict[str, str] | None = None, timeout: tuple[float, float] | None = None,
              auth: bool = True, max_bytes: int | None = None) -> tuple[requests.Response, bytes]:
        """One HTTP exchange: the response and its body (at most ``max_bytes``), or a typed ``HubError``."""
        if self.url_problem:
            raise HubTLSError(self.url_problem)
        hdrs = dict(headers or {})
        if auth and self.token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        url = self.base_url + path
        try:
            # verify= on every request: otherwise requests lets $REQUESTS_CA_BUNDLE / $CURL_CA_BUNDLE override
            # the session's (the configured CA bundle) - psf/requests#3829
            resp = self.session.request(method, url, json=json_body, data=data, headers=hdrs,
                                        timeout=timeout or self.timeout, allow_redirects=False,
                                        stream=max_bytes is not None, verify=self.session.verify)
            body = resp.content if max_bytes is None else _read_capped(resp, max_bytes)
        except requests.exceptions.SSLError as exc:  # before ConnectionError, its base class
            raise HubTLSError(f"tls: {_tls_reason(exc)}") from None
        except requests.Timeout as exc:
            raise HubUnavailable(f"timeout: {type(exc).__name__}", None, "timeout") from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            raise HubUnavailable(f"network: {type(exc).__name__}", None, "network") from None
        except requests.RequestException as exc:  # invalid URL, too many redirects ... : a config problem
            raise HubProtocolError(f"request failed: {type(exc).__name__}: {str(exc)[:120]}") from None
        return resp, body

    def _request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                 headers: dict[str, str] | None = None, timeout: tuple[float, float] | None = None,
                 auth: bool = True) -> tuple[int, dict[str, Any]]:
        resp, body = self._send(method, path, json_body=json_body, data=data, headers=headers, timeout=timeout,
                                auth=auth)
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

    def heartbeat(self, report: Mapping[str, Any]) -> str:
        return self.heartbeat_answer(report)[0]

    def heartbeat_answer(self, report: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """(the hub's time, its device-registry answer per reported device: {} when it gave none)."""
        _, doc = self._request("POST", "/v1/heartbeat", json_body=report)
        registry = doc.get("device_registry")
        return str(require(doc, "server_time", str)), registry if isinstance(registry, dict) else {}

    def catalog(self, since: int = 0, timeout: tuple[float, float] | None = None) -> Catalog:
        """``?since=VERSION``: the document only when the hub has a newer version (also a cheap contact check)."""
        _, doc = self._request("GET", f"/v1/catalog?since={int(since)}", timeout=timeout)
        return _catalog(doc, None)

    def fetch_catalog(self, etag: str | None = None, max_bytes: int = MAX_CATALOG_BYTES) -> Catalog:
        """Conditional ``GET /v1/catalog`` (If-None-Match): ``not_modified`` on 304; the body is capped."""
        headers = {"If-None-Match": etag} if etag and etag.isascii() and len(etag) <= 200 else {}
        resp, body = self._send("GET", "/v1/catalog", headers=headers, max_bytes=max_bytes)
        if resp.status_code == 304:
            return Catalog(0, None, etag=etag, not_modified=True)
        check_status(resp.status_code, resp.headers, body)
        doc = parse_json_object(resp.headers.get("Content-Type", ""), body, resp.status_code)
        tag = resp.headers.get("ETag")
        return _catalog(doc, tag if tag and tag.isascii() and len(tag) <= 200 else None)

    def fetch_billers(self, etag: str | None = None, max_bytes: int = MAX_CATALOG_BYTES) -> tuple[dict[str, Any] | None,
                                                                                                 str | None]:
        """Conditional ``GET /v1/billers`` like :meth:`fetch_catalog`: (None, etag) on 304, else (document, ETag)."""
        headers = {"If-None-Match": etag} if etag and etag.isascii() and len(etag) <= 200 else {}
        resp, body = self._send("GET", "/v1/billers", headers=headers, max_bytes=max_bytes)
        if resp.status_code == 304:
            return None, etag
        check_status(resp.status_code, resp.headers, body)
        doc = parse_json_object(resp.headers.get("Content-Type", ""), body, resp.status_code)
        tag = resp.headers.get("ETag")
        return doc, tag if tag and tag.isascii() and len(tag) <= 200 else None

    def probe(self, timeout: float = 3.0) -> bool:
        """Cheap reachability check: True if the hub answered at all (even 401), False if unreachable."""
        try:
            self._request("GET", "/v1/catalog?since=2147483647", timeout=(timeout, timeout))
        except HubUnavailable as exc:
            return not exc.network
        except HubError:
            return True
        return True


def _catalog(doc: dict[str, Any], etag: str | None) -> Catalog:
    document = doc.get("catalogue")
    if document is not None and not isinstance(document, dict):
        raise HubProtocolError("catalogue is not an object")
    return Catalog(require(doc, "version", int), document, etag, _opt_str(doc, "published_at"))


def _read_capped(resp: requests.Response, max_bytes: int) -> bytes:
    """The body, refusing (HubProtocolError) one larger than ``max_bytes`` before it fills the memory."""
    chunks, size = [], 0
    try:
        for chunk in resp.iter_content(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise HubProtocolError(f"answer larger than {max_bytes} bytes", resp.status_code)
            chunks.append(chunk)
    finally:
        resp.close()
    return b"".join(chunks)


def _tls_reason(exc: Exception) -> str:
    """What a technician needs from a requests SSLError (its text nests urllib3's and OpenSSL's messages)."""
    text = str(exc)
    if "pin mismatch" in text:
        return "the hub's public key is not a pinned key ([hub] pinned_keys)"
    lowered = text.lower()
    if "certificate verify failed" in lowered:
        detail = text[lowered.index("certificate verify failed"):].split(")")[0]
        return f"the hub's certificate is not trusted ({detail[:160]}); check [hub] ca_bundle"
    return f"TLS handshake failed ({text[-160:]})"


def _opt_str(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    return value if isinstance(value, str) else None


def _payment(doc: dict[str, Any]) -> Payment:
    payee = doc.get("payee")
    return Payment(require(doc, "id", str), require(doc, "reference", str), require(doc, "amount", int),
                   require(doc, "purpose", str), require(doc, "status", str), _opt_str(doc, "expires_at"),
                   payee if isinstance(payee, dict) else None)
