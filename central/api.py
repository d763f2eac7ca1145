"""The kiosk API, version 1 (docs/hub-api.md): enrolment, submissions, attachments, tracking, payments,
heartbeat (the catalogue: central/catalog_api.py). Sync handlers run in Starlette's thread pool (SQL is blocking)."""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid as uuidlib
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from central import alerts, metrics, records, store
from central.config import HubConfig
from central.dashboard import VN
from central.db import Database
from central.models import Kiosk
from central.problems import Problem
from central.security import unauthorized
from core import wire

router = APIRouter(prefix="/v1")
_bearer = HTTPBearer(auto_error=False, description="The kiosk token returned by enrolment")
ATTACHMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL; refuse it everywhere so both databases answer alike (422, not 500).
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


def _path_text(value: str) -> str:
    if "\x00" in value or len(value) > 200:
        raise Problem(404, "not-found", detail="No such resource.")
    return value.strip()


def _db(request: Request) -> Database:
    db: Database = request.app.state.db  # set by central.app.create_app
    return db


def _config(request: Request) -> HubConfig:
    config: HubConfig = request.app.state.config  # set by central.app.create_app
    return config


def current_kiosk(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Kiosk:
    """Bearer auth on every kiosk endpoint: 401 problem when missing or unknown."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise unauthorized("Send the kiosk token as `Authorization: Bearer <token>`.")
    kiosk = store.kiosk_for_token(_db(request), credentials.credentials)
    if kiosk is None:
        raise unauthorized("Unknown kiosk token; enrol the kiosk again.")
    return kiosk


KioskDep = Annotated[Kiosk, Depends(current_kiosk)]


class EnrollRequest(BaseModel):
    code: Text = Field(min_length=1, max_length=32)
    station_code: Text = Field(min_length=1, max_length=32)
    name: Text = Field(default="", max_length=200)
    version: Text = Field(default="", max_length=40)


class SubmissionBatch(BaseModel):
    items: list[Any] = Field(max_length=wire.MAX_BATCH_ITEMS,
                             description="Items are validated one by one (see the contract).")

    model_config = {"json_schema_extra": {"examples": [{"items": [{
        "id": "0b7c1f6e-3f4a-4a51-9a43-3f8f1b6f0c2d", "kind": "dossier", "schema_version": 1,
        "created_at": "2026-11-21T10:20:00+07:00", "local_ref": "BN01-261121-0007",
        "payload": {"procedure_code": "1.004222", "fee": {"amount": 20000}}}]}]}}


class HeartbeatRequest(BaseModel):
    """core.wire.HeartbeatBody, validated."""

    version: Text = Field(default="", max_length=wire.MAX_VERSION_CHARS)
    queue: dict[str, Annotated[int, Field(ge=0)]] = Field(default_factory=dict,
                                                          max_length=wire.MAX_HEARTBEAT_QUEUE_KEYS)
    oldest_unsent_age_seconds: float | None = Field(default=None, ge=0, le=10 * 365 * 86400, allow_inf_nan=False)
    last_sync_at: Text | None = Field(default=None, max_length=64)
    last_error: Text | None = None  # truncated to 500 characters when stored
    devices: dict[str, Any] = Field(default_factory=dict, max_length=wire.MAX_HEARTBEAT_DEVICES)
    interval_seconds: int | None = Field(default=None, ge=1, le=86400)  # the kiosk's heartbeat period


class AlertRequest(BaseModel):
    id: Text = Field(min_length=36, max_length=36, description="The kiosk's UUID for this alert (idempotency)")
    kind: Text = Field(pattern="^(help|health)$")
    created_at: Text = Field(max_length=40)
    screen: Text | None = Field(default=None, max_length=64)
    readings: dict[str, Any] | None = Field(default=None, description="health: values, units and device labels")


class PaymentRequest(BaseModel):
    reference: Text = Field(min_length=1, max_length=64)
    amount: int = Field(gt=0, le=1_000_000_000, strict=True)
    purpose: Text = Field(min_length=1, max_length=140)


@router.post("/kiosks/enroll", status_code=201, summary="Enrol a kiosk with a one-time code")
def enroll(body: EnrollRequest, request: Request) -> dict[str, Any]:
    try:
        kiosk_id, token = store.enroll(_db(request), body.code, body.station_code.strip(), body.name.strip(),
                                       body.version.strip())
    except store.StationTaken as exc:
        raise Problem(409, "station-code-taken", "Station code in use",
                      f"Mã trạm {body.station_code.strip().upper()} đã được một trạm khác sử dụng. Vui lòng đặt mã "
                      "trạm khác trong cấu hình, hoặc nhờ quản trị viên cho trạm cũ ngừng hoạt động. / Another "
                      "kiosk already uses this station code: set another code, or have staff retire the old "
                      "kiosk.", station_code=body.station_code.strip().upper()) from exc
    except store.EnrolmentError as exc:
        raise Problem(400, "enrolment-code-invalid", "Invalid enrolment code",
                      "The code is unknown, already used or expired; ask for a new one.") from exc
    payee = _config(request).effective_payee
    return {"kiosk_id": kiosk_id, "token": token, "payee": payee.as_json() if payee else None}


@router.post("/submissions", summary="Submit a batch of queued items (idempotent per item id)")
async def submit(body: SubmissionBatch, request: Request,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                 idempotency_key: Annotated[str | None, Header(max_length=100)] = None) -> JSONResponse:
    # The busiest route: the token check and the batch share one trip to the thread pool (a sync dependency
    # would cost one more). One transaction for the whole batch, written set-wise (records.ingest_batch).
    return await run_in_threadpool(_submit, request, credentials, body.items)


def _submit(request: Request, credentials: HTTPAuthorizationCredentials | None, items: list[Any]) -> JSONResponse:
    kiosk = current_kiosk(request, credentials)
    started = time.perf_counter()
    results = records.ingest_batch(_db(request), kiosk.id, items)
    metrics.count_results(results, time.perf_counter() - started)
    return JSONResponse({"results": results})  # plain JSON already: skips FastAPI's generic re-encoding


@router.put("/submissions/{submission_id}/attachments/{name}", status_code=201,
            summary="Upload a document photo (idempotent by content hash)",
            responses={200: {"description": "The same content was already stored"}})
async def put_attachment(submission_id: str, name: str, request: Request, kiosk: KioskDep,
                         digest: Annotated[str | None, Header(alias="Digest-SHA256")] = None) -> Response:
    if not ATTACHMENT_NAME.match(name):
        raise Problem(422, "invalid-attachment-name", detail="Names are 1-128 of A-Z a-z 0-9 . _ - .")
    data = await request.body()
    if digest is None or not HEX64.match(digest.strip()):
        raise Problem(422, "digest-missing", detail="Send `Digest-SHA256: <64 hex digits>` of the body.")
    if hashlib.sha256(data).hexdigest() != digest.strip().lower():
        raise Problem(422, "digest-mismatch", detail="The body does not match Digest-SHA256.")
    content_type = (request.headers.get("content-type") or "application/octet-stream")[:100]
    status = await run_in_threadpool(records.put_attachment, _db(request), _path_text(submission_id), name, data,
                                     content_type.replace("\x00", ""), kiosk.id)
    return JSONResponse({"submission_id": submission_id, "name": name, "sha256": digest.strip().lower(),
                         "size": len(data)}, status_code=status)


@router.get("/dossiers/{reference}", summary="Status and history by hub reference or the kiosk's local reference")
def dossier(reference: str, request: Request, kiosk: KioskDep) -> dict[str, Any]:
    request.app.state.tracking_limit.check(kiosk.id)
    reference = _path_text(reference)
    try:
        return records.track(_db(request), reference, kiosk.id)
    except Problem as exc:
        if exc.status == 404 and _config(request).demo and reference == wire.demo_sample_ref(kiosk.station_code):
            # demo mode: the demo's own sample receipt is found (issue 17); made on first ask, never over a
            # real dossier with the same reference
            store.seed_demo_dossier(_db(request), kiosk.id, kiosk.station_code)
            return records.track(_db(request), reference, kiosk.id)
        if exc.status == 404:
            request.app.state.tracking_limit.miss(kiosk.id)
        raise


def _payee_or_503(request: Request) -> dict[str, str]:
    payee = _config(request).effective_payee
    if payee is None:
        raise Problem(503, "payee-not-configured", detail="The hub has no payee account configured.")
    return payee.as_json()


@router.post("/payments", status_code=201, summary="Create a fee payment (idempotent by Idempotency-Key)")
def create_payment(body: PaymentRequest, request: Request, kiosk: KioskDep,
                   idempotency_key: Annotated[str | None, Header(max_length=100)] = None) -> JSONResponse:
    payee = _payee_or_503(request)
    if not idempotency_key or not idempotency_key.strip():
        raise Problem(400, "idempotency-key-required", detail="Send `Idempotency-Key: <uuid>` with every payment.")
    payment, created = records.create_payment(_db(request), kiosk.id, idempotency_key.strip(), body.model_dump(),
                                              _config(request).payment_ttl_seconds)
    headers = {} if created else {"Idempotent-Replayed": "true"}
    return JSONResponse(records.payment_json(payment, payee), status_code=201, headers=headers)


@router.get("/payments/{payment_id}", summary="A payment and whether it was paid")
def get_payment(payment_id: str, request: Request, kiosk: KioskDep) -> dict[str, Any]:
    payee = _config(request).effective_payee
    payment = records.get_payment(_db(request), _path_text(payment_id), kiosk.id)
    return records.payment_json(payment, payee.as_json() if payee else None)


@router.post("/heartbeat", summary="The kiosk's queue counts, last sync, device states (latest kept)")
def heartbeat(body: HeartbeatRequest, request: Request, kiosk: KioskDep) -> dict[str, Any]:
    beat = body.model_dump()
    if beat["last_error"]:
        beat["last_error"] = beat["last_error"][:500]
    if beat["last_sync_at"]:
        beat["last_sync_at"] = beat["last_sync_at"][:40]
    now = store.record_heartbeat(_db(request), kiosk.id, beat)
    devices = beat.get("devices") or {}
    faults = sum(1 for d in devices.values() if _device_state(d) not in ("ok", "ready", "idle", "disabled"))
    unsent = sum(v for k, v in beat["queue"].items() if k in ("queued", "sending", "retry", "rejected"))
    alerts.log_heartbeat(_db(request), kiosk.id, now, unsent, faults)
    # The registry answer lets the kiosk label readings from unregistered or past-calibration devices.
    return {"server_time": now.isoformat(),
            "device_registry": alerts.registry_status(_db(request), devices, now.astimezone(VN).date())}


def _device_state(device: Any) -> str:
    return str(device.get("state", "") if isinstance(device, dict) else device)


@router.post("/alerts", status_code=201, summary="Raise an alert: a call for help or a crisis health reading",
             responses={200: {"description": "The same alert id was already received (a retry)"}})
def raise_alert(body: AlertRequest, request: Request, kiosk: KioskDep) -> JSONResponse:
    try:
        alert_id = str(uuidlib.UUID(body.id))
        if datetime.fromisoformat(body.created_at).tzinfo is None:
            raise ValueError("no offset")
    except ValueError as exc:
        raise Problem(422, "invalid-request", detail="id must be a UUID, created_at ISO 8601 with an offset") from exc
    readings = body.readings
    if readings is not None and len(json.dumps(readings)) > 4000:
        raise Problem(422, "invalid-request", detail="readings are too large")
    view, created = alerts.raise_alert(_db(request), kiosk.id, alert_id, body.kind, body.created_at,
                                       body.screen, readings if body.kind == "health" else None)
    return JSONResponse(alerts.alert_json(view), status_code=201 if created else 200)


@router.get("/alerts/{alert_id}", summary="Whether a staff member has acknowledged the alert")
def get_alert(alert_id: str, request: Request, kiosk: KioskDep) -> dict[str, Any]:
    return alerts.alert_json(alerts.get_alert(_db(request), _path_text(alert_id).lower(), kiosk.id))
