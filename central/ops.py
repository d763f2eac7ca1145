"""Operations endpoints: /readyz (the database answers and is migrated) and /metrics (Prometheus text format).
Sync handlers run in Starlette's thread pool."""

from __future__ import annotations

import hmac
from ipaddress import ip_address
from typing import Any

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from starlette.responses import JSONResponse, Response

from central.db import Database, current_revision, head_revision
from central.metrics import exposition
from central.problems import Problem

router = APIRouter(tags=["operations"])


def readiness(db: Database) -> tuple[bool, str]:
    """(ready, why not): the database must answer and carry the newest migration."""
    try:
        with db.engine.connect() as con:
            con.execute(text("SELECT 1"))
        revision = current_revision(db.engine)
    except Exception as exc:  # any driver error means "not ready"; the reason goes to the prober
        return False, f"database unreachable: {type(exc).__name__}"
    head = head_revision()
    if revision != head:
        return False, f"database at revision {revision}, this hub needs {head}: run `kiosk-hub migrate`"
    return True, "ok"


@router.get("/readyz", summary="Readiness: the database answers and is migrated (no auth)")
def readyz(request: Request) -> JSONResponse:
    ok, why = readiness(request.app.state.db)
    return JSONResponse({"status": "ready" if ok else "not-ready", "detail": why}, status_code=200 if ok else 503)


def _may_scrape(request: Request) -> bool:
    """A scraper on this machine (not relayed by a proxy), or one that sends the metrics token."""
    config = request.app.state.config
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if config.metrics_token and scheme.lower() == "bearer":
        return hmac.compare_digest(given.strip().encode(), config.metrics_token.encode())
    host = request.client.host if request.client else ""
    relayed = "x-forwarded-for" in request.headers or "forwarded" in request.headers
    try:
        return not relayed and (host == "testclient" or ip_address(host).is_loopback)
    except ValueError:
        return False


@router.get("/metrics", summary="Prometheus metrics (loopback, or Bearer metrics token)")
def metrics(request: Request) -> Response:
    if not _may_scrape(request):
        raise Problem(403, "metrics-forbidden", "Forbidden",
                      "Scrape from the hub machine itself, or send `Authorization: Bearer <metrics token>`.")
    config: Any = request.app.state.config
    return Response(exposition(request.app.state.db, config.disk_path), media_type=CONTENT_TYPE_LATEST)
