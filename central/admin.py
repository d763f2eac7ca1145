"""Staff side of the hub: fleet dashboard at /, enrolment codes, dossier status, mark-paid, faults (the catalogue
is central/catalog_api.py); sync handlers run in Starlette's thread pool."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from central import alerts, dashboard, records, store
from central.faults import FaultState, parse_settings
from central.models import Submission, as_utc, utcnow
from central.office.render import CSP as OFFICE_CSP
from central.problems import Problem
from central.staff import StaffUser, audit
from central.staff.deps import csrf_input, require_staff, verify_csrf

# Every state-changing route here checks the session's CSRF token, the content type and the origin.
router = APIRouter(dependencies=[Depends(verify_csrf)])
AnyStaff = Annotated[StaffUser, Depends(require_staff())]
Officer = Annotated[StaffUser, Depends(require_staff("officer"))]
Enroller = Annotated[StaffUser, Depends(require_staff("enroller"))]
Admin = Annotated[StaffUser, Depends(require_staff("admin"))]


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
    """(fields, from_form): JSON bodies for scripts, forms from the dashboard (verify_csrf allowed the type)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        return {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}, True
    raw = await request.body()
    if not raw.strip():
        return {}, False
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise Problem(400, "invalid-json", detail="The body is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise Problem(422, "invalid-json", detail="The body must be a JSON object.")
    return data, False


@router.get("/healthz", summary="Liveness (no auth)", tags=["staff"])
def healthz(request: Request) -> dict[str, Any]:
    from central import __version__

    return {"status": "ok", "version": __version__, "demo": request.app.state.config.demo}


@router.get("/", response_class=HTMLResponse, summary="Fleet dashboard", tags=["staff"])
def fleet_dashboard(request: Request, user: AnyStaff) -> HTMLResponse:
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
                          demo_code=config.demo_code, demo_qr_svg=demo_svg, user=user, csrf=csrf_input(request),
                          alerts=[a for a in alerts.alerts(db) if a.kind != "health" or user.has_role("health_worker")],
                          history=alerts.history_24h(db, now),
                          registry={(d.model, d.serial): d.calibration_due for d in alerts.devices(db)})
    # the office's policy: like the hub's, plus its one script file (the bell and the alert badge)
    return HTMLResponse(html, headers={"Content-Security-Policy": OFFICE_CSP})


@router.get("/admin/fleet", summary="The dashboard's data as JSON", tags=["staff"])
def fleet(request: Request, _: AnyStaff) -> dict[str, Any]:
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
async def new_enrolment_code(request: Request, user: Enroller) -> Response:
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
    await run_in_threadpool(audit.record_now, request.app.state.db, user, "enrolment_code.create", row.code, None,
                            {"expires_at": expires})
    if from_form:
        svg = _qr_svg(payload, scale=6)
        expires_vn = dashboard.vn_time(row.expires_at and as_utc(row.expires_at))
        return HTMLResponse(dashboard.enrolment_page(row.code, payload, expires_vn, svg), status_code=201)
    return JSONResponse({"code": row.code, "qr_payload": payload, "expires_at": expires}, status_code=201)


@router.post("/admin/dossiers/{reference}/status", summary="Staff: move a dossier to a new status", tags=["staff"])
async def dossier_status(reference: str, request: Request, user: Officer) -> Response:
    fields, from_form = await _input(request)
    status, note = fields.get("status"), fields.get("note")
    if not isinstance(status, str) or (note is not None and not isinstance(note, str)) or "\x00" in reference:
        raise Problem(422, "invalid-request", detail="status (and note) must be strings")
    result = await run_in_threadpool(records.set_status, request.app.state.db, reference, status,
                                     note.replace("\x00", "")[:500] if note else None, user)
    return RedirectResponse("/", status_code=303) if from_form else JSONResponse(result)


@router.post("/admin/payments/{payment_id}/mark-paid", summary="Staff: the fee was received", tags=["staff"])
async def mark_paid(payment_id: str, request: Request, user: Officer) -> Response:
    _fields, from_form = await _input(request)
    payment = await run_in_threadpool(records.mark_paid, request.app.state.db, payment_id, user)
    payee = request.app.state.config.effective_payee
    if from_form:
        return RedirectResponse("/", status_code=303)
    return JSONResponse(records.payment_json(payment, payee.as_json() if payee else None))


@router.post("/admin/kiosks/{kiosk_id}/retire", summary="Take a kiosk out of service (frees its station code)",
             tags=["staff"])
async def retire_kiosk(kiosk_id: str, request: Request, user: Enroller) -> Response:
    _fields, from_form = await _input(request)
    try:
        retired = await run_in_threadpool(store.retire_kiosk, request.app.state.db, kiosk_id)
    except store.EnrolmentError as exc:
        raise Problem(404, "unknown-kiosk", detail="No active kiosk with this id.") from exc
    await run_in_threadpool(audit.record_now, request.app.state.db, user, "kiosk.retire", kiosk_id,
                            {"station_code": retired["station_code"], "active": True}, {"active": False})
    return RedirectResponse("/", status_code=303) if from_form else JSONResponse(retired)


def _faults_or_404(request: Request) -> FaultState:
    state: FaultState | None = request.app.state.faults  # central.app: None unless faults are allowed
    if state is None:
        raise Problem(404, "faults-disabled", detail="Fault injection needs --demo or --allow-faults.")
    return state


@router.get("/admin/faults", summary="Current fault injection (demo/test mode only)", tags=["staff"])
def get_faults(request: Request, _: Admin) -> dict[str, Any]:
    return _faults_or_404(request).as_json()


@router.post("/admin/faults", summary="Change fault injection at run time (demo/test mode only)", tags=["staff"])
async def set_faults(request: Request, user: Admin) -> dict[str, Any]:
    state = _faults_or_404(request)
    fields, _from_form = await _input(request)
    before = state.as_json()
    try:
        state.configure(parse_settings(fields, state.settings))
    except ValueError as exc:
        raise Problem(422, "invalid-faults", detail=str(exc)) from exc
    after = state.as_json()
    await run_in_threadpool(audit.record_now, request.app.state.db, user, "faults.set", "faults",
                            {k: before.get(k) for k in ("rate", "kinds", "phase", "paths")},
                            {k: after.get(k) for k in ("rate", "kinds", "phase", "paths")})
    return after
