"""ASGI middleware: request body size limits (413 problem) for every route; runs on the server's event loop."""

from __future__ import annotations

import json

from central.problems import problem_body

DRAIN_LIMIT = 64 * 1024 * 1024  # read (and drop) at most this much of an oversize body so the client sees our 413


class BodyLimit:
    """Buffers the body up to the route's limit; answers 413 instead of passing an oversize body on."""

    def __init__(self, app, json_limit: int, attachment_limit: int) -> None:  # type: ignore[no-untyped-def]
        self.app, self.json_limit, self.attachment_limit = app, json_limit, attachment_limit

    def limit_for(self, scope) -> int:  # type: ignore[no-untyped-def]
        if scope["method"] == "PUT" and "/attachments/" in scope["path"]:
            return self.attachment_limit
        return self.json_limit

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = dict(scope["headers"]).get(b"content-length")
        too_big = False
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = False
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            more = message.get("more_body", False)
            if size > limit:
                too_big = True
            if too_big:
                if size > DRAIN_LIMIT:
                    break
                continue
            chunks.append(body)
        if too_big:
            await self._reject(send, limit)
            return
        replayed = False

        async def replay():  # type: ignore[no-untyped-def]
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _reject(send, limit: int) -> None:  # type: ignore[no-untyped-def]
        body = json.dumps(problem_body(413, "payload-too-large", "Content Too Large",
                                       f"The request body is larger than {limit} bytes.", max_bytes=limit)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/problem+json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
