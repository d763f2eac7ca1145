"""Simulated health devices on a pseudo-terminal: the real driver opens the pty and parses real bytes.

Runs its own plain thread (no Qt). The simulator owns the pty master; the driver opens the slave
through a stable symlink (like /dev/serial/by-id), so "unplug" (close the pty) and "replug" (a
new pty, the link re-pointed) exercise the driver's reconnect path exactly as real hardware would.
A behaviour (sim_devices.py) decides what bytes to send and how to answer commands.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import tempfile
import threading
import time
import tty
from pathlib import Path
from typing import Any
from typing import Protocol as TypingProtocol

log = logging.getLogger(__name__)


class Behaviour(TypingProtocol):
    def on_input(self, data: bytes, now: float) -> bytes: ...
    def tick(self, now: float) -> bytes: ...


class PtySimulator:
    """One simulated device. ``link`` is the stable path the driver is configured with."""

    def __init__(self, behaviour: Behaviour, link: str | Path | None = None, name: str = "sim") -> None:
        self.behaviour = behaviour
        self.name = name
        self._own_dir = None
        if link is None:
            self._own_dir = tempfile.mkdtemp(prefix="kiosk-sim-")
            link = Path(self._own_dir) / name
        self.link = Path(link)
        self._lock = threading.Lock()
        self._master: int | None = None
        self._slave: int | None = None
        self._pending = bytearray()  # bytes injected by tests (garbage, replays)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.received = bytearray()  # everything the driver wrote (commands), for tests

    # -- life cycle ----------------------------------------------------------------------------
    def start(self) -> PtySimulator:
        self.plug()
        self._thread = threading.Thread(target=self._run, name=f"sim-{self.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        self.unplug()
        if self._own_dir:
            with contextlib.suppress(OSError):
                os.rmdir(self._own_dir)

    def plug(self) -> None:
        """Create a fresh pty and point the stable link at it (a device plugged in)."""
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # no echo, no line editing, before the driver ever opens it
            os.set_blocking(master, False)
            self._master, self._slave = master, slave
            path = os.ttyname(slave)
            tmp = self.link.with_name(self.link.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            self.link.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(path, tmp)
            os.replace(tmp, self.link)
        log.info("simulator %s plugged at %s", self.name, path)

    def unplug(self) -> None:
        """Close the pty: the driver's next read fails, like pulling the USB cable."""
        # closed under the lock: the simulator thread only touches the fd under it, after checking it is
        # still ours. An fd closed behind its back gets its number reused at once (a socket, a database,
        # Qt's wake-up pipe) and the thread would then read or write someone else's file.
        with self._lock:
            master, slave, self._master, self._slave = self._master, self._slave, None, None
            with contextlib.suppress(FileNotFoundError):
                self.link.unlink()
            for fd in (master, slave):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
        if master is not None:
            log.info("simulator %s unplugged", self.name)

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def inject(self, data: bytes) -> None:
        """Send these bytes as they are (garbage, a capture replay) before the behaviour's next bytes."""
        with self._lock:
            self._pending += data

    # -- thread --------------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            master = self._master
            if master is None:
                time.sleep(0.02)
                continue
            try:
                self._step(master)
            except OSError:
                time.sleep(0.01)  # the pty went away (unplug, or the driver closed its side)
            except Exception:  # a behaviour bug must not kill the simulated device silently
                log.exception("simulator %s behaviour failed", self.name)
                time.sleep(0.05)

    def _step(self, master: int) -> None:
        # select only hints (the number may already be reused); reads and writes happen under the lock
        # and only while ``master`` is still this simulator's pty (see unplug)
        ready, _, _ = select.select([master], [], [], 0.01)
        now = time.monotonic()
        data = b""
        if ready:
            with self._lock:
                if self._master != master:
                    return
                with contextlib.suppress(BlockingIOError):
                    data = os.read(master, 4096)
        out = bytearray()
        if data:
            self.received += data
            out += self.behaviour.on_input(data, now)
        out += self.behaviour.tick(now)
        with self._lock:
            if self._master != master:
                return  # unplugged meanwhile: these bytes go nowhere, like a device without its cable
            out[:0], self._pending = self._pending, bytearray()
            if out:
                self._write(master, bytes(out))

    @staticmethod
    def _write(fd: int, data: bytes) -> None:
        try:
            os.write(fd, data)
        except BlockingIOError:
            pass  # nobody is reading: a real device does not wait either


def make_simulator(protocol: str, name: str, link: str | Path | None = None, **options: Any) -> PtySimulator:
    from devices.health.sim_devices import make_behaviour

    return PtySimulator(make_behaviour(protocol, **options), link=link, name=name)
