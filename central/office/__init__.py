"""The ward's back office on the hub: officer inbox, case pages, alerts, and the public status page.

`install(app)` adds the routers and the static files (one CSS, one JS: the pages carry no inline script)."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from central.office import public, views
from central.office.render import HERE


def install(app: FastAPI) -> None:
    app.include_router(views.router)
    app.include_router(public.router)
    app.mount("/office/static", StaticFiles(directory=str(HERE / "static")), name="office-static")
