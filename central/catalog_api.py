"""Catalogue distribution over HTTP: kiosks pull ``GET /v1/catalog`` (ETag / If-None-Match, ``?since``); staff
publish, list and roll back versions under ``/admin/catalog``. Sync handlers run in Starlette's thread pool.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from central import catalog_store
from central.api import KioskDep
from central.problems import Problem
from central.staff import StaffUser, audit
from central.staff.deps import require_staff, verify_csrf
from core.catalogue_contract import CatalogueRefused, parse

router = APIRouter()
Admin = Annotated[StaffUser, Depends(require_staff("admin"))]
CSRF = [Depends(verify_csrf)]


def _served(request: Request) -> catalog_store.ServedCatalogue:
    state = request.app.state
    if getattr(state, "served_catalogue", None) is None:
        state.served_catalogue = catalog_store.ServedCatalogue()
    served: catalog_store.ServedCatalogue = state.served_catalogue
    return served


def etag_matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 If-None-Match: "*" or a comma-separated list of (possibly weak) entity tags."""
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags


@router.get("/v1/catalog", tags=["kiosk"], summary="The procedure catalogue (conditional: ETag / If-None-Match)",
            responses={304: {"description": "The kiosk already has this version (If-None-Match matched)"}})
def catalog(request: Request, kiosk: KioskDep, since: Annotated[int, Query(ge=0)] = 0,
            if_none_match: Annotated[str | None, Header(max_length=1000)] = None) -> Response:
    served = _served(request).current(request.app.state.db)
    if served is None:
        return JSONResponse({"version": 0, "published_at": None, "catalogue": None})
    headers = {"ETag": served.etag, "Cache-Control": "no-cache"}
    if if_none_match and etag_matches(if_none_match, served.etag):
        return Response(status_code=304, headers=headers)
    if since >= served.version:  # nothing newer: the version alone (old kiosks use this as a contact check)
        return JSONResponse({"version": served.version, "published_at": served.published_at, "catalogue": None},
                            headers=headers)
    return Response(served.body, media_type="application/json", headers=headers)


def _refused(exc: CatalogueRefused) -> Problem:
    return Problem(422, "catalogue-invalid", "The catalogue does not match the schema", str(exc.first),
                   errors=[p.as_json() for p in exc.problems])


def _require_json(request: Request) -> None:
    # application/json only: a cross-site HTML form cannot send it, so a browser holding the staff password
    # cannot be made to publish or roll back (the dashboard's own forms are url-encoded).
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise Problem(415, "json-required", detail="Send application/json.")


async def _document(request: Request) -> Any:
    _require_json(request)
    raw = await request.body()
    try:
        return await run_in_threadpool(parse, raw)
    except CatalogueRefused as exc:
        raise _refused(exc) from None


@router.put("/admin/catalog", status_code=201, tags=["staff"], summary="Publish a catalogue (checked first)",
            dependencies=CSRF,
            responses={200: {"description": "The same document is already the newest version"},
                       422: {"description": "Refused: `errors` lists the JSON path of every problem"}})
async def publish(request: Request, user: Admin) -> JSONResponse:
    document = await _document(request)
    try:
        published, new = await run_in_threadpool(catalog_store.publish, request.app.state.db, document)
    except CatalogueRefused as exc:
        raise _refused(exc) from None
    if new:
        await run_in_threadpool(audit.record_now, request.app.state.db, user, "catalog.publish",
                                f"catalog v{published.version}", None, _audited(published))
    return JSONResponse(published.summary() | {"published": new}, status_code=201 if new else 200)


def _audited(published: catalog_store.Published) -> dict[str, Any]:
    return {"version": published.version, "sha256": published.sha256, "procedures": published.procedures,
            "rollback_of": published.rollback_of}


@router.get("/admin/catalog/versions", tags=["staff"], summary="Published catalogue versions, newest first")
def versions(request: Request, _: Admin) -> dict[str, Any]:
    return {"versions": [p.summary() for p in catalog_store.versions(request.app.state.db)]}


@router.get("/admin/catalog/versions/{version}", tags=["staff"], summary="One version's document")
def version(version: int, request: Request, _: Admin) -> dict[str, Any]:
    try:
        published = catalog_store.get(request.app.state.db, version)
    except catalog_store.UnknownVersion:
        raise Problem(404, "catalogue-version-unknown", detail=f"No catalogue version {version}.") from None
    return published.summary() | {"catalogue": published.document}


@router.post("/admin/catalog/rollback", status_code=201, tags=["staff"], dependencies=CSRF,
             summary="Publish an earlier version's document again, as the newest version")
async def rollback(request: Request, user: Admin) -> dict[str, Any]:
    _require_json(request)
    raw = await request.body()
    try:
        target = json.loads(raw or b"{}").get("version")
    except (ValueError, AttributeError):
        target = None
    if not isinstance(target, int) or isinstance(target, bool):
        raise Problem(422, "invalid-request", detail='Send {"version": <int>}.')
    try:
        published = await run_in_threadpool(catalog_store.rollback, request.app.state.db, target)
    except catalog_store.UnknownVersion:
        raise Problem(404, "catalogue-version-unknown", detail=f"No catalogue version {target}.") from None
    await run_in_threadpool(audit.record_now, request.app.state.db, user, "catalog.rollback",
                            f"catalog v{published.version}", {"version": target}, _audited(published))
    return published.summary()

