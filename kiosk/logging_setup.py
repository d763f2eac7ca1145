"""Logging: a rotating file plus stderr. Messages carry submission UUIDs, never personal data."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def setup_logging(log_dir: Path | None, level: str = "INFO") -> Path | None:
    """Configure the root logger once. Returns the log file path (None if only stderr)."""
    # python-escpos calls logging.basicConfig() on import; configuring first keeps our handlers.
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str((log_dir or Path.home()) / ".escpos-cache"))
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(stderr)
    log_file = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "kiosk.log"
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=5,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    return log_file
