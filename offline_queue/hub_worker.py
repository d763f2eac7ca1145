"""HubRequestWorker: on-demand hub requests for resident screens (track a dossier, create/check a payment).

Runs in its own QThread (started by kiosk.services.hub.HubService), separate from the SyncWorker so a
resident never waits behind a batch. Short timeouts, and right after a network failure requests fail at
once with ``offline`` instead of making the resident wait again.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Signal, Slot

from core.threads import Worker
from offline_queue.protocol import HubAuthError, HubError, HubUnavailable

if TYPE_CHECKING:
    from offline_queue.hub_client import HubClient

log = logging.getLogger(__name__)
OFFLINE_GRACE_S = 10.0


@dataclass(frozen=True)
class HubResult:
    """What HubService callbacks receive. ``data`` is a Dossier or Payment (offline_queue.hub_client)."""

    ok: bool
    data: Any = None
    error_code: str | None = None  # offline | not_found | auth | protocol | rejected | station_taken | not_configured
    message: str = ""


class HubRequest(Protocol):
    """One on-demand request: a typed value that knows which client call answers it."""

    def run(self, client: HubClient) -> Any: ...


@dataclass(frozen=True)
class Track:
    reference: str

    def run(self, client: HubClient) -> Any:
        return client.get_dossier(self.reference)


@dataclass(frozen=True)
class CreatePayment:
    reference: str
    amount: int
    purpose: str
    idempotency_key: str

    def run(self, client: HubClient) -> Any:
        return client.create_payment(self.reference, self.amount, self.purpose,
                                     self.idempotency_key or str(uuid.uuid4()))


@dataclass(frozen=True)
class PaymentStatus:
    payment_id: str

    def run(self, client: HubClient) -> Any:
        return client.get_payment(self.payment_id)


@dataclass(frozen=True)
class RaiseAlert:
    alert_id: str
    kind: str
    created_at: str
    screen: str | None
    readings: dict[str, Any] | None

    def run(self, client: HubClient) -> Any:
        return client.raise_alert(self.alert_id, self.kind, self.created_at, self.screen, self.readings)


@dataclass(frozen=True)
class AlertStatus:
    alert_id: str

    def run(self, client: HubClient) -> Any:
        return client.get_alert(self.alert_id)


@dataclass(frozen=True)
class Enrol:
    """Handled by the worker itself: it replaces the worker's client (a new hub URL and token)."""

    hub_url: str
    code: str

    def run(self, client: HubClient) -> Any:  # pragma: no cover - the worker never calls it
        raise TypeError("enrolment is handled by HubRequestWorker._enrol")


class HubRequestWorker(Worker):
    done = Signal(int, object)  # request id, HubResult

    def __init__(self, config: Any, data_dir: Path, hub_url: str | None = None) -> None:
        super().__init__()
        self._config, self._data_dir, self._hub_url = config, data_dir, hub_url
        self.client: HubClient | None = None
        self._offline_until = 0.0

    @property
    def _client(self) -> HubClient:
        assert self.client is not None, "the hub client is made in on_start"
        return self.client

    def on_start(self) -> None:
        from offline_queue.runtime import make_client

        h = self._config.hub
        self.client = make_client(self._config, self._data_dir, url=self._hub_url,
                                  read_timeout=h.request_timeout_seconds)
        self._client.timeout = (min(h.connect_timeout_seconds, 3.0), h.request_timeout_seconds)

    def on_stop(self) -> None:
        if self.client is not None:
            self.client.close()

    @Slot(int, object)
    def handle(self, request_id: int, request: HubRequest) -> None:
        self.done.emit(request_id, self._call(request))

    def _call(self, request: HubRequest) -> HubResult:
        from offline_queue.runtime import make_client

        if isinstance(request, Enrol):
            return self._enrol(request.hub_url, request.code)
        if self.client is None or not self.client.base_url:
            return HubResult(False, error_code="not_configured", message="no hub URL")
        if time.monotonic() < self._offline_until:
            return HubResult(False, error_code="offline", message="hub unreachable a moment ago")
        if not self._client.token:  # the SyncWorker enrols; pick up its token file
            self._client.token = make_client(self._config, self._data_dir, url=self._client.base_url).token
        try:
            return HubResult(True, request.run(self._client))
        except HubUnavailable as exc:
            if exc.network:
                self._offline_until = time.monotonic() + OFFLINE_GRACE_S
            return HubResult(False, error_code="offline", message=str(exc))
        except HubAuthError as exc:
            self._client.token = None  # re-read the token file next time (it may have been renewed)
            return HubResult(False, error_code="auth", message=str(exc))
        except HubError as exc:
            return HubResult(False, error_code=exc.code, message=str(exc))
        except Exception as exc:  # a worker must answer every request
            log.exception("hub request %s failed", type(request).__name__)
            return HubResult(False, error_code="protocol", message=type(exc).__name__)

    def _enrol(self, hub_url: str, code: str) -> HubResult:
        """A technician enrols the kiosk (code from the hub's QR). On success the new hub URL is kept in
        the data dir (unless [hub] url pins another hub) and this worker uses the new token at once."""
        from offline_queue.runtime import HUB_URL_FILE, enrol, make_client, resolve_hub_url

        hub_url = (hub_url or resolve_hub_url(self._config, self._data_dir)).rstrip("/")
        configured = (self._config.hub.url or "").rstrip("/")
        if not hub_url:
            return HubResult(False, error_code="not_configured", message="no hub URL: scan the hub's QR code")
        if configured and configured != hub_url:
            return HubResult(False, error_code="url_mismatch", message=f"[hub] url is {configured}")
        client = make_client(self._config, self._data_dir, url=hub_url)
        try:
            doc = enrol(client, self._config, self._data_dir, code)
        except HubUnavailable as exc:
            client.close()
            return HubResult(False, error_code="offline", message=str(exc))
        except HubError as exc:
            client.close()
            taken = getattr(exc, "problem_type", "").endswith("/station-code-taken")  # another active kiosk has it
            return HubResult(False, error_code="station_taken" if taken else exc.code, message=str(exc))
        except ValueError as exc:
            client.close()
            return HubResult(False, error_code="invalid", message=str(exc))
        if not configured:
            path = self._data_dir / HUB_URL_FILE
            tmp = path.with_suffix(".tmp")
            tmp.write_text(hub_url + "\n", encoding="utf-8")
            tmp.replace(path)
        if self.client is not None:
            self.client.close()
        h = self._config.hub
        client.timeout = (min(h.connect_timeout_seconds, 3.0), h.request_timeout_seconds)
        self.client, self._offline_until = client, 0.0
        log.info("kiosk enrolled at %s as %s", hub_url, doc.get("kiosk_id"))
        return HubResult(True, {"kiosk_id": doc.get("kiosk_id"), "hub_url": hub_url})
