"""ASGI middleware: security headers on every hub response (runs on the server's event loop).

CSP allows no script at all (staff pages are plain forms), styles only from the hub itself, and no framing
(clickjacking of staff buttons). Responses are `no-store` unless a route chose its own caching: dossiers,
payments and staff pages carry personal data that must not stay in a shared browser's or proxy's cache."""

from __future__ import annotations

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
# Referrer-Policy same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts, and the
# staff pages' same-origin check (central/staff/deps.py) then refuses every sign-in and form (found in chromium).
FIXED = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
         (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin"),
         (b"cross-origin-opener-policy", b"same-origin"), (b"cross-origin-resource-policy", b"same-origin")]
# FastAPI's interactive docs load their own script: they get the other headers, not the CSP.
DOCS_PATHS = ("/docs", "/openapi.json")


class SecurityHeaders:
    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(DOCS_PATHS)

        async def with_headers(message) -> None:  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in FIXED:
                    if name not in present and not (docs and name == b"content-security-policy"):
                        headers.append((name, value))
                if b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
