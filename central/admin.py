"""Staff side of the hub: fleet dashboard at /, enrolment codes, dossier status, mark-paid, faults, catalogue;
sync handlers run in Starlette's thread pool."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Depends, Request
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from central import dashboard, records, store
from central.faults import parse_settings
from central.models import Submission, as_utc, utcnow
from central.problems import Problem
from central.security import require_admin

router = APIRouter()
AdminDep = Annotated[None, Depends(require_admin)]


def qr_payload(base_url: str, code: str) -> str:
    """What the enrolment QR holds (parsed by core/formats/enrolment.py)."""
    return f"TCDS-ENROL|1|{base_url.rstrip('/')}|{code}"


def _qr_svg(payload: str, scale: int) -> str:
    import segno

    # UTF-8 with ECI, as everywhere in the project; white background so the quiet zone is light
    return segno.make_qr(payload, encoding="utf-8", eci=True).svg_inline(scale=scale, light="#fff")


def _base_url(request: Request) -> str:
    return request.app.state.config.public_url or str(request.base_url).rstrip("/")


async def _input(request: Request) -> tuple[dict[str, Any], bool]:
    """(fields, from_form): JSON bodies for scripts, url-encoded forms from the dashboard buttons."""
    ctype = request.headers.get("content-type", "")
    raw = await request.body()
    if ctype.startswith("application/x-www-form-urlencoded") and not raw.lstrip().startswith(b"{"):
        origin = request.headers.get("origin") or request.headers.get("referer")
        # A browser's form post carries Origin: refuse one from another site (CSRF on Basic auth).
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            raise Problem(403, "cross-site-form", "Forbidden", "Form posts must come from the dashboard itself.")
        fields = {k: v[-1] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}
        return fields, True
    if not raw.strip():
        return {}, False
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise Problem(422, "invalid-json", detail="The body is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise Problem(422, "invalid-json", detail="The body must be a JSON object.")
    return data, False


@router.get("/healthz", summary="Liveness (no auth)", tags=["staff"])
def healthz(request: Request) -> dict[str, Any]:
    from central import __version__

    return {"status": "ok", "version": __version__, "demo": request.app.state.config.demo}


@router.get("/", response_class=HTMLResponse, summary="Fleet dashboard", tags=["staff"])
def fleet_dashboard(request: Request, _: AdminDep) -> HTMLResponse:
    db, config, now = request.app.state.db, request.app.state.config, utcnow()
    local = now.astimezone(dashboard.VN)  # "today" is the ward's day, not UTC's
    # in UTC: SQLite keeps the wall-clock digits of what it is given, and everything stored is UTC
    start = datetime.combine(local.date(), time.min, tzinfo=dashboard.VN).astimezone(UTC)
    with db.session() as s:
        today = s.scalar(select(func.count()).select_from(Submission).where(Submission.received_at >= start)) or 0
    faults = request.app.state.faults.as_json() if request.app.state.faults else None
    demo_svg = _qr_svg(qr_payload(_base_url(request), config.demo_code), scale=4) if config.demo else ""
    html = dashboard.page(kiosks=store.kiosks(db), subs=records.recent_submissions(db),
                          payments=records.pending_payments(db), today_count=today, now=now,
                          refresh=config.dashboard_refresh_seconds, demo=config.demo, faults=faults,
                          demo_code=config.demo_code, demo_qr_svg=demo_svg)
    return HTMLResponse(html)


@router.get("/admin/fleet", summary="The dashboard's data as JSON", tags=["staff"])
def fleet(request: Request, _: AdminDep) -> dict[str, Any]:
    db, now = request.app.state.db, utcnow()
    out = []
    for k in store.kiosks(db):
        out.append({"kiosk_id": k.id, "station_code": k.station_code, "name": k.name, "version": k.version,
                    "last_heartbeat_at": as_utc(k.hb_at).isoformat() if k.hb_at else None,
                    "last_heartbeat_age_seconds": (now - as_utc(k.hb_at)).total_seconds() if k.hb_at else None,
                    "queue": json.loads(k.hb_queue or "{}"), "oldest_unsent_age_seconds": k.hb_oldest_unsent_seconds,
                    "last_sync_at": k.hb_last_sync_at, "last_error": k.hb_last_error,
                    "devices": json.loads(k.hb_devices or "{}")})
    subs = [{"reference": s.reference, "kind": s.kind, "received_at": as_utc(s.received_at).isoformat(),
             "status": s.status} for s in records.recent_submissions(db)]
    return {"kiosks": out, "recent_submissions": subs}


@router.post("/admin/enrolment-codes", status_code=201, summary="Create a one-time enrolment code", tags=["staff"])
async def new_enrolment_code(request: Request, _: AdminDep) -> Response:
    fields, from_form = await _input(request)
    ttl = fields.get("ttl_hours", request.app.state.config.enrolment_ttl_hours)
    try:
        ttl = float(ttl)
    except (TypeError, ValueError) as exc:
        raise Problem(422, "invalid-request", detail="ttl_hours must be a number") from exc
    if not 0 < ttl <= 24 * 30:
        raise Problem(422, "invalid-request", detail="ttl_hours must be in (0, 720]")
    row = await run_in_threadpool(store.create_enrolment_code, request.app.state.db, ttl)
    payload = qr_payload(_base_url(request), row.code)
    expires = as_utc(row.expires_at).isoformat() if row.expires_at else None
    if from_form:
        svg = _qr_svg(payload, scale=6)
        expires_vn = dashboard.vn_time(row.expires_at and as_utc(row.expires_at))
        return HTMLResponse(dashboard.enrolment_page(row.code, payload, expires_vn, svg), status_code=201)
    return JSONResponse({"code": row.code, "qr_payload": payload, "expires_at": expires}, status_code=201)


@router.post("/admin/dossiers/{reference}/status", summary="Staff: move a dossier to a new status", tags=["staff"])
async def dossier_status(reference: str, request: Request, _: AdminDep) -> Response:
    fields, from_form = await _input(request)
    status, note = fields.get("status"), fields.get("note")
    if not isinstance(status, str) or (note is not None and not isinstance(note, str)) or "\x00" in reference:
        raise Problem(422, "invalid-request", detail="status (and note) must be strings")
    result = await run_in_threadpool(records.set_status, request.app.state.db, reference, status,
                                     note.replace("\x00", "")[:500] if note else None)
    return RedirectResponse("/", status_code=303) if from_form else JSONResponse(result)


@router.post("/admin/payments/{payment_id}/mark-paid", summary="Staff: the fee was received", tags=["staff"])
async def mark_paid(payment_id: str, request: Request, _: AdminDep) -> Response:
    _fields, from_form = await _input(request)
    payment = await run_in_threadpool(records.mark_paid, request.app.state.db, payment_id)
    payee = request.app.state.config.effective_payee
    if from_form:
        return RedirectResponse("/", status_code=303)
    return JSONResponse(records.payment_json(payment, payee.as_json() if payee else None))


def _faults_or_404(request: Request):  # type: ignore[no-untyped-def]
    state = request.app.state.faults
    if state is None:
        raise Problem(404, "faults-disabled", detail="Fault injection needs --demo or --allow-faults.")
    return state


@router.get("/admin/faults", summary="Current fault injection (demo/test mode only)", tags=["staff"])
def get_faults(request: Request, _: AdminDep) -> dict[str, Any]:
    return _faults_or_404(request).as_json()


@router.post("/admin/faults", summary="Change fault injection at run time (demo/test mode only)", tags=["staff"])
async def set_faults(request: Request, _: AdminDep) -> dict[str, Any]:
    state = _faults_or_404(request)
    fields, _from_form = await _input(request)
    try:
        state.configure(parse_settings(fields, state.settings))
    except ValueError as exc:
        raise Problem(422, "invalid-faults", detail=str(exc)) from exc
    return state.as_json()


@router.put("/admin/catalog", summary="Publish a new catalogue version", tags=["staff"])
async def publish_catalog(request: Request, _: AdminDep) -> dict[str, Any]:
    fields, _from_form = await _input(request)
    procedures = fields.get("procedures")
    if not isinstance(procedures, list) or not all(isinstance(p, dict) for p in procedures):
        raise Problem(422, "invalid-request", detail="procedures must be a list of objects")
    version = await run_in_threadpool(store.publish_catalog, request.app.state.db, procedures)
    return {"version": version}
