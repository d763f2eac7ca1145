"""Officer pages: the inbox of dossiers and reports, a case page (fields, photos, fee, history, assign, status
moves with a note for the resident, a print sheet the browser prints or saves as PDF, CSV export), and alerts with
acknowledge. Sync handlers: Starlette's
thread pool runs them (SQL is blocking)."""

from __future__ import annotations

import csv
import io
import logging
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from central import alerts, records
from central.models import utcnow
from central.office import auth, queries, words
from central.office.auth import StaffUser
from central.office.render import page
from central.problems import Problem

log = logging.getLogger(__name__)
router = APIRouter(prefix="/office", tags=["office"])
Reader = Annotated[StaffUser, Depends(auth.require_staff(*auth.READ_CASES))]
Caseworker = Annotated[StaffUser, Depends(auth.require_staff(*auth.CASEWORK))]
AnyStaff = Annotated[StaffUser, Depends(auth.require_staff(*auth.ANY_STAFF))]
Csrf = Depends(auth.verify_csrf)


async def form_fields(request: Request) -> dict[str, str]:
    """An url-encoded form body (untrusted): the last value of each field, NULs dropped, 2,000 characters max."""
    from urllib.parse import parse_qs

    raw = await request.body()
    if len(raw) > 20_000:
        raise Problem(413, "too-large", detail="The form is too large.")
    return {k: v[-1].replace("\x00", "")[:2000] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


Fields = Annotated[dict[str, str], Depends(form_fields)]


def _db(request: Request) -> Any:
    return request.app.state.db


def _may_see(user: StaffUser, kind: str) -> bool:
    return user.has_role(*auth.HEALTH) if kind == "health" else True


@router.get("", include_in_schema=False)
def office_root() -> RedirectResponse:
    return RedirectResponse("/office/dossiers", status_code=303)


@router.get("/dossiers", summary="Inbox of dossiers")
def dossier_inbox(request: Request, user: Reader) -> Response:
    return _inbox(request, user, "dossier")


@router.get("/reports", summary="Inbox of public-order reports")
def report_inbox(request: Request, user: Reader) -> Response:
    return _inbox(request, user, "report")


def _inbox(request: Request, user: StaffUser, kind: str) -> Response:
    f = queries.Filters.parse(request.query_params, kind)
    result = queries.inbox(_db(request), f, utcnow())
    return page(request, "inbox.html", user=user, f=f, result=result, kind=kind,
                stations=queries.stations(_db(request)), alert_counts=_alert_counts(request, user))


def _alert_counts(request: Request, user: StaffUser) -> dict[str, int]:
    counts = alerts.open_alert_counts(_db(request))
    return {k: v for k, v in counts.items() if _may_see(user, k)}


def _case_or_404(request: Request, reference: str) -> queries.Case:
    found = queries.case(_db(request), reference[:64].replace("\x00", ""))
    if found is None or found.row.kind not in ("dossier", "report"):
        raise Problem(404, "unknown-reference", detail="No dossier or report with this reference.")
    return found


@router.get("/cases/{reference}", summary="One dossier or report")
def case_page(reference: str, request: Request, user: Reader) -> Response:
    c = _case_or_404(request, reference)
    labels = queries.field_labels(_db(request), c.row.procedure_code or "") if c.row.kind == "dossier" else {}
    report_lines = words.report_details(c.payload) if c.row.kind == "report" else []
    bhyt = words.bhyt_household(c.payload, c.personal) if c.row.kind == "dossier" else None
    return page(request, "case.html", user=user, c=c, kind=c.row.kind, labels=labels, moves=queries.MOVES[c.row.status],
                procedure=_procedure(request, c), report_lines=report_lines, bhyt=bhyt,
                can_act=user.has_role(*auth.CASEWORK), note_required=queries.NOTE_REQUIRED,
                alert_counts=_alert_counts(request, user), error=request.query_params.get("error", "")[:40])


@router.get("/cases/{reference}/attachments/{name}", summary="A document photo of a case")
def case_attachment(reference: str, name: str, request: Request, user: Reader) -> Response:
    c = _case_or_404(request, reference)
    found = queries.attachment(_db(request), c.row.seq, name[:128])
    if found is None:
        raise Problem(404, "not-found", detail="No such attachment.")
    data, ctype = found
    safe = ctype if ctype in ("image/jpeg", "image/png", "image/webp") else "application/octet-stream"
    return Response(data, media_type=safe, headers={"Cache-Control": "private, no-store",
                                                    "X-Content-Type-Options": "nosniff"})


@router.post("/cases/{reference}/status", summary="Move a case to a new status with a note for the resident",
             dependencies=[Csrf])
def move_case(reference: str, request: Request, user: Caseworker, fields: Fields) -> Response:
    c = _case_or_404(request, reference)
    status, note = fields.get("status", ""), fields.get("note", "").strip()[:500]
    back = f"/office/cases/{quote(c.row.reference or reference)}"
    if status not in queries.MOVES[c.row.status]:
        return RedirectResponse(back + "?error=move", status_code=303)
    if status in queries.NOTE_REQUIRED and not note:
        return RedirectResponse(back + "?error=note", status_code=303)
    records.set_status(_db(request), c.reference, status, note or None, actor=user)  # audited with the move
    log.info("case %s: %s -> %s by %s", c.row.reference, c.row.status, status, user.username)
    return RedirectResponse(back, status_code=303)


@router.post("/cases/{reference}/assign", summary="Assign a case to an officer", dependencies=[Csrf])
def assign_case(reference: str, request: Request, user: Caseworker, fields: Fields) -> Response:
    c = _case_or_404(request, reference)
    who = fields.get("assignee", "").strip()[:100] or user.username
    queries.assign(_db(request), c.row.seq, who, user)
    return RedirectResponse(f"/office/cases/{quote(c.reference)}", status_code=303)


@router.get("/cases/{reference}/print", summary="A case as a print sheet (the browser prints it or saves a PDF)")
def print_case(reference: str, request: Request, user: Caseworker) -> Response:
    c = _case_or_404(request, reference)
    auth.record_now(_db(request), user, "case.print", c.reference, None, None)
    return page(request, "case_print.html", user=user, c=c, kind=c.row.kind, lines=_case_fields(request, c),
                now=utcnow())


@router.get("/cases/{reference}/export.csv", summary="A case as CSV (fields and history)")
def export_case(reference: str, request: Request, user: Caseworker) -> Response:
    c = _case_or_404(request, reference)
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Mục", "Giá trị"])
    for key, value in _case_fields(request, c):
        w.writerow([key, value])
    w.writerow([])
    w.writerow(["Thời gian", "Trạng thái", "Ghi chú cho người dân", "Cán bộ"])
    for e in c.events:
        w.writerow([e.at.isoformat(), records.STATUSES.get(e.status, e.status), e.note or "", e.actor or ""])
    auth.record_now(_db(request), user, "case.export", c.reference, None, None)
    # BOM: spreadsheet programs then read the Vietnamese letters as UTF-8
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{c.row.reference}.csv"',
                             "Cache-Control": "private, no-store"})


def _procedure(request: Request, c: queries.Case) -> str:
    code = c.row.procedure_code or ""
    return words.procedure_name(code, queries.procedure_names(_db(request)), c.payload) if code else ""


def _case_fields(request: Request, c: queries.Case) -> list[tuple[str, str]]:
    """The export's lines, in words: the procedure's name, the form's labels, the report's category and place."""
    p, personal = c.payload, c.personal
    given = personal.get("identity")
    identity = given if isinstance(given, dict) else {}
    rows = [("Mã hồ sơ", c.row.reference or ""), ("Mã tại trạm", c.row.local_ref or ""),
            ("Trạm", f"{c.station} {c.station_name}".strip())]
    if c.row.kind == "dossier":
        rows += [("Thủ tục", _procedure(request, c)), ("Mã thủ tục", c.row.procedure_code or "")]
    rows += [("Người nộp", "Ẩn danh" if c.anonymous else str(identity.get("full_name") or "")),
             ("Trạng thái", records.STATUSES.get(c.row.status, c.row.status))]
    if c.row.kind == "report":
        rows += words.report_details(p)
    if c.row.kind == "dossier" and (bhyt := words.bhyt_household(p, personal)) is not None:
        rows += [("BHYT hộ gia đình", f"{bhyt['action']}, {bhyt['months']}, {bhyt['count']} người"),
                 *((f"Người thứ {m['n']}", f"{m['name']} · {m['id_number']} · {m['born']} · {m['amount']}")
                   for m in bhyt["people"]),
                 ("Tổng số tiền", f"{bhyt['total']} ({bhyt['total_words']})")]
    labels = queries.field_labels(_db(request), c.row.procedure_code or "") if c.row.kind == "dossier" else {}
    answers = p.get("answers")
    for key, value in sorted((answers if isinstance(answers, dict) else {}).items()):
        rows.append((labels.get(str(key), str(key)), str(value)))
    return rows


@router.get("/alerts", summary="Open alerts: calls for help and crisis health readings")
def alert_list(request: Request, user: AnyStaff) -> Response:
    show_all = request.query_params.get("all") == "1"
    items = [a for a in alerts.alerts(_db(request), open_only=not show_all) if _may_see(user, a.kind)]
    return page(request, "alerts.html", user=user, items=items, active="alerts", kind="", show_all=show_all,
                alert_counts=_alert_counts(request, user), now=utcnow())


@router.get("/alerts.json", summary="Open alert ids (polled by office.js to ring)")
def alert_feed(request: Request, user: AnyStaff) -> JSONResponse:
    items = [a for a in alerts.alerts(_db(request)) if _may_see(user, a.kind)]
    return JSONResponse({"open": [{"id": a.id, "kind": a.kind, "station": a.station_code} for a in items]},
                        headers={"Cache-Control": "no-store"})


@router.post("/alerts/{alert_id}/ack", summary="Acknowledge an alert (someone is going)", dependencies=[Csrf])
def acknowledge(alert_id: str, request: Request, user: AnyStaff) -> Response:
    current = alerts.get_alert(_db(request), alert_id[:36])
    if not _may_see(user, current.kind):
        raise Problem(403, "forbidden", "Forbidden", "Your role may not handle this alert.")
    after, before = alerts.acknowledge(_db(request), current.id, user)
    if before is not None:
        log.info("alert %s (%s, %s) acknowledged by %s", after.id, after.kind, after.station_code, user.username)
    back = request.headers.get("referer") or "/office/alerts"
    return RedirectResponse(back if back.startswith(str(request.base_url)) else "/office/alerts", status_code=303)
