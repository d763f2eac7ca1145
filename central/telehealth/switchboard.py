"""The signalling switchboard: who is on duty, which resident waits, who talks to whom (hub event loop only).

Only signalling passes here (SDP offers/answers, captions, the note): the media goes peer to peer (or through
the ward's TURN server), never through the hub. Call state lives in this process's memory; the rows in the
database are the record (one hub process serves a ward; see docs/telehealth.md)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.websockets import WebSocket

from central.db import Database
from central.telehealth import store

log = logging.getLogger(__name__)


@dataclass
class Call:
    cid: str
    kiosk_id: str
    kiosk: WebSocket | None
    doctor: WebSocket | None = None
    doctor_name: str | None = None
    grace: asyncio.Task[None] | None = None


@dataclass
class DoctorSession:
    name: str
    on_duty: bool = False
    cid: str | None = None
    sockets: set[WebSocket] = field(default_factory=set)


async def send(ws: WebSocket | None, msg: dict[str, Any]) -> None:
    """Best effort: a socket that just went away is handled by its own receive loop."""
    if ws is None:
        return
    with contextlib.suppress(Exception):
        await ws.send_json(msg)


class Switchboard:
    def __init__(self, db: Database, ice_servers: list[dict[str, Any]], duty_hours: str,
                 grace_seconds: float = 20.0) -> None:
        self.db, self.ice_servers, self.duty_hours, self.grace_seconds = db, ice_servers, duty_hours, grace_seconds
        self.doctors: dict[WebSocket, DoctorSession] = {}
        self.calls: dict[str, Call] = {}  # insertion order = waiting order

    # ---- what the kiosk and the page are told ----------------------------------------------------------------

    def on_duty(self) -> list[str]:
        return sorted({d.name for d in self.doctors.values() if d.on_duty})

    def waiting(self) -> list[Call]:
        return [c for c in self.calls.values() if c.doctor is None]

    async def status(self) -> dict[str, Any]:
        names = self.on_duty()
        avg = await run_in_threadpool(store.average_seconds, self.db)
        ahead = len(self.waiting())
        return {"on_duty": names, "available": bool(names), "waiting": ahead, "duty_hours": self.duty_hours,
                "expected_wait_seconds": round(avg * (ahead + 1) / len(names)) if names else None}

    async def _tell_queue(self) -> None:
        """Each waiting kiosk learns its place and the expected wait; each page gets the fresh list."""
        names = self.on_duty()
        avg = await run_in_threadpool(store.average_seconds, self.db)
        for position, call in enumerate(self.waiting(), start=1):
            await send(call.kiosk, {"type": "queued", "consultation_id": call.cid, "position": position,
                                    "on_duty": names, "duty_hours": self.duty_hours,
                                    "expected_wait_seconds": round(avg * position / max(1, len(names)))})
        work = await run_in_threadpool(store.work_list, self.db)
        for ws, doc in list(self.doctors.items()):
            await send(ws, {"type": "list", **work, "on_duty": names, "me_on_duty": doc.on_duty})

    # ---- kiosk side -------------------------------------------------------------------------------------------

    async def kiosk_request(self, ws: WebSocket, kiosk_id: str, msg: dict[str, Any]) -> Call | None:
        shared = {"readings": msg["readings"], "resident": msg["resident"]}
        cid = await run_in_threadpool(store.open_consultation, self.db, kiosk_id, shared, msg["resident_key"])
        if not self.on_duty():
            await run_in_threadpool(store.finish, self.db, cid, "no-doctor")
            log.info("consultation %s: no doctor on duty", cid)
            await send(ws, {"type": "no-doctor", "consultation_id": cid, "duty_hours": self.duty_hours})
            await self._tell_queue()
            return None
        call = Call(cid=cid, kiosk_id=kiosk_id, kiosk=ws)
        self.calls[cid] = call
        log.info("consultation %s: waiting", cid)
        await self._tell_queue()
        return call

    async def kiosk_resume(self, ws: WebSocket, kiosk_id: str, cid: str) -> Call | None:
        call = self.calls.get(cid)
        if call is None or call.kiosk_id != kiosk_id:  # scoped to the kiosk: another kiosk cannot take it over
            await send(ws, {"type": "ended", "consultation_id": cid, "by": "network"})
            return None
        if call.grace:
            call.grace.cancel()
            call.grace = None
        call.kiosk = ws
        log.info("consultation %s: kiosk back", cid)
        await send(ws, {"type": "resumed", "consultation_id": cid, "doctor": call.doctor_name,
                        "ice_servers": self.ice_servers})
        await send(call.doctor, {"type": "peer-back", "consultation_id": cid})  # the page offers again
        return call

    async def from_kiosk(self, call: Call, msg: dict[str, Any]) -> None:
        kind = msg["type"]
        if kind == "hangup":
            await self.end(call, "kiosk")
        elif kind in ("answer", "offer", "ice-state", "stats"):
            await send(call.doctor, {**msg, "consultation_id": call.cid})

    async def kiosk_lost(self, call: Call, ws: WebSocket) -> None:
        if self.calls.get(call.cid) is not call or call.kiosk is not ws:
            return
        call.kiosk = None
        log.info("consultation %s: kiosk signalling lost; waiting %.0f s", call.cid, self.grace_seconds)
        await send(call.doctor, {"type": "peer-lost", "consultation_id": call.cid})

        async def expire() -> None:
            await asyncio.sleep(self.grace_seconds)
            call.grace = None
            await self.end(call, "network")

        call.grace = asyncio.create_task(expire())

    # ---- doctor side ------------------------------------------------------------------------------------------

    async def doctor_joined(self, ws: WebSocket, name: str) -> DoctorSession:
        session = DoctorSession(name=name, sockets={ws})
        self.doctors[ws] = session
        await send(ws, {"type": "hello", "name": name, "ice_servers": self.ice_servers,
                        "duty_hours": self.duty_hours})
        await self._tell_queue()
        return session

    async def from_doctor(self, ws: WebSocket, doc: DoctorSession, msg: dict[str, Any]) -> None:
        kind = msg["type"]
        call = self.calls.get(doc.cid) if doc.cid else None
        if kind == "duty":
            doc.on_duty = msg["on"]
            await run_in_threadpool(store.set_duty, self.db, doc.name, doc.on_duty)
            log.info("duty: a health worker is %s", "on" if doc.on_duty else "off")
            await self._no_doctor_left()
            await self._tell_queue()
        elif kind == "accept":
            await self._accept(ws, doc, msg["consultation_id"])
        elif kind == "note":
            saved = await run_in_threadpool(store.save_note, self.db, msg["consultation_id"], doc.name,
                                            msg["note"], msg["advice"])
            await send(ws, {"type": "note-saved" if saved else "error", "consultation_id": msg["consultation_id"],
                            "detail": None if saved else "not your consultation"})
            target = self.calls.get(msg["consultation_id"])
            if saved and target:
                await send(target.kiosk, {"type": "note", "doctor": doc.name, "note": msg["note"],
                                          "advice": msg["advice"]})
        elif call is None:
            await send(ws, {"type": "error", "detail": f"{kind}: no consultation in progress"})
        elif kind in ("offer", "answer", "caption"):
            await send(call.kiosk, msg)
        elif kind == "hangup":
            await self.end(call, "doctor")

    async def _accept(self, ws: WebSocket, doc: DoctorSession, cid: str) -> None:
        call = self.calls.get(cid)
        if doc.cid or call is None or call.doctor is not None:
            await send(ws, {"type": "error", "consultation_id": cid, "detail": "not available"})
            return
        row = await run_in_threadpool(store.accept, self.db, cid, doc.name)
        if row is None:
            await send(ws, {"type": "error", "consultation_id": cid, "detail": "not available"})
            return
        call.doctor, call.doctor_name, doc.cid = ws, doc.name, cid
        log.info("consultation %s: accepted", cid)
        await send(ws, {"type": "accepted", "consultation": row, "ice_servers": self.ice_servers})
        await send(call.kiosk, {"type": "accepted", "consultation_id": cid, "doctor": doc.name,
                                "ice_servers": self.ice_servers})
        await self._tell_queue()

    async def doctor_left(self, ws: WebSocket) -> None:
        doc = self.doctors.pop(ws, None)
        if doc is None:
            return
        if doc.on_duty and doc.name not in self.on_duty():
            await run_in_threadpool(store.set_duty, self.db, doc.name, False)
        call = self.calls.get(doc.cid) if doc.cid else None
        if call is not None:
            await self.end(call, "doctor")
        await self._no_doctor_left()
        await self._tell_queue()

    async def _no_doctor_left(self) -> None:
        if self.on_duty():
            return
        for call in self.waiting():
            await send(call.kiosk, {"type": "no-doctor", "consultation_id": call.cid,
                                    "duty_hours": self.duty_hours})
            await self.end(call, "no-doctor", quiet=True)

    # ---- both -------------------------------------------------------------------------------------------------

    async def end(self, call: Call, by: str, quiet: bool = False) -> None:
        if self.calls.pop(call.cid, None) is None:
            return
        if call.grace:
            call.grace.cancel()
        status = await run_in_threadpool(store.finish, self.db, call.cid, by)
        log.info("consultation %s: %s (by %s)", call.cid, status, by)
        for doc in self.doctors.values():
            if doc.cid == call.cid:
                doc.cid = None
        msg = {"type": "ended", "consultation_id": call.cid, "by": by}
        if not quiet:
            await send(call.kiosk, msg)
        await send(call.doctor, msg)
        await self._tell_queue()
