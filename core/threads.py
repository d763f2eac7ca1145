"""Worker threads with an owner: start a QObject worker in its own QThread and stop it for sure.

Runs on the GUI thread (the owner); the workers' slots run in their own threads.

Pattern (ANCHORS §5.3): a worker is a QObject moved to a QThread. Its ``start`` slot runs in that
thread and creates timers/devices there, so they belong to that thread. ``stop`` is invoked with a
blocking queued connection so the worker has released its device before the thread quits.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)

# Every thread ever started through this module, so tests can prove none is left running.
_started: weakref.WeakSet[QThread] = weakref.WeakSet()


class Worker(QObject):
    """Base class for objects that live in their own thread.

    Subclasses override :meth:`on_start` (create timers, open devices) and :meth:`on_stop`
    (close devices). Both run in the worker's thread. Exceptions are logged and reported through
    ``failed`` instead of killing the thread.
    """

    failed = Signal(str)

    @Slot()
    def start(self) -> None:
        try:
            self.on_start()
        except Exception as exc:  # a device that cannot start must not take the thread down
            log.exception("worker %s failed to start", type(self).__name__)
            self.failed.emit(f"{type(exc).__name__}: {exc}")

    @Slot()
    def stop(self) -> None:
        try:
            self.on_stop()
        except Exception:
            log.exception("worker %s failed to stop cleanly", type(self).__name__)

    def on_start(self) -> None:
        """Called in the worker thread when it starts."""

    def on_stop(self) -> None:
        """Called in the worker thread before it quits."""


class ThreadOwner:
    """Starts workers in named threads and stops all of them on :meth:`shutdown`."""

    def __init__(self) -> None:
        self._workers: list[tuple[Worker, QThread]] = []

    def start(self, worker: Worker, name: str) -> QThread:
        thread = QThread()
        thread.setObjectName(name)
        worker.moveToThread(thread)
        thread.started.connect(worker.start)
        self._workers.append((worker, thread))
        _started.add(thread)
        thread.start()
        log.info("thread %s started", name)
        return thread

    def stop(self, worker: Worker, timeout_ms: int = 5000) -> bool:
        for entry in list(self._workers):
            if entry[0] is worker:
                self._workers.remove(entry)
                return _stop(*entry, timeout_ms=timeout_ms)
        return True

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop every worker (newest first). Returns False if any thread did not finish."""
        ok = True
        while self._workers:
            worker, thread = self._workers.pop()
            ok = _stop(worker, thread, timeout_ms) and ok
        return ok

    @property
    def threads(self) -> list[QThread]:
        return [thread for _, thread in self._workers]


def _stop(worker: Worker, thread: QThread, timeout_ms: int) -> bool:
    if thread.isRunning():
        QMetaObject.invokeMethod(worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
    thread.quit()
    stopped = thread.wait(timeout_ms)
    if stopped:
        log.info("thread %s stopped", thread.objectName())
    else:
        log.error("thread %s did not stop within %d ms", thread.objectName(), timeout_ms)
    return stopped


def running_threads() -> list[str]:
    """Names of threads started through this module that are still running."""
    return [t.objectName() for t in list(_started) if t.isRunning()]
