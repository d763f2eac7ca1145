"""The typed seams between the app's areas (screens) and its service facades.

Screens and controllers depend on these Protocols, never on a facade's class: a facade can be replaced (a
build without printer, a test double of real hardware) without touching a screen, and mypy checks every call.
All of them run on the GUI thread; their callbacks are called on the GUI thread, exactly once, unless a method
says otherwise. The Qt signals a facade offers are typed ``SignalInstance`` (``connect``/``emit``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from core.formats import Kind, ScanResult
from core.visit import Visit

if TYPE_CHECKING:
    from core.health.model import Measure
    from core.health.sessions import Progress
    from devices.health.spec import DeviceSpec
    from devices.printer.receipt import Receipt
    from kiosk.services.health import Outcome as MeasureOutcome
    from kiosk.services.printer import PrintOutcome
    from kiosk.services.storage import EnqueueOutcome
    from kiosk.services.submit import PrintResult, SubmitRequest

ScreenT = TypeVar("ScreenT", bound=QWidget)


class Startable(Protocol):
    def start(self) -> None: ...


class StorageApi(Startable, Protocol):
    """The queue database (offline_queue.storage_worker): one typed method per operation."""

    enqueued: SignalInstance  # uuid, local_ref

    def enqueue(self, kind: str, payload: dict[str, Any], personal: dict[str, Any] | None = None,
                attachments: Iterable[Any] = (), on_done: Callable[[EnqueueOutcome], None] | None = None,
                schema_version: int = 1) -> int: ...
    def lookup(self, reference: str, on_done: Callable[[Any], None]) -> int: ...
    def requeue(self, uuid: str, on_done: Callable[[Any], None] | None = None) -> int: ...
    def list_submissions(self, status: str | None, on_done: Callable[[Any], None], limit: int = 200) -> int: ...
    def receipts_to_reprint(self, on_done: Callable[[Any], None], limit: int = 100) -> int: ...
    def receipt_source(self, uuid: str, on_done: Callable[[Any], None]) -> int: ...
    def mark_receipt(self, uuid: str, printed: bool, on_done: Callable[[Any], None] | None = None) -> int: ...
    def counts(self, on_done: Callable[[Any], None]) -> int: ...


class SyncApi(Startable, Protocol):
    """Sending the queue to the hub (offline_queue.sync_worker); ``last_status`` for screens that open late."""

    status_changed: SignalInstance  # the status dict
    last_status: dict[str, Any] | None

    def sync_now(self, on_done: Callable[[dict[str, Any]], None] | None = None) -> int: ...
    def reload_hub(self) -> None: ...
    def notify_enqueued(self) -> None: ...


class HubApi(Startable, Protocol):
    """On-demand hub requests (tracking, payments, enrolment); ``on_done(HubResult)``."""

    def track(self, reference: str, on_done: Callable[[Any], None]) -> int: ...
    def create_payment(self, reference: str, amount: int, purpose: str, on_done: Callable[[Any], None],
                       idempotency_key: str | None = None) -> int: ...
    def payment_status(self, payment_id: str, on_done: Callable[[Any], None]) -> int: ...
    def enrol(self, hub_url: str, code: str, on_done: Callable[[Any], None]) -> int: ...
    def redeem_draft(self, payload: str, on_done: Callable[[Any], None]) -> int: ...
    def bill_due(self, biller_id: str, customer_code: str, on_done: Callable[[Any], None]) -> int: ...


class PrinterApi(Startable, Protocol):
    """The receipt printer (devices.printer); ``on_done(PrintOutcome)``."""

    @property
    def state(self) -> Any: ...  # devices.base.DeviceState
    @property
    def detail(self) -> str: ...

    def print_receipt(self, receipt: Receipt, on_done: Callable[[PrintOutcome], None],
                      job_id: str | None = None) -> str: ...
    def reprint(self, job_id: str, on_done: Callable[[PrintOutcome], None]) -> bool: ...
    def test_page(self, on_done: Callable[[PrintOutcome], None], language: str | None = None) -> str: ...
    def set_simulated_mode(self, mode: str) -> None: ...
    def refresh(self) -> None: ...
    def forget(self, job_id: str | None = None) -> None: ...
    def last_output(self) -> bytes: ...
    def output_of(self, job_id: str) -> bytes: ...
    def shutdown(self) -> None: ...


class ScannerApi(Startable, Protocol):
    """The camera and QR decoding (devices.scanner). A build without a camera has no scanner at all (None).

    It never touches a widget: views follow its signals (screens.scan.routing connects the one on screen)."""

    frame: SignalInstance  # QImage
    camera_state: SignalInstance  # DeviceState value
    guidance: SignalInstance  # guidance code
    accepted: SignalInstance
    refused: SignalInstance  # feedback code
    closed: SignalInstance

    @property
    def active(self) -> bool: ...
    @property
    def state(self) -> Any: ...  # devices.base.DeviceState
    @property
    def detail(self) -> str: ...

    def open(self, purposes: Iterable[Kind], on_result: Callable[[ScanResult], None]) -> None: ...
    def set_preview_size(self, width: int, height: int, fill: bool) -> None: ...
    def close(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def inject(self, text: str) -> None: ...
    def show_payload(self, text: str) -> None: ...
    def show_image(self, path: str) -> None: ...
    def capture_still(self, on_done: Callable[[bytes | None], None], timeout_seconds: float = ...) -> None: ...
    def shutdown(self) -> None: ...


class HealthApi(Startable, Protocol):
    """The health devices (devices.health); one measurement at a time."""

    state_changed: SignalInstance  # device name, DeviceState value, technician detail
    states: dict[str, Any]
    details: dict[str, str]

    def simulator(self, name: str) -> Any: ...
    def available(self, measure: Measure) -> bool: ...
    def device_spec(self, measure: Measure) -> DeviceSpec: ...
    def measure(self, measure: Measure, on_update: Callable[[Progress], None],
                on_done: Callable[[MeasureOutcome], None], timeout_s: float | None = None) -> None: ...
    def cancel(self) -> None: ...
    def shutdown(self) -> None: ...
    @property
    def measuring(self) -> Measure | None: ...


class VoiceApi(Startable, Protocol):
    """Spoken guidance (kiosk.services.voice): silent when disabled or espeak-ng is missing; text is on screen too."""

    spoken: SignalInstance  # text, seconds: the speech started playing
    speech_ended: SignalInstance  # played to the end, stopped, or could not be spoken
    cued: SignalInstance  # cue name, WAV path

    @property
    def enabled(self) -> bool: ...
    @property
    def read_each_step(self) -> bool: ...
    @property
    def speaking(self) -> bool: ...

    def say(self, text: str, language: str = "vi") -> None: ...
    def prepare(self, text: str, language: str = "vi") -> None: ...
    def silence(self) -> None: ...
    def cue(self, name: str) -> None: ...  # devices/voice/cues.py: scan-ok, scan-fail, cuff-on, hold-still, cuff-done


class ConsultApi(Protocol):
    """The video consultation with the on-duty doctor (kiosk.services.consult; media in devices.call)."""

    event: SignalInstance  # kind, data (devices/call/peer.py)
    remote_frame: SignalInstance  # QImage
    local_frame: SignalInstance  # QImage
    call_over: SignalInstance
    settings: Any  # kiosk.config ConsultSettings: volume, wait timeout, duty hours

    @property
    def enabled(self) -> bool: ...
    @property
    def in_call(self) -> bool: ...

    def start_call(self, readings: dict[str, Any], resident: dict[str, Any]) -> bool: ...
    def hangup(self) -> None: ...
    def set_volume(self, percent: int) -> None: ...
    def print_note(self, note: dict[str, Any], on_done: Callable[[PrintOutcome], None]) -> bool: ...
    def request_callback(self, phone: str, name: str, readings: dict[str, Any], reason: str,
                         on_done: Callable[[EnqueueOutcome], None]) -> bool: ...
    def shutdown(self) -> None: ...


class CatalogueUpdatesApi(Protocol):
    """Switches the procedure catalogue pulled from the hub between visits (kiosk.services.catalogue)."""

    changed: SignalInstance  # info dict: source, version, published_at, sha256, fetched_at, refused
    info: dict[str, Any]

    @property
    def pending_version(self) -> int | None: ...

    def received(self, payload: dict[str, Any]) -> None: ...


class DiagnosticsApi(Startable, Protocol):
    """The technician's log tail and diagnostics zip (kiosk.services.diagnostics); answers come as signals."""

    tailed: SignalInstance  # text
    exported: SignalInstance  # ok, path or error

    def tail(self, lines: int = 300) -> None: ...
    def export(self, devices: dict[str, str], sync: dict[str, Any] | None) -> None: ...


class SubmitApi(Protocol):
    """Save durably → done screen → print (kiosk.services.submit.SubmitPipeline); one per app."""

    saved: SignalInstance  # uuid, local_ref
    print_finished: SignalInstance  # PrintResult
    busy: bool
    last_print: PrintResult | None
    last_receipt: Any  # the Receipt last sent to the printer, this visit only
    language: str  # the resident's language: receipts are printed in it

    def submit(self, request: SubmitRequest, on_saved: Callable[[EnqueueOutcome], None] | None = None) -> bool: ...
    def reprint(self, uuid: str) -> bool: ...
    def slip(self, kind: str, service_name: str, items: Iterable[Any] = (), notes: Iterable[str] = (), *,
             local_reference: str = "", hub_reference: str = "", resident_name: str = "", qr_payload: str = "",
             status: str = "", language: str | None = None) -> Receipt: ...
    def reprint_copy(self, source: dict[str, Any]) -> Receipt: ...


class StationCacheApi(Protocol):
    """What the station last heard from the hub (payee, tracking answers), kept across visits and restarts.

    ``payee`` is a screens.payment.model.Payee, ``tracking`` a screens.tracking.model.TrackingCache: the
    types belong to the areas that read them."""

    payee: Any
    tracking: Any

    def start(self) -> None: ...  # begin loading from disk now (the other methods also start it)
    def fetch_payee(self, on_done: Callable[[Any], None]) -> None: ...
    def remember_payee(self, payee: Any) -> None: ...
    def remember_view(self, view: Any) -> None: ...


class NavigatorApi(Protocol):
    """The stack of screens (screens.shell.navigator.Navigator)."""

    screen_added: SignalInstance
    screen_shown: SignalInstance

    def add(self, screen: ScreenT) -> ScreenT: ...
    def has(self, screen_id: str) -> bool: ...
    def screen(self, screen_id: str) -> Any: ...
    def ids(self) -> list[str]: ...
    @property
    def current(self) -> Any: ...


class FlowApi(Protocol):
    """The resident's journey (kiosk.flow_controller.FlowController): intents in, one visit at a time."""

    visit_reset: SignalInstance  # reason
    step_changed: SignalInstance
    visit: Visit

    def go(self, step: str, params: dict[str, Any] | None = None) -> None: ...
    def back(self) -> None: ...
    def home(self, reason: str = "button") -> None: ...
    def fail(self, code: str, reference: str | None = None) -> None: ...
    @property
    def step(self) -> str: ...


class BusApi(Protocol):
    """App-wide status signals (kiosk.services.bus.AppBus)."""

    device_state_changed: SignalInstance  # device, DeviceState value, detail
    sync_status_changed: SignalInstance  # status dict
    language_changed: SignalInstance  # "vi" | "en"
    large_text_changed: SignalInstance  # bool
    technician_mode_changed: SignalInstance  # bool
    cue_requested: SignalInstance  # an audio cue's name (devices/voice/cues.py), played by the voice service


__all__ = ["BusApi", "CatalogueUpdatesApi", "ConsultApi", "DiagnosticsApi", "FlowApi", "HealthApi", "HubApi",
           "NavigatorApi", "PrinterApi", "ScannerApi", "Startable", "StationCacheApi", "StorageApi", "SubmitApi",
           "SyncApi", "VoiceApi"]
