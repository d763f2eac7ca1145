"""Sync logic (pure-ish: the store, the hub client and the clock are injected): claim, send, record, back off.

Runs in the SyncWorker thread or the CLI. ``SyncRun.step()`` sends one claimed batch so a worker can
answer "already syncing" between batches; ``sync_once`` runs the steps to the end.
Contract (DESIGN §4): claim and commit before I/O; per-item results; stop the run on network errors,
timeouts, 5xx, 429, auth failures and malformed answers; continue past rejected items; never give up.
"""

from __future__ import annotations

import json
import logging
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.wire import HeartbeatBody, heartbeat_body
from offline_queue.hub_client import MAX_BATCH, HubClient
from offline_queue.protocol import (
    HubAuthError,
    HubError,
    HubProtocolError,
    HubRejected,
    HubTLSError,
    HubUnavailable,
)
from offline_queue.records import Outcome, OutgoingItem, Rejected, Released, Retry, Sent
from offline_queue.store import QueueStore

log = logging.getLogger(__name__)

BASE_DELAY = 30.0
MAX_DELAY = 3600.0
MAX_BODY_BYTES = 900_000  # the hub refuses JSON bodies over 1 MiB
ITEM_FAULT_STATUSES = (413, 422)  # batch-level answers that blame the content, not the hub
ATTACHMENT_FAULT_STATUSES = (409, 413, 422)
PHASES = ("idle", "syncing", "offline", "auth_problem", "tls_problem")


def backoff_delay(attempts: int, rng: random.Random | None = None) -> float:
    """``min(30 s × 2^attempts, 1 h)`` with ±25 % jitter (so a fleet does not retry in lockstep), capped at 1 h."""
    base = min(BASE_DELAY * 2 ** min(max(attempts, 0), 20), MAX_DELAY)
    return float(min(base * (rng or random).uniform(0.75, 1.25), MAX_DELAY))


@dataclass
class SyncReport:
    claimed: int = 0
    sent: int = 0
    rejected: int = 0
    retried: int = 0
    released: int = 0
    batches: int = 0
    stop: str | None = None  # network | timeout | server | rate_limited | auth | tls | protocol | storage
    error: str | None = None
    retry_after: float | None = None
    references: dict[str, str | None] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.stop is None

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "claimed": self.claimed, "sent": self.sent, "rejected": self.rejected,
                "retried": self.retried, "released": self.released, "batches": self.batches, "stop": self.stop,
                "error": self.error, "retry_after": self.retry_after}


class _Stop(Exception):
    def __init__(self, exc: HubError) -> None:
        self.exc = exc


def _chunks(items: list[OutgoingItem], max_items: int, max_bytes: int) -> list[list[OutgoingItem]]:
    out: list[list[OutgoingItem]] = []
    size = 0
    for item in items:
        n = len(json.dumps(item.body(), ensure_ascii=False).encode()) + 2
        if not out or len(out[-1]) >= max_items or size + n > max_bytes:
            out.append([])
            size = 0
        out[-1].append(item)
        size += n
    return out


class SyncRun:
    """One sync run. ``step()`` handles one claimed batch and returns True while more may follow."""

    def __init__(self, store: QueueStore, client: HubClient, batch_size: int = 50, force: bool = False,
                 rng: random.Random | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.store, self.client, self.force = store, client, force
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self.rng = rng or random.Random()
        self.max_body_bytes = max_body_bytes
        self.report = SyncReport()
        self.done = False
        self._started = False

    # -- driving --------------------------------------------------------------------------------------------

    def step(self) -> bool:
        if self.done:
            return False
        try:
            try:
                if not self._started:
                    self._started = True
                    self.store.set_meta(phase="syncing", last_attempt_at=self.store.clock().isoformat())
                items = self.store.claim_due(self.batch_size, self.force)
                if not items:
                    if self.report.claimed == 0:
                        self._check_contact()
                    self._finish()
                    return False
                self.report.claimed += len(items)
                self.report.batches += 1
                self._send(items)
            except _Stop as stop:
                self._stopped(stop.exc)
        except Exception as exc:  # storage failure (disk full, locked, read-only)
            log.exception("sync run failed on storage")
            self.report.stop, self.report.error = "storage", f"{type(exc).__name__}: {str(exc)[:200]}"
            try:  # we are the only syncer (sync lock), so rows we left 'sending' can go back to 'retry'
                self.store.recover_inflight()
                self._finish()
            except Exception:
                log.exception("could not record the storage failure")
            self.done = True
        return not self.done

    def run(self) -> SyncReport:
        while self.step():
            pass
        return self.report

    def _check_contact(self) -> None:
        """Nothing to send: one cheap authenticated request, so 'last success' means the hub really answered."""
        try:
            self.client.catalog(since=2**31 - 1)
        except HubError as exc:
            raise _Stop(exc) from None

    def _finish(self) -> None:
        self.done = True
        if self.report.stop is None:
            self.store.set_meta(phase="idle", last_success_at=self.store.clock().isoformat(), last_error=None,
                                reachable="1")
        elif self.report.stop == "storage":
            self.store.set_meta(phase="idle", last_error=self.report.error)
        log.info("sync run finished: %s", self.report.to_dict())

    def _stopped(self, exc: HubError) -> None:
        r = self.report
        r.error = str(exc)[:300]
        if isinstance(exc, HubAuthError):
            r.stop, phase, reachable = "auth", "auth_problem", "1"
        elif isinstance(exc, HubTLSError):  # the hub cannot be trusted (or its URL is not allowed): nothing was sent
            r.stop, phase, reachable = "tls", "tls_problem", "0"
        elif isinstance(exc, HubUnavailable):
            r.stop, r.retry_after = exc.reason, exc.retry_after
            phase, reachable = ("offline", "0") if exc.network else ("idle", "1")
        else:
            r.stop, phase, reachable = "protocol", "idle", "1"
        self.done = True
        self.store.set_meta(phase=phase, last_error=r.error, last_error_at=self.store.clock().isoformat(),
                            last_http_status=str(exc.status) if exc.status else None, reachable=reachable)
        log.warning("sync run stopped (%s): %s", r.stop, r.error)

    # -- sending --------------------------------------------------------------------------------------------

    def _record(self, outcomes: list[Outcome]) -> None:
        self.store.record(outcomes, lambda attempts: backoff_delay(attempts, self.rng))
        for o in outcomes:
            if isinstance(o, Sent):
                self.report.sent += 1
                self.report.references[o.id] = o.reference
            elif isinstance(o, Rejected):
                self.report.rejected += 1
                log.warning("submission %s rejected: %s", o.id, o.reason)
            elif isinstance(o, Retry):
                self.report.retried += 1
            else:
                self.report.released += 1

    def _record_failure(self, items: list[OutgoingItem], exc: HubError) -> None:
        if isinstance(exc, HubAuthError | HubTLSError):  # not the rows' fault: no backoff for them
            outcomes: list[Outcome] = [Released(i.id, str(exc), exc.status) for i in items]
        else:
            delay = exc.retry_after if isinstance(exc, HubUnavailable) and exc.retry_after else 0.0
            outcomes = [Retry(i.id, str(exc), exc.status, delay) for i in items]
        self._record(outcomes)

    def _fail(self, items: list[OutgoingItem], exc: HubError) -> None:
        """Record the failure for every unresolved item, then stop the run."""
        self._record_failure(items, exc)
        raise _Stop(exc)

    def _send(self, items: list[OutgoingItem]) -> None:
        chunks = _chunks(items, self.batch_size, self.max_body_bytes)
        for n, chunk in enumerate(chunks):
            later = [i for c in chunks[n + 1:] for i in c]
            try:
                self._send_chunk(chunk)
            except _Stop as stop:
                self._record_failure(later, stop.exc)
                raise

    def _send_chunk(self, chunk: list[OutgoingItem]) -> None:
        try:
            results = self.client.submit_batch([i.body() for i in chunk], str(uuid.uuid4()))
        except HubRejected as exc:
            if exc.status not in ITEM_FAULT_STATUSES:
                # 404/405/400 on the batch endpoint means a wrong URL or a broken hub, not bad rows.
                self._fail(chunk, HubProtocolError(str(exc), exc.status))
            # The whole batch was refused (413, 422): find the culprit by sending the items one by one.
            if len(chunk) > 1:
                for n, item in enumerate(chunk):
                    try:
                        self._send_chunk([item])
                    except _Stop as stop:
                        self._record_failure(chunk[n + 1:], stop.exc)
                        raise
                return
            self._record([Rejected(chunk[0].id, f"http_{exc.status}: {str(exc)[:200]}", exc.status)])
            return
        except HubError as exc:
            self._fail(chunk, exc)
        outcomes: list[Outcome] = []
        with_files: list[tuple[OutgoingItem, str | None]] = []
        for item, res in zip(chunk, results, strict=True):
            if res.status == "rejected":
                outcomes.append(Rejected(item.id, res.reason or "rejected", 200))
            elif any(not a.uploaded for a in item.attachments):
                with_files.append((item, res.reference))
            else:
                outcomes.append(Sent(item.id, res.reference))
        self._record(outcomes)
        for n, (item, ref) in enumerate(with_files):
            try:
                self._upload(item, ref)
            except _Stop as stop:
                self._record_failure([i for i, _ in with_files[n + 1:]], stop.exc)
                raise

    def _upload(self, item: OutgoingItem, reference: str | None) -> None:
        """Attachments go after their item (the hub must know the submission); PUT is idempotent by hash."""
        for att in item.attachments:
            if att.uploaded:
                continue
            data = self.store.attachment_bytes(item.id, att.name)
            try:
                self.client.upload_attachment(item.id, att.name, data, att.content_type, att.sha256)
            except HubRejected as exc:
                if exc.status not in ATTACHMENT_FAULT_STATUSES:  # e.g. 404 right after "accepted": nonsense
                    self._fail([item], HubProtocolError(str(exc), exc.status))
                self._record([Rejected(item.id, f"attachment {att.name}: http_{exc.status}: {str(exc)[:150]}",
                                       exc.status)])
                return
            except HubError as exc:
                self._fail([item], exc)
            self.store.mark_attachment_uploaded(item.id, att.name, reference)
        self._record([Sent(item.id, reference)])


def sync_once(store: QueueStore, client: HubClient, batch_size: int = 50, force: bool = False,
              rng: random.Random | None = None) -> SyncReport:
    return SyncRun(store, client, batch_size, force, rng).run()


def read_status(store: QueueStore) -> dict[str, Any]:
    """Sync status for people, computed from the database (DESIGN §3.7): never from a flag in memory."""
    meta = store.meta()
    counts = store.counts()
    age = store.oldest_unsent_age()
    phase = meta.get("phase") or "idle"
    return {"counts": counts, "oldest_unsent_age_seconds": None if age is None else round(age, 1),
            "last_success_at": meta.get("last_success_at"), "last_attempt_at": meta.get("last_attempt_at"),
            "last_error": meta.get("last_error"), "last_error_at": meta.get("last_error_at"),
            "phase": phase if phase in PHASES else "idle", "online": meta.get("reachable") == "1"}


def heartbeat_report(status: dict[str, Any], version: str, devices: dict[str, str] | None = None,
                     interval_seconds: int | None = None) -> HeartbeatBody:
    """The body of POST /v1/heartbeat from a ``read_status`` dict (the interval lets the hub tell a late beat)."""
    body = heartbeat_body(version, status["counts"], status["oldest_unsent_age_seconds"], status["last_success_at"],
                          status["last_error"], devices or {})
    if interval_seconds:
        body["interval_seconds"] = int(interval_seconds)
    return body


def send_heartbeat(client: HubClient, body: HeartbeatBody, data_dir: Path) -> str:
    """POST the heartbeat and keep the hub's device-registry answer for the health workers
    (core/health/registry.py). Raises HubError; a file that cannot be written is logged, never raised."""
    from core.health.registry import registry_entries, save_registry

    server_time, registry = client.heartbeat_answer(body)
    entries = registry_entries(body["devices"], registry)
    if entries:
        try:
            save_registry(data_dir, entries, server_time[:40])
        except OSError as exc:
            log.error("device registry answer not kept: %s", exc.strerror or exc)
    return server_time


def start_of_process(store: QueueStore) -> int:
    """Start-up recovery, by the process holding the sync lock: in-flight rows → retry, phase reset."""
    n = store.recover_inflight()
    if store.meta().get("phase") == "syncing":
        store.set_meta(phase="idle")
    if n:
        log.warning("%d submission(s) were mid-send when the kiosk stopped; they will be resent", n)
    return n
