"""Test/demo fault injection (outermost ASGI wrapper): 500/503/429/delay/dropped connection, before or after
the handler commits; runs on the server's event loop. Only installed with --demo or --allow-faults."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
from dataclasses import asdict, dataclass, replace
from typing import Any

from central.config import FAULT_KINDS as KINDS
from central.config import FAULT_PHASES as PHASES
from central.config import FaultSettings
from central.problems import problem_body

log = logging.getLogger(__name__)


class ConnectionDropped(Exception):
    """Raised where the transport cannot be reached (in-process TestClient): the caller gets no answer."""


@dataclass(frozen=True)
class Decision:
    kind: str
    phase: str  # before | after


def parse_settings(data: Any, current: FaultSettings) -> FaultSettings:
    """Validate a POST /admin/faults body (untrusted JSON) into settings; raises ValueError."""
    if not isinstance(data, dict):
        raise ValueError("body must be a JSON object")
    unknown = set(data) - {"rate", "kinds", "phase", "retry_after", "delay_seconds", "seed", "paths"}
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    s = replace(current)
    if "rate" in data:
        rate = data["rate"]
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
            raise ValueError("rate must be a number in 0..1")
        s = replace(s, rate=float(rate))
    if "kinds" in data:
        kinds = data["kinds"]
        if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
            raise ValueError(f"kinds must be a non-empty list of {list(KINDS)}")
        s = replace(s, kinds=tuple(kinds))
    if "phase" in data:
        if data["phase"] not in PHASES:
            raise ValueError(f"phase must be one of {list(PHASES)}")
        s = replace(s, phase=data["phase"])
    if "retry_after" in data:
        ra = data["retry_after"]
        if isinstance(ra, bool) or not isinstance(ra, int) or not 0 <= ra <= 3600:
            raise ValueError("retry_after must be an integer number of seconds (0..3600)")
        s = replace(s, retry_after=ra)
    if "delay_seconds" in data:
        d = data["delay_seconds"]
        if isinstance(d, bool) or not isinstance(d, int | float) or not 0 <= d <= 120:
            raise ValueError("delay_seconds must be a number in 0..120")
        s = replace(s, delay_seconds=float(d))
    if "seed" in data:
        if data["seed"] is not None and (isinstance(data["seed"], bool) or not isinstance(data["seed"], int)):
            raise ValueError("seed must be an integer or null")
        s = replace(s, seed=data["seed"])
    if "paths" in data:
        paths = data["paths"]
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p.startswith("/") for p in paths):
            raise ValueError("paths must be a non-empty list of path prefixes")
        s = replace(s, paths=tuple(paths))
    return s


class FaultState:
    """The current settings, a seeded RNG and counters; shared by the middleware and /admin/faults."""

    def __init__(self, settings: FaultSettings) -> None:
        self._lock = threading.Lock()
        self.settings = settings
        self._rng = random.Random(settings.seed)
        self.injected: dict[str, int] = dict.fromkeys(KINDS, 0)

    def configure(self, settings: FaultSettings) -> None:
        with self._lock:
            self.settings = settings
            self._rng = random.Random(settings.seed)  # same seed → same sequence of faults
            self.injected = dict.fromkeys(KINDS, 0)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self.settings)
        data["kinds"], data["paths"] = list(data["kinds"]), list(data["paths"])
        data["injected"] = dict(self.injected)
        return data

    def decide(self, path: str) -> Decision | None:
        with self._lock:
            s = self.settings
            if s.rate <= 0 or not any(path.startswith(p) for p in s.paths):
                return None
            if self._rng.random() >= s.rate:
                return None
            kind = self._rng.choice(s.kinds)
            phase = s.phase if s.phase != "random" else self._rng.choice(("before", "after"))
            self.injected[kind] += 1
        return Decision(kind, phase)


async def _send_problem(send, status: int, retry_after: int | None) -> None:  # type: ignore[no-untyped-def]
    titles = {500: "Internal Server Error", 503: "Service Unavailable", 429: "Too Many Requests"}
    body = json.dumps(problem_body(status, "injected-fault", titles[status],
                                   "Fault injected by the hub's test mode.")).encode()
    headers = [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drain(receive) -> None:  # type: ignore[no-untyped-def]
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _drop(send) -> None:  # type: ignore[no-untyped-def]
    # uvicorn hands the app a bound method of its request cycle, which holds the socket's transport.
    # abort() closes it at once (no response bytes, RST if unread data), which is what a lost
    # network looks like; raising instead would make uvicorn answer 500.
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        raise ConnectionDropped("fault injected: connection dropped")
    transport.abort()
    await asyncio.sleep(0)  # let uvicorn see the connection lost before the app returns


class FaultInjector:
    """Outermost ASGI app, so that `send` is uvicorn's own (needed to drop the connection)."""

    def __init__(self, app, state: FaultState) -> None:  # type: ignore[no-untyped-def]
        self.app, self.state = app, state

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        decision = self.state.decide(scope["path"]) if scope["type"] == "http" else None
        if decision is None:
            await self.app(scope, receive, send)
            return
        s = self.state.settings
        log.info("injecting fault %s %s on %s %s", decision.kind, decision.phase, scope["method"], scope["path"])
        if decision.phase == "before":
            if decision.kind == "delay":
                await asyncio.sleep(s.delay_seconds)
                await self.app(scope, receive, send)
            else:
                await _drain(receive)  # read the body so the client is not cut off while still sending
                await self._fault(decision.kind, send, s)
            return
        # after: the handler runs (and commits); its answer is held back and replaced by the fault
        held: list[dict[str, Any]] = []

        async def hold(message) -> None:  # type: ignore[no-untyped-def]
            held.append(message)

        await self.app(scope, receive, hold)
        if decision.kind == "delay":
            await asyncio.sleep(s.delay_seconds)
            for message in held:
                await send(message)
            return
        await self._fault(decision.kind, send, s)

    @staticmethod
    async def _fault(kind: str, send, s: FaultSettings) -> None:  # type: ignore[no-untyped-def]
        if kind == "drop":
            await _drop(send)
        else:
            status = int(kind)
            await _send_problem(send, status, s.retry_after if status in (429, 503) else None)
