"""SyncWorker: sends the queue to the hub on a timer, soon after enqueues, and when the network returns.

Runs in its own QThread (started by kiosk.services.sync.SyncService) with its own engine and
requests.Session. A run is split into steps (one batch each) driven by a 0 ms timer, so ``sync_now``
arriving mid-run is answered "already syncing" between batches. Holding the sync lock file makes this
the only process that recovers and sends rows.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal, Slot

from core.threads import Worker
from offline_queue.protocol import HubError

if TYPE_CHECKING:
    from offline_queue.catalogue_pull import PullResult, StoredCatalogue
    from offline_queue.hub_client import HubClient
    from offline_queue.hub_documents import StoredCatalogueWatch
    from offline_queue.store import QueueStore
    from offline_queue.sync import SyncRun

log = logging.getLogger(__name__)
SOON_MS = 1000
MIN_AFTER_FAILURE_S = 30.0


class SyncWorker(Worker):
    status_changed = Signal(object)  # dict, see kiosk/services/bus.py sync_status_changed
    run_finished = Signal(int, object)  # request id (0: automatic), SyncReport.to_dict()
    already_syncing = Signal(int)  # request id of a sync_now that arrived during a run
    # after a run: {"catalogue": core.catalogue.Catalogue, "info": {...}} for a new good version, or
    # {"catalogue": None, "refused": {"version", "problem"}} (kiosk.services.catalogue switches between visits)
    catalogue_pulled = Signal(object)

    def __init__(self, config: Any, data_dir: Path, hub_url: str | None = None, soon_ms: int = SOON_MS) -> None:
        super().__init__()
        self._config, self._data_dir, self._hub_url = config, data_dir, hub_url
        self._devices: dict[str, str] = {}
        self._soon_ms = soon_ms
        self._rng = random.Random()
        self.store: QueueStore | None = None
        self.client: HubClient | None = None
        self._run: SyncRun | None = None
        self._run_request = 0
        self._offline = False
        self._rerun = False
        self._asked_again = False  # sync_now arrived during a run: one more forced run right after it
        self._locks = ExitStack()
        self._locked = False
        self._last_heartbeat = -1e9
        self._ready = False  # on_start finished (a broken database leaves the worker answering, not crashing)
        self._catalogue: StoredCatalogue | None = None  # the last good hub catalogue
        self._watch: StoredCatalogueWatch | None = None  # what the sync service stores (sync_in_gui = false)

    @property
    def _store(self) -> QueueStore:
        assert self.store is not None, "the queue is opened in on_start"
        return self.store

    @property
    def _client(self) -> HubClient:
        assert self.client is not None, "the hub client is made in on_start"
        return self.client

    # -- life cycle -----------------------------------------------------------------------------------------

    def on_start(self) -> None:
        from offline_queue.catalogue_pull import load_stored
        from offline_queue.hub_documents import StoredCatalogueWatch
        from offline_queue.runtime import make_client, open_store, retention

        self._watch = StoredCatalogueWatch(self._data_dir)
        self._catalogue = load_stored(self._data_dir)

        self.store = open_store(self._config, self._data_dir)
        self.client = make_client(self._config, self._data_dir, url=self._hub_url)
        self._timer = self._single(self._tick)
        self._step_timer = self._single(self._step)
        self._step_timer.setInterval(0)
        self._hb_timer = QTimer(self)
        self._hb_timer.setInterval(int(self._config.hub.heartbeat_interval_seconds * 1000))
        self._hb_timer.timeout.connect(self._heartbeat)
        self._hb_timer.start()
        self._take_lock()
        self._store.purge_sent(retention(self._config))
        self._ready = True
        self._emit_status()
        self._schedule(self._soon_ms / 1000)

    def on_stop(self) -> None:
        for name in ("_timer", "_step_timer", "_hb_timer"):  # absent if on_start failed half-way
            if hasattr(self, name):
                getattr(self, name).stop()
        if self._run is not None and self.store is not None:
            self.store.set_meta(phase="idle")  # between steps: nothing is left 'sending'
        self._run = None
        if self.client is not None:
            self.client.close()
        if self.store is not None:
            self.store.engine.dispose()
        self._locks.close()

    def _single(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    def _sends(self) -> bool:
        """False on an installed station, where tram-kiosk-sync.service is the only sender."""
        return bool(getattr(self._config.hub, "sync_in_gui", True))

    def _take_lock(self) -> bool:
        """Only the process holding the sync lock may recover 'sending' rows and send."""
        if self._locked:
            return True
        if not self._sends():
            return False
        from offline_queue.db import file_lock
        from offline_queue.runtime import queue_paths
        from offline_queue.sync import start_of_process

        lock = self._locks.enter_context(file_lock(queue_paths(self._config, self._data_dir).sync_lock, False))
        if not lock:
            self._locks.close()
            self._locks = ExitStack()
            return False
        self._locked = True
        start_of_process(self._store)
        return True

    # -- requests -------------------------------------------------------------------------------------------

    @Slot()
    def reload_hub(self) -> None:
        """The kiosk was enrolled again (perhaps with another hub): use the new URL and token from now on."""
        from offline_queue.runtime import make_client

        if not self._ready:
            return
        old, self.client = self.client, make_client(self._config, self._data_dir, url=self._hub_url)
        if old is not None:
            old.close()
        self._offline = False
        self._schedule(self._soon_ms / 1000)

    @Slot(int)
    def sync_now(self, request_id: int) -> None:
        if not self._ready:
            self.run_finished.emit(request_id, {"ok": False, "stop": "unavailable", "error": "sync not started"})
            return
        if self._run is not None:
            self.already_syncing.emit(request_id)
            self._asked_again = True  # the person may know something we do not (the network is back)
            return
        self._start_run(force=True, request_id=request_id)

    @Slot()
    def notify_enqueued(self) -> None:
        """Something was queued: send soon (unless offline, where the probe decides)."""
        if not self._ready:
            return
        if self._run is not None:
            self._rerun = True
        elif not self._offline and (not self._timer.isActive() or self._timer.remainingTime() > self._soon_ms):
            self._timer.start(self._soon_ms)
        self._emit_status()

    @Slot(object)
    def set_devices(self, states: dict[str, str]) -> None:
        """Device states for the heartbeat (the facade forwards bus.device_state_changed)."""
        self._devices = dict(states)
        if self._ready and not self._sends():
            self._share_devices()

    @Slot(bool)
    def set_visit(self, active: bool) -> None:
        """Whether a resident (or a technician) is using the screen; `kiosk update` waits while one is."""
        if self.store is None:
            return
        try:
            self._store.set_meta(visit_active="1" if active else "0", visit_changed_at=self._store.clock().isoformat())
        except Exception:
            log.exception("cannot record the visit state")

    @Slot()
    def emit_status(self) -> None:
        self._emit_status()

    # -- running --------------------------------------------------------------------------------------------

    def _tick(self) -> None:
        self._watch_stored()
        if not self._sends():  # the sync service sends; the screens still show the status it records
            self._emit_status()
            self._schedule(min(self._config.hub.sync_interval_seconds, 15))
            return
        if self._offline:
            timeout = min(3.0, self._config.hub.connect_timeout_seconds)
            if not self._client.base_url or not self._client.probe(timeout=timeout):
                self._schedule(self._config.hub.offline_probe_seconds)
                return
            log.info("hub reachable again; sending")
            self._start_run(force=True)  # the backoff was the network's fault, not the rows'
            return
        self._start_run(force=False)

    def _start_run(self, force: bool, request_id: int = 0) -> None:
        from offline_queue.runtime import ensure_token
        from offline_queue.sync import SyncRun

        self._timer.stop()
        if not self._take_lock():
            self._refuse(request_id, "another kiosk process is syncing this queue" if self._sends()
                         else "the sync service (tram-kiosk-sync) sends the queue")
            return
        if not self._client.base_url:
            self._refuse(request_id, "no hub URL configured")
            return
        if self._client.url_problem:  # e.g. http:// across the network: a state the technician sees, not a crash
            self._store.set_meta(phase="tls_problem", last_error=self._client.url_problem, reachable="0",
                                last_error_at=self._store.clock().isoformat())
            self._emit_status()
            self._refuse(request_id, self._client.url_problem)
            return
        try:
            ensure_token(self._client, self._config, self._data_dir)
        except (HubError, ValueError) as exc:
            log.warning("enrolment failed: %s", exc)
        self._run = SyncRun(self._store, self._client, self._config.hub.batch_size, force, self._rng)
        self._run_request = request_id
        self._step_timer.start()

    def _refuse(self, request_id: int, why: str) -> None:
        log.warning("sync refused: %s", why)
        self.run_finished.emit(request_id, {"ok": False, "stop": "unavailable", "error": why})
        self._schedule(self._config.hub.sync_interval_seconds)

    def _step(self) -> None:
        run = self._run
        if run is None:
            return
        try:
            more = run.step()
        except Exception:  # SyncRun handles its own errors; this is a last guard for the thread
            log.exception("sync step crashed")
            more = False
        self._emit_status()
        if more:
            self._step_timer.start()
            return
        self._finish(run)

    def _finish(self, run: SyncRun) -> None:
        from offline_queue.runtime import retention

        self._run = None
        report = run.report
        self._offline = report.stop in ("network", "timeout")
        if report.stop == "auth" and self._config.hub.local_hub:
            # A demo hub that lost its database forgot us: enrol again with the demo code on the next run.
            # A real hub's codes are one-time, so there an operator re-enrols (kiosk enrol).
            self._client.token = None
        try:
            self._store.purge_sent(retention(self._config))
        except Exception:
            log.exception("purge failed")
        self.run_finished.emit(self._run_request, report.to_dict())
        self._emit_status()
        if report.ok and time.monotonic() - self._last_heartbeat >= self._config.hub.heartbeat_interval_seconds:
            self._heartbeat()  # the first good contact reports at once; then the timer keeps the pace
        if report.ok:
            self._pull_documents()
        if self._offline:
            delay = float(self._config.hub.offline_probe_seconds)
        elif not report.ok:
            delay = max(MIN_AFTER_FAILURE_S, report.retry_after or 0.0, self._until_due())
        elif self._rerun:
            delay = self._soon_ms / 1000
        else:
            delay = self._until_due()
        self._rerun = False
        if self._asked_again:
            self._asked_again = False
            self._timer.stop()
            self._start_run(force=True)
            return
        self._schedule(delay)

    def _until_due(self) -> float:
        interval = float(self._config.hub.sync_interval_seconds)
        due = self._store.next_due_at()
        if due is None:
            return interval
        return float(min(interval, max(self._soon_ms / 1000, (due - self._store.clock()).total_seconds())))

    def _schedule(self, seconds: float) -> None:
        self._timer.start(int(max(0.0, seconds) * 1000))

    def _heartbeat(self) -> None:
        from core.health.registry import reported_devices
        from core.version import __version__
        from offline_queue.sync import heartbeat_report, read_status, send_heartbeat

        if not self._sends():
            self._share_devices()
            return
        if self._run is not None or not self._client.base_url or not self._client.token:
            return
        self._last_heartbeat = time.monotonic()
        from core.pin import PIN_STATE_FILE, state_report

        # the technician PIN's failures and lockouts go with the device states (issue 13): staff see guessing
        devices = self._devices | {"technician_pin": state_report(self._data_dir / PIN_STATE_FILE, time.time())}
        sec, hub = self._config.security, self._config.hub
        if "payee" not in devices and not (sec.payee_bank_bin or sec.payee_account or sec.payee_public_key) \
                and not (hub.local_hub and not hub.url):
            devices["payee"] = "not_pinned"  # this kiosk shows no payment QR until the ward's payee is pinned
        devices = reported_devices(self._config.health, devices)  # health devices: model and serial too
        try:
            send_heartbeat(self._client, heartbeat_report(read_status(self._store), __version__, devices,
                                                          self._config.hub.heartbeat_interval_seconds), self._data_dir)
        except HubError as exc:
            log.info("heartbeat failed: %s", exc)

    def _pull_documents(self) -> None:
        """Conditional GETs after a good run (usually 304s); a new good catalogue goes to the GUI, built here."""
        from offline_queue.hub_documents import pull_documents

        result = pull_documents(self._client, self._data_dir, self._catalogue)
        if self._watch is not None:
            self._watch.mark_seen()  # stored by this process: not news for the watch
        if result is not None:
            self._announce(result)

    def _watch_stored(self) -> None:
        """The sync service (another process) may have stored a new catalogue or a refusal: announce it."""
        if self._watch is None:
            return
        try:
            result = self._watch.poll(self._catalogue)
        except Exception:  # a damaged file is load_stored's business; this guards the thread
            log.exception("cannot look at the stored catalogue")
            return
        if result is not None:
            self._announce(result)

    def _announce(self, result: PullResult) -> None:
        if result.outcome == "refused":
            self.catalogue_pulled.emit({"catalogue": None,
                                        "refused": {"version": result.version, "problem": result.problem}})
        if result.outcome != "updated" or result.stored is None:
            return
        try:
            from core.catalogue import Catalogue

            catalogue = Catalogue(result.stored.document)  # indexed here, not on the GUI thread
        except Exception:  # the contract was met, so this is our bug: keep the current catalogue
            log.exception("catalogue version %d could not be indexed", result.stored.version)
            return
        self._catalogue = result.stored
        self.catalogue_pulled.emit({"catalogue": catalogue, "info": result.stored.info()})

    def _share_devices(self) -> None:
        """For the sync service's heartbeat: the device states only this process knows, through the queue."""
        import json

        try:
            self._store.set_meta(gui_devices=json.dumps(self._devices), gui_seen_at=self._store.clock().isoformat())
        except Exception:
            log.exception("cannot share device states")

    def _emit_status(self) -> None:
        from offline_queue.sync import read_status

        try:
            status = read_status(self._store)
        except Exception:
            log.exception("cannot read sync status")
            return
        self.status_changed.emit(status)
