"""Diagnostics for technicians: the log's last lines and an export (zip) to hand to support. Qt-free.

Nothing personal goes into the export: logs carry no personal data by rule (DESIGN §3.10), the
config is written with secrets masked, and the queue database is not included (only its counts).
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import KioskConfig
from kiosk.config.fields import meta_of
from kiosk.config.loader import iter_settings, sample_toml

MASK = "•••"


def log_dir(config: KioskConfig) -> Path:
    from core.paths import default_log_dir

    return Path(config.logging.dir) if config.logging.dir else default_log_dir()


def tail(path: Path, lines: int = 200) -> str:
    """The last ``lines`` lines of a text file ("" if it does not exist)."""
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 200 * lines))
            data = f.read()
    except OSError:
        return ""
    return "\n".join(data.decode("utf-8", "replace").splitlines()[-lines:])


def masked_config(config: KioskConfig) -> KioskConfig:
    """The config with every secret setting replaced by a mask."""

    def mask(obj: Any) -> Any:
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if dataclasses.is_dataclass(value):
                changes[f.name] = mask(value)
            elif (meta := meta_of(f)) is not None and meta.secret and value:
                changes[f.name] = MASK
        return dataclasses.replace(obj, **changes)

    return mask(config)


def summary(config: KioskConfig, devices: dict[str, str], sync: dict[str, Any] | None) -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version

    return {
        "kiosk_version": __version__, "python": sys.version.split()[0], "pyside6": pyside_version,
        "platform": platform.platform(), "station_code": config.station.code,
        "time": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "devices": devices, "sync": sync or {},
        "settings_changed_from_default": [key for key, _f, value in iter_settings(config)
                                          if value != _default_value(key)],
    }


def _default_value(key: str) -> Any:
    value: Any = KioskConfig()
    for part in key.split("."):
        value = getattr(value, part)
    return value


def export(dest_dir: Path, config: KioskConfig, devices: dict[str, str], sync: dict[str, Any] | None) -> Path:
    """Write ``diagnostics-<station>-<time>.zip`` into ``dest_dir``: logs, masked config, summary."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"diagnostics-{config.station.code}-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    target = dest_dir / name
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("summary.json", json.dumps(summary(config, devices, sync), ensure_ascii=False, indent=2,
                                              default=str))
        z.writestr("kiosk.toml", sample_toml(masked_config(config)))
        logs = log_dir(config)
        for path in sorted(logs.glob("kiosk.log*")) + sorted(logs.glob("audit.log*")):
            z.write(path, f"logs/{path.name}")
    tmp.replace(target)
    return target


def removable_media() -> Path | None:
    """The first mounted USB stick (where Debian/Ubuntu automount puts them), or None."""
    for pattern in ("/media/*/*", "/media/*", "/run/media/*/*"):
        for mount in sorted(Path("/").glob(pattern.lstrip("/"))):
            if os.path.ismount(mount) and os.access(mount, os.W_OK):
                return mount
    return None
