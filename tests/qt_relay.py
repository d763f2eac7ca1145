"""Test helper: a worker's signals re-emitted on the GUI thread, with a history. GUI thread.

Why: ``qtbot.waitSignal`` / ``waitSignals`` / ``assertNotEmitted`` (and ``signal.connect(lambda ...)``) connect a
plain Python callable. Qt runs such a callable in the thread that *emits*, i.e. the worker's thread for a
worker's signal; pytest-qt then stops its GUI-thread timer and touches its blocker from there, a race that
can crash the process under load. A :class:`Relay` is a QObject living in the GUI thread whose own signals
are connected to the worker's signals, so Qt queues every emission to the GUI thread (as the services'
``@Slot`` receivers do). Wait on ``relay.<signal>`` instead of ``worker.<signal>``::

    relay = relay_of(worker)            # every signal the worker's class declares
    with qtbot.waitSignal(relay.printed, timeout=10_000):
        ...
    relay.args("state_changed")         # [("busy", "job-1"), ("ready", "")]
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QMetaMethod, QObject, Signal

_TYPES: dict[str, type] = {"QString": str, "int": int, "bool": bool, "double": float, "PyObject": object,
                           "QByteArray": bytes}


def _python_type(name: str) -> type:
    if name in _TYPES:
        return _TYPES[name]
    for module in (QtGui, QtCore):  # QImage and friends travel as themselves
        found = getattr(module, name, None)
        if isinstance(found, type):
            return found
    return object


def _signals(obj: QObject) -> dict[str, list[type]]:
    """The signals ``obj``'s class (and its bases up to, not including, QObject) declares: name → types."""
    meta = obj.metaObject()
    out: dict[str, list[type]] = {}
    for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount()):
        method = meta.method(i)
        if method.methodType() == QMetaMethod.MethodType.Signal:
            name = method.name().data().decode()
            out.setdefault(name, [_python_type(t.data().decode()) for t in method.parameterTypes()])
    return out


class Relay(QObject):
    """Base of the relays :func:`relay_of` makes; ``history`` is every relayed emission, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.history: list[tuple[str, tuple]] = []

    def args(self, name: str) -> list[tuple]:
        """The arguments of every relayed ``name`` emission, oldest first."""
        return [args for n, args in self.history if n == name]

    def clear(self) -> None:
        self.history.clear()

    def _record(self, name: str, *args: Any) -> None:
        self.history.append((name, args))


@functools.cache
def _relay_class(signature: tuple[tuple[str, tuple[type, ...]], ...]) -> type:
    return type("WorkerRelay", (Relay,), {name: Signal(*types) for name, types in signature})


def relay_of(worker: QObject, *names: str) -> Any:
    """A GUI-thread :class:`Relay` with ``worker``'s signals (all, or only ``names``), connected queued to them.

    Create it on the GUI thread before the worker emits what the test waits for, and keep a reference.
    """
    found = _signals(worker)
    wanted = names or tuple(found)
    unknown = [n for n in wanted if n not in found]
    if unknown:
        raise AttributeError(f"{type(worker).__name__} has no signal(s) {unknown}")
    relay = _relay_class(tuple((n, tuple(found[n])) for n in wanted))()
    for name in wanted:
        mine = getattr(relay, name)
        mine.connect(functools.partial(relay._record, name))  # emitted on the GUI thread: runs there
        getattr(worker, name).connect(mine)  # the receiver lives in the GUI thread: a queued connection
    return relay
