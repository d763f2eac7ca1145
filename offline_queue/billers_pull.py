"""Pull the ward's official billers list from the hub during sync (the same conditional-GET way as the
catalogue), check it, keep the last good one at ``<data dir>/billers/current.json`` (read by screens.bills).

Qt-free; runs in the SyncWorker thread. What arrives is untrusted: it is checked with core.bills.parse_billers
and only then written atomically; a refused list never replaces the last good one."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from core.bills import BillersRefused, parse_billers
from offline_queue.hub_client import HubClient

log = logging.getLogger(__name__)
FOLDER, CURRENT = "billers", "current.json"  # {"version", "etag", "format", "billers"}


def stored_etag(data_dir: Path) -> str | None:
    try:
        doc = json.loads((Path(data_dir) / FOLDER / CURRENT).read_text(encoding="utf-8"))
        return doc.get("etag") if isinstance(doc, dict) and isinstance(doc.get("etag"), str) else None
    except (OSError, ValueError):
        return None


def pull(client: HubClient, data_dir: Path) -> str:
    """One conditional GET: "unchanged", "updated" or "refused". Raises the client's HubError on transport."""
    document, etag = client.fetch_billers(stored_etag(data_dir))
    if document is None:
        return "unchanged"
    try:
        billers = parse_billers(document)
    except BillersRefused as exc:
        log.error("billers list from the hub refused (kept the last good one): %s", str(exc)[:300])
        return "refused"
    version = document.get("version") if isinstance(document.get("version"), int) else 0
    folder = Path(data_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (CURRENT + ".tmp")
    tmp.write_text(json.dumps({"version": version, "etag": etag, **billers.as_json()}, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, folder / CURRENT)
    log.info("billers list version %s stored (%d billers)", version, len(billers.billers))
    return "updated"
