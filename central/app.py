"""Builds the hub ASGI application (FastAPI) from a HubConfig; the app runs on uvicorn's event loop."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from central import (
    __version__,
    admin,
    api,
    billers,
    catalog_api,
    office,
    ops,
    prepare,
    problems,
    sdnotify,
    store,
    telehealth,
)
from central.config import HubConfig
from central.db import Database
from central.faults import FaultInjector, FaultState
from central.headers import SecurityHeaders
from central.limits import BodyLimit
from central.ratelimit import TrackingLimit
from central.staff import routes as staff_routes

log = logging.getLogger(__name__)

DESCRIPTION = """The ward hub of *Trạm công dân số*: kiosks enrol, send their queued submissions (idempotent per
item UUID), upload document photos, track dossiers, create fee payments and report their health.
Every error is an RFC 9457 `application/problem+json` document."""


class HubApp(FastAPI):
    """FastAPI whose own __call__ is the outermost ASGI layer, so fault injection sees uvicorn's `send`."""

    injector: FaultInjector | None = None

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if self.injector is not None and scope["type"] == "http":
            await self.injector(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The database was migrated and reached in create_app: this worker can take requests (systemd Type=notify).
    sdnotify.notify("READY=1")
    yield


def app_from_env() -> HubApp:
    """uvicorn's factory in each worker process of `kiosk-hub serve --workers N` (the parent already migrated)."""
    from central.config import config_from_env
    from central.logs import setup_logging

    config, level, fmt = config_from_env()
    setup_logging(level, fmt)
    return create_app(config, migrate=False)


def create_app(config: HubConfig, db: Database | None = None, migrate: bool = True) -> HubApp:
    db = db or Database(config.db_url)
    if migrate:
        db.migrate()
    if config.demo:
        store.seed_demo(db, config.demo_code)
    app = HubApp(title="Trạm công dân số — hub API", version=__version__, description=DESCRIPTION,
                 openapi_url="/openapi.json", docs_url="/docs", redoc_url=None, lifespan=_lifespan)
    app.state.config, app.state.db = config, db
    app.state.faults = FaultState(config.faults) if config.faults_allowed else None
    app.state.tracking_limit = TrackingLimit(db, config.tracking_per_minute, config.tracking_misses_per_10_min)
    problems.install(app)
    app.include_router(api.router, tags=["kiosk"])
    app.include_router(admin.router)
    app.include_router(ops.router)
    app.include_router(catalog_api.router)
    staff_routes.install(app)
    office.install(app)
    telehealth.install(app, config, db)
    billers.install(app)  # adapters are set by `serve --biller-adapters`
    prepare.install(app)  # the phone pages of 'prepare at home' and the kiosk's redemption
    app.add_middleware(BodyLimit, json_limit=config.json_limit, attachment_limit=config.attachment_limit)
    app.add_middleware(SecurityHeaders)
    if app.state.faults is not None:
        outer = super(HubApp, app).__call__

        async def inner(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
            await outer(scope, receive, send)

        app.injector = FaultInjector(inner, app.state.faults)
    return app
