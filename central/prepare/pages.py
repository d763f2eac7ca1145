"""The phone pages of "Chuẩn bị hồ sơ tại nhà": a list of procedures, one form per procedure, and the signed QR.

Public (no sign-in), phone first, Vietnamese. The questions are the procedure's dossier form from the catalogue the
kiosks use, minus what the ID card gives at the station (core.formats.prepared.phone_fields); the answers pass the
kiosk's own checks (core.dossier_rules). Nothing is kept until they pass and the resident agrees to the keeping."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response
from starlette.templating import Jinja2Templates

from central.api import _db
from central.office.render import CSP
from central.prepare import store
from central.prepare.catalogue import PhoneCatalogue
from central.ratelimit import DraftCreationLimit
from core.dossier_rules import MAX_TEXT, check_answers, normalise
from core.formats.prepared import phone_fields

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
router = APIRouter(tags=["prepare at home"])
templates = Jinja2Templates(directory=str(HERE / "templates"))

VN_OFFSET = timedelta(hours=7)
CATALOGUE = PhoneCatalogue()
ERRORS_VI = {  # the kiosk form's messages (screens/dossier/form.py), in the polite Vietnamese of the glossary
    "form.required": "Vui lòng điền thông tin này.",
    "form.date": "Vui lòng viết ngày theo dạng ngày/tháng/năm, ví dụ 15/03/1985.",
    "form.id_number": "Số định danh có 12 chữ số (hoặc 9 chữ số trên chứng minh nhân dân cũ).",
    "form.phone": "Số điện thoại có 10 chữ số và bắt đầu bằng số 0.",
    "form.choice": "Vui lòng chọn một trong các lựa chọn.",
    "form.email": "Địa chỉ thư điện tử chưa đúng.",
}
CONSENT_ERROR = "Vui lòng đánh dấu đồng ý để phường giữ thông tin đến khi Ông/Bà dùng mã tại trạm."


DRAFTS_PER_HOUR = 30  # from one client address (central.ratelimit.DraftCreationLimit, shared by hub processes)


def vn_datetime(value: datetime) -> str:
    local = value.astimezone(UTC) + VN_OFFSET
    return local.strftime("%H:%M ngày %d/%m/%Y")


def _page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"  # a page with the resident's answers or QR stays off caches
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _ttl_days(request: Request) -> float:
    return float(getattr(request.app.state.config, "draft_ttl_days", 7))


@router.get("/prepare", summary="Prepare a dossier at home: the procedures")
def procedures(request: Request) -> Response:
    catalogue = CATALOGUE.current(_db(request))
    # only procedures with a form can be prepared (the hand-curated ones have none yet)
    groups = [(info.name_vi, sorted((p for p in catalogue.by_field(info.key) if p.form_fields),
                                    key=lambda p: p.name_vi)) for info in catalogue.fields()]
    groups = [(name, procs) for name, procs in groups if procs]
    return _page(request, "prepare_list.html", groups=groups, ttl_days=_ttl_days(request))


def _procedure(request: Request, code: str) -> Any:
    procedure = CATALOGUE.current(_db(request)).get(code[:16])
    return procedure if procedure is not None and procedure.form_fields else None


def _form(request: Request, procedure: Any, answers: dict[str, str], errors: dict[str, str],
          consent: bool = True, status_code: int = 200) -> Response:
    return _page(request, "prepare_form.html", status_code=status_code, p=procedure,
                 fields=phone_fields(procedure.form_fields), answers=answers, errors=errors, messages=ERRORS_VI,
                 consent=consent, consent_error=CONSENT_ERROR, max_text=MAX_TEXT, ttl_days=_ttl_days(request))


@router.get("/prepare/{code}", summary="Prepare a dossier at home: the form of one procedure")
def form(request: Request, code: str) -> Response:
    procedure = _procedure(request, code)
    if procedure is None:
        return _page(request, "prepare_missing.html", status_code=404)
    return _form(request, procedure, {}, {})


@router.post("/prepare/{code}", summary="Check the answers; keep them and show the signed QR")
async def submit(request: Request, code: str) -> Response:
    procedure = _procedure(request, code)
    if procedure is None:
        return _page(request, "prepare_missing.html", status_code=404)
    posted = await request.form(max_files=0, max_fields=200)
    fields = phone_fields(procedure.form_fields)
    answers = {f.key: normalise(f.type, str(posted.get(f.key) or "")) for f in fields}
    errors = check_answers(fields, answers)
    consent = posted.get("consent") == "yes"
    if errors or not consent:
        return _form(request, procedure, answers, errors, consent, status_code=422)
    address = request.client.host if request.client else "?"
    limit = DraftCreationLimit(_db(request), DRAFTS_PER_HOUR)
    if not await run_in_threadpool(limit.allow, address):
        log.warning("prepared drafts: creation limit reached for one address")
        return _page(request, "prepare_busy.html", status_code=429)
    kept = {k: v for k, v in answers.items() if v}
    ref = await run_in_threadpool(store.create, _db(request), procedure.code, kept, _ttl_days(request))
    import segno

    qr = segno.make_qr(ref.payload, error="m")
    expires = datetime.fromtimestamp(ref.expires_at, UTC)
    return _page(request, "prepare_qr.html", p=procedure, qr_png=qr.png_data_uri(scale=8, border=4),
                 expires=vn_datetime(expires), documents=procedure.required_documents)
