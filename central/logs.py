"""Hub logging: one JSON object per line (journald, Loki, jq) or plain text for a terminal. Set up once per
process (the CLI, and each uvicorn worker); uvicorn's own loggers propagate to the same handler."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# LogRecord attributes that are not "extra" fields passed by the caller
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """{"ts", "level", "logger", "msg", "pid", extras..., "exc"}: no personal data is ever passed in (DESIGN §3)."""

    def format(self, record: logging.LogRecord) -> str:
        at = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        entry: dict[str, object] = {"ts": at, "level": record.levelname.lower(), "logger": record.name,
                                    "msg": record.getMessage(), "pid": record.process}
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | None) else str(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str = "info", fmt: str = "text") -> None:
    from core.logging_setup import CurrentStderr  # stdlib only: a hub install has it

    handler = CurrentStderr()
    handler._tram = True  # type: ignore[attr-defined]
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # Ours from an earlier call go; anything else (a test's log capture) stays.
    root.handlers[:] = [h for h in root.handlers if not getattr(h, "_tram", False)] + [handler]
    root.setLevel(level.upper())
    logging.getLogger("alembic").setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []  # propagate to ours: one format for everything
        logging.getLogger(name).propagate = True
