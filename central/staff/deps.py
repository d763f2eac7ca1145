"""FastAPI dependencies of staff routes: who is signed in (`require_staff`), CSRF (`verify_csrf`, `csrf_input`).

Usage in another area of the hub:

    @router.post("/office/x", dependencies=[Depends(verify_csrf)])
    def x(user: Annotated[StaffUser, Depends(require_staff("officer"))]) -> ...

Sessions are looked up once per request (cached on request.state). Sync parts run in Starlette's thread pool."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import Depends, Request
from markupsafe import Markup, escape

from central.problems import Problem
from central.staff import ROLES, StaffUser
from central.staff.sessions import ActiveSession, lookup

__all__ = ["ROLES", "LoginRequired", "StaffUser", "csrf_input", "csrf_token", "current_session", "require_staff",
           "verify_csrf"]

COOKIE = "tcds_staff"  # on http://127.0.0.1 (development, LocalHub)
SECURE_COOKIE = "__Host-tcds_staff"  # everywhere else: Secure, host-only, path=/
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", "testserver"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
_UNSET = object()


class LoginRequired(Exception):
    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path

    @property
    def location(self) -> str:
        return "/staff/login?next=" + quote(self.next_path, safe="/")


def secure_cookies(request: Request) -> bool:
    """Secure cookies unless the browser talks plain HTTP to this machine itself (development, LocalHub)."""
    return request.url.scheme == "https" or (request.url.hostname or "") not in LOOPBACK_HOSTS


def cookie_name(request: Request) -> str:
    return SECURE_COOKIE if secure_cookies(request) else COOKIE


def current_session(request: Request) -> ActiveSession | None:
    cached = getattr(request.state, "staff_session", _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[return-value]
    token = request.cookies.get(cookie_name(request), "")
    config = request.app.state.config
    active = lookup(request.app.state.db, token, timedelta(minutes=config.staff_idle_minutes)) if token else None
    request.state.staff_session = active
    return active


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def require_staff(*roles: str) -> Callable[..., StaffUser]:
    """A dependency returning the signed-in StaffUser. Not signed in: 303 to the sign-in page for browsers,
    401 problem for scripts; signed in without one of `roles`: 403. No roles: any staff member."""
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown staff roles: {unknown}")

    def dependency(request: Request, active: Annotated[ActiveSession | None, Depends(current_session)]) -> StaffUser:
        if active is None:
            if wants_html(request):
                raise LoginRequired(request.url.path if request.method == "GET" else "/")
            raise Problem(401, "unauthorized", "Unauthorized", "Sign in at /staff/login first (a staff session).")
        if not active.user.has_role(*roles):
            raise Problem(403, "forbidden-role", "Forbidden",
                          f"This needs one of the roles: {', '.join(roles)}.", required_roles=list(roles))
        return active.user

    dependency.__name__ = f"require_staff_{'_'.join(roles) or 'any'}"
    return dependency


def csrf_token(request: Request) -> str:
    active = getattr(request.state, "staff_session", None)
    return active.csrf_token if isinstance(active, ActiveSession) else ""


def csrf_input(request: Request) -> Markup:
    """The hidden form field every staff form carries (empty outside a staff session)."""
    token = csrf_token(request)
    return Markup(f'<input type="hidden" name="csrf_token" value="{escape(token)}">') if token else Markup("")


def _same_origin(request: Request, origin: str) -> bool:
    own = {request.headers.get("host", "").lower()}
    public = request.app.state.config.public_url
    if public:
        own.add(urlsplit(public).netloc.lower())
    return urlsplit(origin).netloc.lower() in own


def _refuse(type_: str, detail: str, status: int = 403) -> Problem:
    return Problem(status, type_, None, detail)


async def verify_csrf(request: Request,
                      active: Annotated[ActiveSession | None, Depends(current_session)]) -> None:
    """State-changing staff requests: same-origin only, an allowed content type, and the session's CSRF token
    (form field `csrf_token`, or header `X-CSRF-Token`; JSON bodies only with the header)."""
    if request.method in SAFE_METHODS:
        return
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise _refuse("cross-site-request", "Staff actions must come from the hub's own pages.")
    origin = request.headers.get("origin")
    if origin is not None and (origin == "null" or not _same_origin(request, origin)):
        raise _refuse("cross-site-request", "Staff actions must come from the hub's own pages.")
    if active is None:
        raise Problem(401, "unauthorized", "Unauthorized", "Sign in at /staff/login first (a staff session).")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    given = request.headers.get("x-csrf-token", "")
    if media in FORM_TYPES:
        if not given:
            form = await request.form()
            field = form.get("csrf_token")
            given = field if isinstance(field, str) else ""
    elif media == "application/json" or (not media and not body):
        pass  # the header is the only place: a cross-site page cannot set it without a CORS preflight
    else:
        raise _refuse("unsupported-media-type", "Staff requests are forms, multipart uploads or JSON.", 415)
    if not given or not hmac.compare_digest(given.encode("utf-8", "replace"), active.csrf_token.encode()):
        raise _refuse("csrf-token", "The form is out of date or forged: reload the page and try again.")
