"""RFC 9457 problem details: one exception type and the handlers that turn every error into problem+json."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

log = logging.getLogger(__name__)
TYPE_BASE = "https://tramcongdanso.vn/problems/"
MEDIA_TYPE = "application/problem+json"


def problem_body(status: int, type_: str, title: str | None = None, detail: str | None = None,
                 **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": type_ if type_.startswith(("http", "about:")) else TYPE_BASE + type_,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or "",
    }
    body.update(extra)
    return body


def problem_response(status: int, type_: str, title: str | None = None, detail: str | None = None,
                     headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(problem_body(status, type_, title, detail, **extra), status_code=status,
                        media_type=MEDIA_TYPE, headers=headers)


class Problem(Exception):
    """Raise from a handler to answer with a problem document."""

    def __init__(self, status: int, type_: str, title: str | None = None, detail: str | None = None,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail or type_)
        self.status, self.type, self.title, self.detail = status, type_, title, detail
        self.headers, self.extra = headers, extra

    def response(self) -> JSONResponse:
        return problem_response(self.status, self.type, self.title, self.detail, self.headers, **self.extra)


_GENERIC_TYPES = {404: "not-found", 405: "method-not-allowed", 413: "payload-too-large", 401: "unauthorized"}


def install(app: FastAPI) -> None:
    """Register the handlers so 404/405/422/500 from FastAPI and Starlette are problems too."""

    @app.exception_handler(Problem)
    async def _problem(_request: Request, exc: Problem) -> JSONResponse:
        return exc.response()

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        type_ = _GENERIC_TYPES.get(status, f"http-{status}")
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != HTTPStatus(status).phrase else ""
        return problem_response(status, type_, detail=detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e.get("type")}
                  for e in exc.errors()[:20]]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        detail = f"{'.'.join(first['loc'])}: {first['msg']}" if first["loc"] else str(first["msg"])
        return problem_response(422, "invalid-request", "Unprocessable Content", detail, errors=errors)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error: %s", type(exc).__name__)
        return problem_response(500, "internal-error", detail="The hub failed; the request can be retried.")
