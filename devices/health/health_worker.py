"""One health device in its own worker thread: open, read, parse, reconnect. Runs in the worker's QThread.

``HealthWorker`` owns one SerialTransport and one protocol parser. A QTimer tick reads whatever
arrived (short timeout), sends polls/keep-alives while measuring and emits parsed readings in
batches (one signal per tick, so a 60 Hz oximeter stream does not flood the GUI thread). Any
failure becomes a state, never an exception: unplug → CONNECTING → reopen with a growing backoff;
garbage bytes are counted and reported, the stream goes on.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot

from core.threads import Worker
from devices.base import DeviceError, DeviceState
from devices.health.protocols.base import Protocol
from devices.health.serial_port import SerialTransport
from devices.health.spec import DeviceSpec

log = logging.getLogger(__name__)


class HealthWorker(Worker):
    state_changed = Signal(str, str, str)  # device name, DeviceState value, technician detail
    readings = Signal(str, object)  # device name, list[Reading] stamped with the DeviceInfo
    error = Signal(str, str)  # device name, technician detail (garbage, failed command)

    def __init__(self, spec: DeviceSpec, *, tick_ms: int = 20, read_timeout: float = 0.02,
                 backoff_start: float = 0.25, backoff_max: float = 8.0, poll_interval: float | None = None) -> None:
        super().__init__()
        self.spec = spec
        self.tick_ms, self.read_timeout = tick_ms, read_timeout
        self.backoff_start, self.backoff_max = backoff_start, backoff_max
        self.poll_interval = poll_interval  # None: the protocol's own (tests poll faster)
        self._timer: QTimer | None = None
        self._transport: SerialTransport | None = None
        self._protocol: Protocol | None = None
        self._measuring = False
        self._state = DeviceState.ABSENT
        self._backoff = backoff_start
        self._next_open = 0.0
        self._next_poll = 0.0
        self._next_keepalive = 0.0
        self._errors_seen = 0
        self._last_error_report = 0.0
        self._registry: dict[str, Any] | None = None  # the hub registry's word, read as a measurement starts

    @property
    def _port(self) -> SerialTransport:
        assert self._transport is not None, "the transport is made in on_start"
        return self._transport

    @property
    def _proto(self) -> Protocol:
        assert self._protocol is not None, "the protocol is made in on_start"
        return self._protocol

    # -- life cycle (worker thread) ------------------------------------------------------------
    def on_start(self) -> None:
        self._protocol = self.spec.make_protocol()
        self._transport = SerialTransport(self.spec.port, self.spec.serial_params(self._protocol),
                                          read_timeout=self.read_timeout)
        self._timer = QTimer(self)
        self._timer.setInterval(self.tick_ms)
        self._timer.timeout.connect(self._tick)
        self._set_state(DeviceState.CONNECTING, "opening")
        self._timer.start()

    def on_stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._transport is not None:
            if self._measuring and self._transport.is_open and self._proto.stop_command:
                try:
                    self._transport.write(self._proto.stop_command)
                except DeviceError:
                    pass
            self._transport.close()
        self._measuring = False

    # -- slots (queued from the GUI thread) ----------------------------------------------------
    @Slot()
    def start_measuring(self) -> None:
        from core.health.registry import load_entry

        self._measuring = True
        self._registry = load_entry(self.spec.registry_path, self.spec.name)  # a small file, on this thread
        if self._protocol is not None:
            self._proto.reset()
        self._next_poll = self._next_keepalive = 0.0
        if self._transport is not None and self._transport.is_open:
            self._send(self._proto.start_command)
            self._set_state(DeviceState.BUSY, "measuring")

    @Slot()
    def stop_measuring(self) -> None:
        if not self._measuring:
            return
        self._measuring = False
        if self._transport is not None and self._transport.is_open:
            self._send(self._proto.stop_command)
            self._set_state(DeviceState.READY, "")

    # -- tick ----------------------------------------------------------------------------------
    def _tick(self) -> None:
        try:
            self._tick_inner()
        except DeviceError as exc:
            self._lost(str(exc))
        except Exception as exc:  # never let a bad frame or a driver bug end the thread
            log.exception("health device %s: unexpected error", self.spec.name)
            self._proto.reset()
            self.error.emit(self.spec.name, f"{type(exc).__name__}: {exc}")

    def _tick_inner(self) -> None:
        now = time.monotonic()
        transport = self._port
        if not transport.is_open:
            if now < self._next_open:
                return
            try:
                transport.open()
            except DeviceError as exc:
                self._next_open = now + self._backoff
                self._backoff = min(self._backoff * 2, self.backoff_max)
                self._set_state(DeviceState.CONNECTING, str(exc))
                return
            self._backoff = self.backoff_start
            self._proto.reset()
            log.info("health device %s open on %s", self.spec.name, transport.stable_id)
            if self._measuring:
                self._send(self._proto.start_command)
                self._next_poll = self._next_keepalive = 0.0
            self._set_state(DeviceState.BUSY if self._measuring else DeviceState.READY, "")
        if self._measuring:
            p = self._proto
            if p.poll_command and now >= self._next_poll:
                self._send(p.poll_command)
                self._next_poll = now + (self.poll_interval or p.poll_interval)
            if p.keepalive_command and now >= self._next_keepalive:
                self._send(p.keepalive_command)
                self._next_keepalive = now + p.keepalive_interval
        data = transport.read()
        if not data:
            return
        found = self._proto.feed(data)
        self._report_garbage(now)
        if found and self._measuring:
            from core.health.registry import with_registry

            info = with_registry(self.spec.device_info(transport.stable_id), self._registry)
            self.readings.emit(self.spec.name, [r.stamped(info) for r in found])

    def _send(self, data: bytes) -> None:
        if data:
            self._port.write(data)

    def _lost(self, detail: str) -> None:
        log.warning("health device %s lost: %s", self.spec.name, detail)
        self._port.close()
        self._proto.reset()
        self._next_open = time.monotonic() + self._backoff
        self._set_state(DeviceState.CONNECTING, detail)

    def _report_garbage(self, now: float) -> None:
        errors = self._proto.errors
        if errors > self._errors_seen and now - self._last_error_report > 1.0:
            self.error.emit(self.spec.name, f"{errors - self._errors_seen} bad frame(s) skipped")
            log.info("health device %s: %d bad frame(s) skipped", self.spec.name, errors - self._errors_seen)
            self._errors_seen, self._last_error_report = errors, now

    def _set_state(self, state: DeviceState, detail: str) -> None:
        if state != self._state:
            log.info("health device %s: %s -> %s %s", self.spec.name, self._state, state, detail)
            self._state = state
            self.state_changed.emit(self.spec.name, state.value, detail)
