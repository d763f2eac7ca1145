"""Telehealth routes: the doctor's page and socket, the kiosk's socket and duty status, consultation notes."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, HTMLResponse, JSONResponse

from central import store as hub_store
from central.api import KioskDep
from central.problems import Problem
from central.telehealth import page
from central.telehealth import store as th_store
from central.telehealth.auth import (
    CsrfDep,
    HealthWorkerDep,
    issue_ticket,
    worker_for_session_cookie,
    worker_for_ticket,
)
from central.telehealth.messages import BadMessage, parse_doctor, parse_kiosk
from central.telehealth.switchboard import KioskLink, Switchboard

log = logging.getLogger(__name__)
router = APIRouter(tags=["telehealth"])
STATIC = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"doctor.js": "text/javascript", "doctor.css": "text/css"}
# The page's own script and style only; media from the camera (blob/mediastream); sockets to the hub itself.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
POLICY_CLOSE = 1008


def switchboard(app: Any) -> Switchboard:
    board: Switchboard = app.state.switchboard
    return board


def _bearer(ws: WebSocket) -> str | None:
    scheme, _, value = ws.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


@router.get("/telehealth", response_class=HTMLResponse, summary="The doctor's page")
def doctor_page(request: Request, worker: HealthWorkerDep) -> HTMLResponse:
    ticket = issue_ticket(request.app, worker)  # sync route: in the thread pool (the key may be read)
    html = page.doctor_page(worker.name, ticket, request.app.state.config.telehealth_duty_hours)
    return HTMLResponse(html, headers={"Content-Security-Policy": CSP, "Cache-Control": "no-store",
                                       "Permissions-Policy": "camera=(self), microphone=(self)"})


@router.get("/telehealth/static/{name}", include_in_schema=False)
def static_file(name: str) -> FileResponse:
    if name not in STATIC_FILES:  # a fixed list: no path from the URL reaches the file system
        raise Problem(404, "not-found", detail="No such file.")
    return FileResponse(STATIC / name, media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"})


@router.get("/telehealth/api/list", summary="Waiting residents, missed calls and call-back requests")
async def work_list(request: Request, worker: HealthWorkerDep) -> dict[str, Any]:
    board = switchboard(request.app)
    work = await run_in_threadpool(th_store.work_list, request.app.state.db, board.grace)
    return {**work, "on_duty": await board.on_duty()}


@router.post("/telehealth/api/consultations/{cid}/note", summary="Save the doctor's note and advice",
             dependencies=[CsrfDep])
async def save_note(cid: str, request: Request, worker: HealthWorkerDep) -> JSONResponse:
    try:
        body = await request.json()
        if not isinstance(body, dict):
            raise BadMessage("the body must be a JSON object")
        msg = parse_doctor(json.dumps({**body, "type": "note", "consultation_id": cid}))
    except ValueError as exc:
        raise Problem(422, "invalid-request", detail=str(exc)) from exc
    ok = await run_in_threadpool(th_store.save_note, request.app.state.db, cid, worker.name, msg["note"], msg["advice"])
    if not ok:
        raise Problem(404, "not-found", detail="No consultation of yours with that id.")
    return JSONResponse({"consultation_id": cid, "saved": True})


@router.get("/v1/telehealth/status", summary="Kiosk: who is on duty, the expected wait, the duty hours")
async def kiosk_status(request: Request, kiosk: KioskDep) -> dict[str, Any]:
    return await switchboard(request.app).status()


@router.websocket("/v1/telehealth/ws")
async def kiosk_socket(ws: WebSocket) -> None:
    token = _bearer(ws)
    kiosk = await run_in_threadpool(hub_store.kiosk_for_token, ws.app.state.db, token) if token else None
    if kiosk is None:
        await ws.close(code=POLICY_CLOSE, reason="unknown kiosk token")
        return
    await ws.accept()
    board, link = switchboard(ws.app), None
    try:
        first = parse_kiosk(await ws.receive_text())
        if first["type"] == "request":
            link = await board.kiosk_request(ws, kiosk.id, first)
        elif first["type"] == "resume":
            link = await board.kiosk_resume(ws, kiosk.id, first["consultation_id"])
        if link is None:
            await ws.close()
            return
        while True:
            await _kiosk_message(board, link, ws, await ws.receive_text())
            if link.over:
                await ws.close()
                return
    except WebSocketDisconnect:
        pass
    except BadMessage as exc:
        log.warning("kiosk %s: bad first message: %s", kiosk.id, exc)
        await ws.close(code=POLICY_CLOSE, reason=str(exc)[:120])
    if link is not None:
        await board.kiosk_lost(link)


async def _kiosk_message(board: Switchboard, link: KioskLink, ws: WebSocket, raw: str) -> None:
    try:
        msg = parse_kiosk(raw)
    except BadMessage as exc:
        log.warning("consultation %s: bad kiosk message: %s", link.cid, exc)
        await ws.send_json({"type": "error", "detail": str(exc)})
        return
    await board.from_kiosk(link, msg)


@router.websocket("/telehealth/ws")
async def doctor_socket(ws: WebSocket) -> None:
    ticket = await run_in_threadpool(worker_for_ticket, ws.app, ws.query_params.get("ticket", ""))
    origin = ws.headers.get("origin")
    host = ws.headers.get("host")
    # Cross-site WebSocket hijacking: a page elsewhere cannot use a doctor's session from our origin.
    foreign = origin is not None and origin.split("://", 1)[-1] != host
    worker = None if ticket is None or foreign else await run_in_threadpool(worker_for_session_cookie, ws)
    if worker is None:
        await ws.close(code=POLICY_CLOSE, reason="sign in again")
        return
    await ws.accept()
    board = switchboard(ws.app)
    doc = await board.doctor_joined(ws, worker.name)
    try:
        while True:
            raw = await ws.receive_text()
            try:
                msg = parse_doctor(raw)
            except BadMessage as exc:
                await ws.send_json({"type": "error", "detail": str(exc)})
                continue
            await board.from_doctor(ws, doc, msg)
    except WebSocketDisconnect:
        pass
    finally:
        await board.doctor_left(ws)
