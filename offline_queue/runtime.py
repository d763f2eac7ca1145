"""Wiring from the kiosk config: file locations, opening the store, the hub client, the token file, enrolment.

No Qt; called from worker threads (in ``on_start``) and the CLI. The token and key files are created
with mode 0600 and never logged.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from offline_queue.crypto import Cipher, load_or_create_key
from offline_queue.db import open_database, prune_backups
from offline_queue.hub_client import HubClient
from offline_queue.store import Clock, QueueStore, utcnow

log = logging.getLogger(__name__)

DEMO_CODE = "DEMO-0000"  # the local/demo hub's reusable code (central.config.DEMO_CODE)
HUB_URL_FILE = "hub_url"  # written by whoever starts a local hub when [hub] url is empty


@dataclass(frozen=True)
class QueuePaths:
    db: Path
    key: Path
    token: Path
    sync_lock: Path


def queue_paths(config: Any, data_dir: Path) -> QueuePaths:
    q, h = config.queue, config.hub
    db = Path(q.db_path) if q.db_path else data_dir / "kiosk.db"
    return QueuePaths(db=db, key=Path(q.key_file) if q.key_file else data_dir / "queue.key",
                      token=Path(h.token_file) if h.token_file else data_dir / "hub_token.json",
                      sync_lock=db.with_name(db.name + ".sync.lock"))


def open_store(config: Any, data_dir: Path, clock: Clock = utcnow, max_page_count: int | None = None) -> QueueStore:
    """Migrate (with a backup) if needed and return a store for the calling thread."""
    paths = queue_paths(config, data_dir)
    engine = open_database(paths.db, max_page_count=max_page_count)
    prune_backups(paths.db, retention(config))  # backups hold personal data too: same retention as sent rows
    return QueueStore(engine, Cipher(load_or_create_key(paths.key)), config.station.code, clock)


def retention(config: Any) -> timedelta:
    return timedelta(days=config.queue.retention_days)


def resolve_hub_url(config: Any, data_dir: Path) -> str:
    """``[hub] url``, else the URL a local hub wrote into the data dir, else ''."""
    if config.hub.url:
        return str(config.hub.url)
    path = data_dir / HUB_URL_FILE
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def enrolment_code(config: Any) -> str:
    return config.hub.enrolment_code or (DEMO_CODE if config.hub.local_hub else "")


# -- token file -----------------------------------------------------------------------------------------------

def load_token(path: Path) -> dict[str, Any] | None:
    """``{"token", "kiosk_id", "hub_url", "payee"}`` or None if there is no usable token file."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("token"), str) or not doc["token"]:
        return None
    return doc


def save_token(path: Path, doc: dict[str, Any]) -> None:
    """Write atomically with mode 0600 (the token is a credential)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, json.dumps(doc).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def make_client(config: Any, data_dir: Path, url: str | None = None, token: str | None = None,
                read_timeout: float | None = None) -> HubClient:
    h = config.hub
    url = url or resolve_hub_url(config, data_dir)
    if token is None:
        saved = load_token(queue_paths(config, data_dir).token)
        token = saved["token"] if saved and saved.get("hub_url") in (None, url) else None
    return HubClient(url, token, h.connect_timeout_seconds, read_timeout or h.read_timeout_seconds,
                     h.ca_bundle or None, pinned_keys=tuple(h.pinned_keys))


def enrol(client: HubClient, config: Any, data_dir: Path, code: str | None = None) -> dict[str, Any]:
    """Enrol with ``code`` (or the configured/demo one), store the token (0600), and use it on ``client``."""
    from core.version import __version__

    code = code or enrolment_code(config)
    if not code:
        raise ValueError("no enrolment code configured ([hub] enrolment_code)")
    result = client.enroll(code, config.station.code, config.station.name, __version__)
    doc = {"token": result.token, "kiosk_id": result.kiosk_id, "hub_url": client.base_url, "payee": result.payee}
    save_token(queue_paths(config, data_dir).token, doc)
    client.token = result.token
    log.info("enrolled at %s as %s", client.base_url, result.kiosk_id)
    return doc


def ensure_token(client: HubClient, config: Any, data_dir: Path) -> bool:
    """Re-enrol with the configured/demo code when the kiosk has no token. True if a token is in place.

    Raises the client's ``HubError`` when the hub cannot be reached or refuses the code.
    """
    if client.token:
        return True
    if not enrolment_code(config) or not client.base_url:
        return False
    enrol(client, config, data_dir)
    return True
