"""Logging: a rotating file plus stderr, written by a background thread.

Records go through a queue so the GUI thread never waits on the disk (DESIGN §3.2). Messages
carry submission UUIDs and device names, never personal data (DESIGN §3.10). Technician actions
also go to a separate audit log (DESIGN §5).
"""

from __future__ import annotations

import atexit
import logging
import logging.handlers
import os
import queue
import sys
from pathlib import Path
from typing import Any

FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
AUDIT_LOGGER = "kiosk.audit"
_listener: logging.handlers.QueueListener | None = None


class CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the moment of writing, never to a stream it kept: a command run
    in-process (a test, a technician tool) may have had its stderr replaced and closed since."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def setup_logging(log_dir: Path | None, level: str = "INFO") -> Path | None:
    """Configure the root logger once. Returns the log file path (None if only stderr)."""
    global _listener
    # python-escpos calls logging.basicConfig() on import; configuring first keeps our handlers.
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str((log_dir or Path.home()) / ".escpos-cache"))
    stop_logging()
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):  # ours from an earlier call; anything else (a test's capture) stays
        if getattr(handler, "_tram", False):
            root.removeHandler(handler)
    formatter = logging.Formatter(FORMAT)
    targets: list[logging.Handler] = [CurrentStderr()]
    log_file = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "kiosk.log"
        targets.append(logging.handlers.RotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=5,
                                                            encoding="utf-8"))
        audit = logging.handlers.RotatingFileHandler(log_dir / "audit.log", maxBytes=2_000_000, backupCount=10,
                                                     encoding="utf-8")
        audit.addFilter(lambda record: record.name == AUDIT_LOGGER)
        targets.append(audit)
    for target in targets:
        target.setFormatter(formatter)
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    ours = logging.handlers.QueueHandler(records)
    ours._tram = True  # type: ignore[attr-defined]
    root.addHandler(ours)
    _listener = logging.handlers.QueueListener(records, *targets, respect_handler_level=True)
    _listener.start()
    atexit.register(stop_logging)
    return log_file


def stop_logging() -> None:
    """Flush and stop the background writer (at exit)."""
    global _listener
    if _listener is not None:
        _listener.stop()
        _listener = None


def audit(action: str, **details: object) -> None:
    """One technician/operator action, for the audit log. Details must not be personal data."""
    extra = " ".join(f"{k}={v}" for k, v in sorted(details.items()))
    logging.getLogger(AUDIT_LOGGER).info("%s %s", action, extra)
