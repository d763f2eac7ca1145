"""HubService: GUI-thread facade for on-demand hub requests from resident screens (tracking, payments).

Runs on the GUI thread; requests run in the HubRequestWorker thread. Callbacks get a ``HubResult``
(``ok``, ``data``, ``error_code`` in offline | not_found | auth | protocol | rejected | not_configured).
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.services.storage import Callbacks
from offline_queue.hub_worker import AlertStatus, CreatePayment, Enrol, HubRequest, PaymentStatus, RaiseAlert, Track

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def enrolment_reader(config: Any, data_dir: Path) -> Callable[[], dict[str, Any] | None]:
    """Reads this kiosk's saved enrolment (the queue's token file: kiosk id, hub URL, payee); any thread."""

    def read() -> dict[str, Any] | None:
        from offline_queue.runtime import load_token, queue_paths

        return load_token(queue_paths(config, Path(data_dir)).token)

    return read


class HubService(QObject):
    _request = Signal(int, object)  # request id, an offline_queue.hub_worker request value

    def __init__(self, config: Any, data_dir: Path, threads: Any, bus: Any = None, hub_url: str | None = None) -> None:
        super().__init__()
        self._config, self._data_dir, self._threads, self._bus = config, Path(data_dir), threads, bus
        self._hub_url = hub_url
        self._calls = Callbacks()
        self.worker = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> HubService:
        return cls(ctx.config, ctx.data_dir, ctx.threads, ctx.bus)

    def start(self) -> None:
        from offline_queue.hub_worker import HubRequestWorker

        self.worker = HubRequestWorker(self._config, self._data_dir, self._hub_url)
        self._request.connect(self.worker.handle)
        self.worker.done.connect(self._on_done)
        self._threads.start(self.worker, "hub-requests")

    @Slot(int, object)
    def _on_done(self, request_id: int, result: Any) -> None:
        self._calls.resolve(request_id, result)

    def _ask(self, request: HubRequest, on_done: Callable[[Any], None]) -> int:
        request_id = self._calls.add(on_done)
        self._request.emit(request_id, request)
        return request_id

    def track(self, reference: str, on_done: Callable[[Any], None]) -> int:
        """``HubResult.data``: a ``Dossier`` (status, history, fee) for a hub or local reference."""
        return self._ask(Track(reference.strip()), on_done)

    def create_payment(self, reference: str, amount: int, purpose: str, on_done: Callable[[Any], None],
                       idempotency_key: str | None = None) -> int:
        """``HubResult.data``: a ``Payment`` with the hub's payee (build the VietQR from it)."""
        key = idempotency_key or str(uuidlib.uuid4())
        return self._ask(CreatePayment(reference, int(amount), purpose, key), on_done)

    def payment_status(self, payment_id: str, on_done: Callable[[Any], None]) -> int:
        """``HubResult.data``: the ``Payment`` with ``status`` pending | paid | expired."""
        return self._ask(PaymentStatus(payment_id), on_done)

    def raise_alert(self, alert_id: str, kind: str, created_at: str, screen: str | None,
                    readings: dict[str, Any] | None, on_done: Callable[[Any], None]) -> int:
        """A call for help (``kind="help"``, the screen the resident is on) or a crisis reading (``"health"``).
        ``HubResult.data``: ``{"id", "acknowledged"}``; retries with the same ``alert_id`` are one alert."""
        return self._ask(RaiseAlert(alert_id, kind, created_at, screen, readings), on_done)

    def alert_status(self, alert_id: str, on_done: Callable[[Any], None]) -> int:
        """``HubResult.data``: ``{"id", "acknowledged"}`` — whether a staff member is on the way."""
        return self._ask(AlertStatus(alert_id), on_done)

    def enrol(self, hub_url: str, code: str, on_done: Callable[[Any], None]) -> int:
        """Enrol this kiosk with a one-time code. ``HubResult.data``: ``{"kiosk_id", "hub_url"}``;
        ``error_code`` also ``url_mismatch`` (config pins another hub) or ``invalid`` (no code)."""
        return self._ask(Enrol(hub_url.strip(), code.strip()), on_done)
