"""``kiosk sync-service``: the headless sender (tram-kiosk-sync.service). Qt-free, one thread.

It drains the same queue as the GUI with the queue's own code (offline_queue.sync.SyncRun, the hub
client, the sync lock), so a frozen or crashed screen does not stop delivery, and it reports the
heartbeat with the session's state (kiosk.appliance.gui_state) and the device states the GUI
shares through the queue's meta table. After a good run it pulls the hub's catalogue and billers list into
the data dir (offline_queue.hub_documents), where the running kiosk app notices them.
Exactly-once: rows are claimed and committed before any I/O, the hub de-duplicates by submission UUID, and
only the holder of the sync lock sends.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.appliance import sdnotify

if TYPE_CHECKING:
    from offline_queue.catalogue_pull import StoredCatalogue

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0  # how soon a resident's new submission leaves, while the hub is reachable
UPDATE_CHECK_SECONDS = 3600.0  # the root timer (tram-kiosk-update.timer) installs; this only tells the hub


class HeadlessSync:
    def __init__(self, config: Any, data_dir: Path, hub_url: str | None = None,
                 gui_state: Callable[[], str] | None = None, poll_seconds: float = POLL_SECONDS) -> None:
        from kiosk.appliance.gui_state import read_session_state

        self.config, self.data_dir, self.hub_url = config, data_dir, hub_url
        self.gui_state = gui_state or read_session_state
        self.poll_seconds = poll_seconds
        self.stop_event = threading.Event()
        self.store = self.client = None
        self._next_full_run = 0.0
        self._next_heartbeat = 0.0
        self._offline = False
        self._next_update_check = 0.0
        self.update_available = ""
        self._catalogue: StoredCatalogue | None = None  # the last good hub catalogue in the data dir
        self._catalogue_loaded = False

    # -- the loop -------------------------------------------------------------------------------------------

    def run(self) -> int:
        from contextlib import ExitStack

        from offline_queue.db import file_lock
        from offline_queue.runtime import make_client, open_store, queue_paths
        from offline_queue.sync import start_of_process

        self.store = open_store(self.config, self.data_dir)
        self.client = make_client(self.config, self.data_dir, url=self.hub_url)
        sdnotify.ready("waiting for the sync lock")
        with ExitStack() as stack:
            lock_path = queue_paths(self.config, self.data_dir).sync_lock
            while not stack.enter_context(file_lock(lock_path, blocking=False)):
                sdnotify.watchdog_ping()  # another process sends (a kiosk app with sync_in_gui = true)
                if self.stop_event.wait(1.0):
                    return 0
            start_of_process(self.store)
            log.info("sync service: holding the sync lock, sending to %s", self.client.base_url or "(no hub URL)")
            sdnotify.status("sending")
            while not self.stop_event.is_set():
                sdnotify.watchdog_ping()
                self.tick()
                self.stop_event.wait(self.poll_seconds)
        self.client.close()
        self.store.engine.dispose()
        return 0

    def tick(self) -> None:
        """One pass: send what is due (or everything after the interval), then the heartbeat when due."""
        now = time.monotonic()
        full = now >= self._next_full_run
        pull = False
        if self.client.base_url and (full or (not self._offline and self._has_due())):
            report = self._sync(force=full and self._offline)
            self._offline = report.stop in ("network", "timeout")
            interval = self.config.hub.offline_probe_seconds if self._offline else self.config.hub.sync_interval_seconds
            if full or self._offline:
                self._next_full_run = now + interval
            if report.ok and self._next_heartbeat == 0.0:
                self._next_heartbeat = now  # the first good contact reports at once
            pull = report.ok and full  # each sync interval (usually two 304s), not after every new submission
        if self.config.update.public_key and now >= self._next_update_check and not self._offline:
            self._next_update_check = now + UPDATE_CHECK_SECONDS
            self.check_update()
        if self._next_heartbeat and now >= self._next_heartbeat:
            self.heartbeat()
            self._next_heartbeat = now + self.config.hub.heartbeat_interval_seconds
        if pull:  # after the heartbeat: a first, large catalogue download must not delay the station's report
            self.pull_documents()

    def _has_due(self) -> bool:
        if self.store.counts().get("queued", 0):
            return True
        due = self.store.next_due_at()
        return due is not None and due.replace(tzinfo=due.tzinfo or self.store.clock().tzinfo) <= self.store.clock()

    def _sync(self, force: bool):
        from offline_queue.protocol import HubError
        from offline_queue.runtime import ensure_token, retention
        from offline_queue.sync import SyncRun

        try:
            ensure_token(self.client, self.config, self.data_dir)
        except (HubError, ValueError) as exc:
            log.warning("enrolment failed: %s", exc)
        run = SyncRun(self.store, self.client, self.config.hub.batch_size, force)
        while not self.stop_event.is_set() and run.step():
            sdnotify.watchdog_ping()  # a long backlog is progress, not a hang
        if not run.done:  # asked to stop between batches: nothing is left 'sending'
            self.store.set_meta(phase="idle")
        try:
            self.store.purge_sent(retention(self.config))
        except Exception:
            log.exception("purge failed")
        return run.report

    def pull_documents(self) -> None:
        """The catalogue and billers list, as the in-GUI sync does: the kiosk app notices what is stored."""
        from offline_queue.catalogue_pull import load_stored
        from offline_queue.hub_documents import pull_documents

        if not self._catalogue_loaded:  # here, not at start: sending and the heartbeat come first
            self._catalogue, self._catalogue_loaded = load_stored(self.data_dir), True
        result = pull_documents(self.client, self.data_dir, self._catalogue)
        if result is not None and result.outcome == "updated" and result.stored is not None:
            self._catalogue = result.stored

    def check_update(self) -> None:
        """The automatic check during sync: a signed newer package on the channel is reported to the hub."""
        from kiosk.appliance.update import UpdateError, Updater

        try:
            best, _ = Updater(self.config, self.data_dir).check()
        except (UpdateError, OSError) as exc:
            log.info("update check: %s", exc)
            return
        self.update_available = best.version if best else ""
        if best:
            log.info("update %s available on channel %s", best.version, self.config.update.channel)

    def heartbeat(self) -> dict[str, Any] | None:
        from core.health.registry import reported_devices
        from core.version import __version__
        from offline_queue.protocol import HubError
        from offline_queue.sync import heartbeat_report, read_status, send_heartbeat

        if not self.client.base_url or not self.client.token:
            return None
        devices = reported_devices(self.config.health, self.devices())  # health devices: model and serial too
        body = heartbeat_report(read_status(self.store), __version__, devices)
        try:
            send_heartbeat(self.client, body, self.data_dir)
        except HubError as exc:
            log.info("heartbeat failed: %s", exc)
            return None
        return body

    def devices(self) -> dict[str, Any]:
        """The GUI's last device states (through the queue) and the session's own state."""
        try:
            states = json.loads(self.store.meta().get("gui_devices") or "{}")
        except ValueError:
            states = {}
        states = {str(k): str(v) for k, v in states.items()} if isinstance(states, dict) else {}
        states["gui"] = self.gui_state()
        if self.update_available:
            states["update"] = f"available {self.update_available}"
        return states


def run_service(config: Any, data_dir: Path, hub_url: str | None = None) -> int:
    service = HeadlessSync(config, data_dir, hub_url)

    def _stop(_signum: int, _frame: object) -> None:
        sdnotify.stopping()
        service.stop_event.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    return service.run()
