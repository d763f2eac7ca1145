"""ASGI middleware: request body size limits (413 problem) for every route; runs on the server's event loop."""

from __future__ import annotations

import json
import re
from itertools import accumulate

from central.problems import problem_body

DRAIN_LIMIT = 64 * 1024 * 1024  # read (and drop) at most this much of an oversize body so the client sees our 413
MAX_JSON_DEPTH = 32  # our deepest document is 4 levels; Python's parser hits its recursion limit near 1,000
# A string with escapes, as an "unrolled loop" (runs of plain characters, then one escape). This runs on every JSON
# body on the event loop, so the usual body (no escaped quote) takes a faster path: every quote then opens or
# closes a string, exactly as the parser will see them (a 35 kB batch: ~0.05 ms instead of ~1 ms).
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEPS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")  # opening 2, closing 0: minus 1 gives the step


def json_depth(raw: bytes) -> int:
    """Nesting depth of a JSON text (brackets inside strings ignored); no parsing, so no recursion."""
    outside = b"".join(raw.split(b'"')[0::2]) if b'\\"' not in raw else _STRING.sub(b"", raw)
    steps = outside.translate(_STEPS, _NOT_BRACKETS)
    return max(0, max(accumulate(b - 1 for b in steps), default=0))


def _looks_like_json(scope, first: bytes) -> bool:  # type: ignore[no-untyped-def]
    ctype = dict(scope["headers"]).get(b"content-type", b"").lower()
    return b"json" in ctype or first.lstrip()[:1] in (b"{", b"[")


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
        body = b"".join(chunks)
        attachment = scope["method"] == "PUT" and "/attachments/" in scope["path"]
        if body and not attachment and _looks_like_json(scope, body[:64]) and json_depth(body) > MAX_JSON_DEPTH:
            await self._send(send, 400, problem_body(400, "json-too-deep", "Bad Request",
                                                     f"JSON nested deeper than {MAX_JSON_DEPTH} levels.",
                                                     max_depth=MAX_JSON_DEPTH))
            return
        replayed = False

        async def replay():  # type: ignore[no-untyped-def]
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _reject(self, send, limit: int) -> None:  # type: ignore[no-untyped-def]
        await self._send(send, 413, problem_body(413, "payload-too-large", "Content Too Large",
                                                 f"The request body is larger than {limit} bytes.", max_bytes=limit))

    @staticmethod
    async def _send(send, status: int, problem: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
        body = json.dumps(problem).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/problem+json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
