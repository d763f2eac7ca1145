"""Staff routes: sign-in, sign-out, who am I, the audit log (page and CSV), the stylesheet; `install(app)`."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from central.problems import Problem
from central.staff import StaffUser, accounts, audit, pages, sessions
from central.staff.deps import (
    COOKIE,
    SECURE_COOKIE,
    LoginRequired,
    _same_origin,
    cookie_name,
    csrf_input,
    current_session,
    require_staff,
    secure_cookies,
    verify_csrf,
    wants_html,
)
from central.staff.sessions import ActiveSession

router = APIRouter(prefix="/staff", tags=["staff"])
AUDIT_PAGE = 100
EXTRA_CSS = """
.login{max-width:28rem;margin:3rem auto;background:#fff;border:1px solid #d0d4da;padding:1rem 1.5rem}
.login label{display:block;margin:.8rem 0}.login input{display:block;width:100%;font-size:1rem;padding:.4rem;
box-sizing:border-box}.login button{font-size:1rem;padding:.4rem 1rem}.who{float:right}.big{font-size:2rem}
.demo-row{display:flex;gap:1rem;align-items:center}
"""


def safe_next(value: str | None) -> str:
    """Only a path on this hub (no //host, no scheme, no backslash): an open redirect helps phishing."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value or len(value) > 500:
        return "/"
    return value if value.isprintable() else "/"


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _check_origin(request: Request) -> None:
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if (site is not None and site not in ("same-origin", "none")) or (
            origin is not None and (origin == "null" or not _same_origin(request, origin))):
        raise Problem(403, "cross-site-request", None, "Sign in on the hub's own page.")


@router.get("/staff.css", include_in_schema=False)
def stylesheet() -> Response:
    from central.dashboard import CSS

    return Response(CSS + EXTRA_CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/login", response_class=HTMLResponse, summary="Staff sign-in page")
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    message = request.query_params.get("m", "")
    return HTMLResponse(pages.login_page(safe_next(next), message if message == "signed_out" else ""))


@router.post("/login", summary="Sign in (form: username, password, totp, next)")
async def login_submit(request: Request) -> Response:
    _check_origin(request)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise Problem(415, "unsupported-media-type", None, "Sign in with the form (url-encoded fields).")
    form = await request.form()

    def text(name: str, limit: int) -> str:
        value = form.get(name)
        return value[:limit] if isinstance(value, str) else ""

    username, password, code = text("username", 64), text("password", 1024), text("totp", 16)
    next_path = safe_next(text("next", 500))
    db, config = request.app.state.db, request.app.state.config
    html = wants_html(request) or "application/json" not in request.headers.get("accept", "")
    try:
        user = await run_in_threadpool(accounts.authenticate, db, username, password, code, client_address(request))
    except accounts.LoginRefused as refused:
        status = 429 if refused.reason == "throttled" else 401
        headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else None
        if html:
            return HTMLResponse(pages.login_page(next_path, refused.reason, refused.retry_after), status_code=status,
                                headers=headers)
        raise Problem(status, "login-refused", None, pages.MESSAGES[refused.reason].format(
            minutes=max(1, (refused.retry_after + 59) // 60)), headers=headers, reason=refused.reason) from None
    lifetime = timedelta(hours=config.staff_session_hours)
    token, csrf = await run_in_threadpool(sessions.start, db, user, client_address(request), lifetime)
    await run_in_threadpool(audit.record_now, db, user, "staff.login", user.username, None,
                            {"address": client_address(request)})
    response: Response = (RedirectResponse(next_path, status_code=303) if html else
                          JSONResponse({"username": user.username, "role": user.role, "csrf_token": csrf}))
    response.set_cookie(cookie_name(request), token, max_age=int(lifetime.total_seconds()), path="/",
                        secure=secure_cookies(request), httponly=True, samesite="strict")
    return response


@router.post("/logout", summary="Sign out (ends the session on every hub process)",
             dependencies=[Depends(verify_csrf)])
async def logout(request: Request, active: Annotated[ActiveSession | None, Depends(current_session)]) -> Response:
    if active is not None:
        await run_in_threadpool(sessions.end, request.app.state.db, active.token_hash)
        await run_in_threadpool(audit.record_now, request.app.state.db, active.user, "staff.logout",
                                active.user.username, None, None)
    response: Response = (RedirectResponse("/staff/login?m=signed_out", status_code=303) if wants_html(request)
                          else JSONResponse({"signed_out": True}))
    for name in (COOKIE, SECURE_COOKIE):
        response.delete_cookie(name, path="/", secure=name == SECURE_COOKIE, httponly=True, samesite="strict")
    return response


@router.get("/me", summary="The signed-in staff member and the session's CSRF token (for scripts)")
def me(request: Request, user: Annotated[StaffUser, Depends(require_staff())]) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "display_name": user.display_name, "role": user.role,
            "csrf_token": current_session(request).csrf_token}  # type: ignore[union-attr]


@router.get("/audit", response_class=HTMLResponse, summary="The audit log (administrators)")
def audit_log(request: Request, user: Annotated[StaffUser, Depends(require_staff("admin"))],
              page: int = 1) -> HTMLResponse:
    page = max(1, min(page, 1_000_000))
    rows = audit.entries(request.app.state.db, limit=AUDIT_PAGE + 1, offset=(page - 1) * AUDIT_PAGE)
    return HTMLResponse(pages.audit_page(rows[:AUDIT_PAGE], user, pages.logout_form(csrf_input(request)), page,
                                         len(rows) > AUDIT_PAGE))


@router.get("/audit.json", summary="The audit log as JSON (administrators)")
def audit_json(request: Request, _: Annotated[StaffUser, Depends(require_staff("admin"))], limit: int = 200,
               offset: int = 0, actor: str | None = None) -> dict[str, Any]:
    rows = audit.entries(request.app.state.db, limit=max(1, min(limit, 5000)), offset=max(0, offset), actor=actor)
    return {"entries": rows}


@router.get("/audit.csv", summary="Export the whole audit log as CSV (administrators)")
def audit_csv(request: Request, user: Annotated[StaffUser, Depends(require_staff("admin"))]) -> Response:
    db = request.app.state.db
    rows = audit.entries(db, limit=audit.count(db) + 1)
    audit.record_now(db, user, "audit.export", "audit_log", None, {"rows": len(rows)})
    return Response(audit.to_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'})


def install(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(_request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(exc.location, status_code=303)

    app.include_router(router)
