"""Prepare at home (issue 19): the hub serves a phone page per procedure where a resident fills the dossier's
questions and gets a signed QR; any station redeems it once (``POST /v1/drafts/redeem``) to open the dossier
pre-filled. ``install(app)`` adds the pages, their static files and the kiosk route."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from central.prepare.pages import HERE


def install(app: FastAPI) -> None:
    from central.prepare import api, pages

    app.include_router(pages.router)
    app.include_router(api.router, tags=["kiosk"])
    app.mount("/prepare/static", StaticFiles(directory=str(HERE / "static")), name="prepare-static")
