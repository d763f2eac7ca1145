"""The signalling switchboard of one hub process: the kiosk and doctor sockets it holds (hub event loop only).

Only signalling passes here (SDP offers/answers, captions, the note): the media goes peer to peer (or through
the ward's TURN server), never through the hub. The call state that matters to more than one socket lives in
the database, so a kiosk and a doctor connected to different hub processes (`serve --workers N` on PostgreSQL)
talk as if they were on one: who is on duty (open duty shifts whose page was seen lately), who waits and in
which order (waiting consultations whose kiosk was seen lately), who talks to whom (the consultation's status
and doctor). A message for a socket this process does not hold goes through `bus.Bus`; `tick` says every second
which sockets this process holds and ends what nobody holds any more (a kiosk gone past the grace time, even when
its process died)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.websockets import WebSocket

from central.db import Database
from central.models import utcnow
from central.telehealth import store
from central.telehealth.bus import Bus, Delivery

log = logging.getLogger(__name__)
TICK_SECONDS = 1.0


@dataclass
class KioskLink:
    """A kiosk's socket for one consultation, held by this process since `since` (older signals are stale)."""

    cid: str
    kiosk_id: str
    ws: WebSocket
    since: datetime = field(default_factory=utcnow)
    over: bool = False


@dataclass
class DoctorSession:
    name: str
    ws: WebSocket | None = None
    on_duty: bool = False
    cid: str | None = None
    since: datetime = field(default_factory=utcnow)  # when `cid` was taken


async def send(ws: WebSocket | None, msg: dict[str, Any]) -> None:
    """Best effort: a socket that just went away is handled by its own receive loop."""
    if ws is None:
        return
    with contextlib.suppress(Exception):
        await ws.send_json(msg)


class Switchboard:
    def __init__(self, db: Database, ice_servers: list[dict[str, Any]], duty_hours: str,
                 grace_seconds: float = 20.0, poll_seconds: float = 0.2) -> None:
        self.db, self.ice_servers, self.duty_hours = db, ice_servers, duty_hours
        self.grace = timedelta(seconds=grace_seconds)
        self.poll_seconds = poll_seconds
        self.bus = Bus(db, uuid.uuid4().hex)
        self.kiosks: dict[str, KioskLink] = {}  # consultation id -> the kiosk's socket held here
        self.doctors: dict[WebSocket, DoctorSession] = {}
        self._loop_task: asyncio.Task[None] | None = None
        # The tick re-opens the shift of a page it believes on duty: a duty change must not slip in between its
        # reading of the pages and its write, or a doctor who just went off duty would be on it again.
        self._duty_lock = asyncio.Lock()

    # ---- what the kiosk and the page are told ----------------------------------------------------------------

    async def on_duty(self) -> list[str]:
        return await run_in_threadpool(store.on_duty, self.db)

    async def status(self) -> dict[str, Any]:
        names = await self.on_duty()
        avg = await run_in_threadpool(store.average_seconds, self.db)
        ahead = len(await run_in_threadpool(store.waiting_ids, self.db, self.grace))
        return {"on_duty": names, "available": bool(names), "waiting": ahead, "duty_hours": self.duty_hours,
                "expected_wait_seconds": round(avg * (ahead + 1) / len(names)) if names else None}

    async def _tell_local(self) -> None:
        """Each waiting kiosk held here learns its place and the expected wait; each page here the fresh list."""
        if not self.kiosks and not self.doctors:
            return
        names = await self.on_duty()
        avg = await run_in_threadpool(store.average_seconds, self.db)
        queue = await run_in_threadpool(store.waiting_ids, self.db, self.grace)
        for position, cid in enumerate(queue, start=1):
            link = self.kiosks.get(cid)
            if link is not None:
                await send(link.ws, {"type": "queued", "consultation_id": cid, "position": position,
                                     "on_duty": names, "duty_hours": self.duty_hours,
                                     "expected_wait_seconds": round(avg * position / max(1, len(names)))})
        if self.doctors:
            work = await run_in_threadpool(store.work_list, self.db, self.grace)
            for ws, doc in list(self.doctors.items()):
                await send(ws, {"type": "list", **work, "on_duty": names, "me_on_duty": doc.on_duty})

    async def _refresh(self) -> None:
        """The queue or the duty changed: tell the sockets here, and the other processes."""
        await self._tell_local()
        await run_in_threadpool(self.bus.publish, "hub", None, {"type": "refresh"})

    # ---- delivery, here or through the bus --------------------------------------------------------------------

    async def to_kiosk(self, cid: str, msg: dict[str, Any]) -> None:
        link = self.kiosks.get(cid)
        if link is not None:
            await send(link.ws, msg)
        else:
            await run_in_threadpool(self.bus.publish, "kiosk", cid, msg)

    async def to_doctor(self, cid: str, msg: dict[str, Any]) -> None:
        docs = [d for d in self.doctors.values() if d.cid == cid]
        for doc in docs:
            await send(doc.ws, msg)
        if not docs:
            await run_in_threadpool(self.bus.publish, "doctor", cid, msg)

    async def _deliver(self, d: Delivery) -> bool:
        """A signal from another process (or from this one, for a socket it did not hold then); True: refresh."""
        if d.target == "kiosk" and d.cid in self.kiosks:
            link = self.kiosks[d.cid]
            if link.since <= d.created_at:  # written before this socket came: meant for the one before it
                await send(link.ws, d.body)
        elif d.target == "doctor":
            for doc in [doc for doc in self.doctors.values() if doc.cid == d.cid and doc.since <= d.created_at]:
                await send(doc.ws, d.body)
        elif d.target == "hub" and d.origin != self.bus.origin:
            if d.body.get("type") == "ended":
                await self._ended_here(d.body)
            return True
        return False

    def _ensure_loop(self) -> None:
        if self._loop_task is None or self._loop_task.done():
            self._loop_task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        """While this process holds a socket: read the bus, and once a second the liveness tick."""
        next_tick = 0.0
        clock = asyncio.get_running_loop().time
        while self.kiosks or self.doctors:
            await asyncio.sleep(self.poll_seconds)
            try:
                refresh = False
                for delivery in await run_in_threadpool(self.bus.fetch):
                    refresh = await self._deliver(delivery) or refresh
                if clock() >= next_tick:
                    next_tick = clock() + TICK_SECONDS
                    refresh = await self._tick() or refresh
                if refresh:
                    await self._tell_local()
            except Exception:  # the database away for a moment: try again at the next round
                log.exception("telehealth: signalling round failed")
                await asyncio.sleep(1.0)

    async def _tick(self) -> bool:
        async with self._duty_lock:
            kiosks = [cid for cid, link in self.kiosks.items() if not link.over]
            doctors = sorted({d.name for d in self.doctors.values() if d.on_duty})
            stale, shifts_closed = await run_in_threadpool(store.tick, self.db, kiosks, doctors, self.grace)
        for cid in stale:
            log.info("consultation %s: the kiosk did not come back in %.0f s", cid, self.grace.total_seconds())
            await self.end(cid, "network")
        if shifts_closed:
            await self._no_doctor_left()
        return bool(stale or shifts_closed)

    # ---- kiosk side -------------------------------------------------------------------------------------------

    async def kiosk_request(self, ws: WebSocket, kiosk_id: str, msg: dict[str, Any]) -> KioskLink | None:
        shared = {"readings": msg["readings"], "resident": msg["resident"]}
        key = await run_in_threadpool(store.resident_key, self.db, msg["link_id"]) if msg.get("link_id") else None
        cid = await run_in_threadpool(store.open_consultation, self.db, kiosk_id, shared, key)
        if not await self.on_duty():
            await run_in_threadpool(store.finish, self.db, cid, "no-doctor")
            log.info("consultation %s: no doctor on duty", cid)
            await send(ws, {"type": "no-doctor", "consultation_id": cid, "duty_hours": self.duty_hours})
            await self._refresh()
            return None
        link = KioskLink(cid=cid, kiosk_id=kiosk_id, ws=ws)
        self.kiosks[cid] = link
        self._ensure_loop()
        log.info("consultation %s: waiting", cid)
        await self._refresh()
        return link

    async def kiosk_resume(self, ws: WebSocket, kiosk_id: str, cid: str) -> KioskLink | None:
        # scoped to the kiosk: another kiosk cannot take it over; it may have left from another hub process
        still_open, doctor = await run_in_threadpool(store.resumable, self.db, cid, kiosk_id)
        if not still_open:
            await send(ws, {"type": "ended", "consultation_id": cid, "by": "network"})
            return None
        link = KioskLink(cid=cid, kiosk_id=kiosk_id, ws=ws)
        self.kiosks[cid] = link
        self._ensure_loop()
        log.info("consultation %s: kiosk back", cid)
        await send(ws, {"type": "resumed", "consultation_id": cid, "doctor": doctor,
                        "ice_servers": self.ice_servers})
        await self.to_doctor(cid, {"type": "peer-back", "consultation_id": cid})  # the page offers again
        return link

    async def from_kiosk(self, link: KioskLink, msg: dict[str, Any]) -> None:
        kind = msg["type"]
        if kind == "hangup":  # "network": the kiosk gave up waiting for the media to come back
            await self.end(link.cid, msg.get("reason", "kiosk"))
        elif kind in ("answer", "offer", "ice-state", "stats", "quality"):
            await self.to_doctor(link.cid, {**msg, "consultation_id": link.cid})

    async def kiosk_lost(self, link: KioskLink) -> None:
        """The kiosk's socket dropped: the doctor is told; the tick ends the call if it is not back in time."""
        if self.kiosks.get(link.cid) is not link:
            return
        del self.kiosks[link.cid]
        if not link.over:
            log.info("consultation %s: kiosk signalling lost; waiting %.0f s", link.cid, self.grace.total_seconds())
            await self.to_doctor(link.cid, {"type": "peer-lost", "consultation_id": link.cid})

    # ---- doctor side ------------------------------------------------------------------------------------------

    async def doctor_joined(self, ws: WebSocket, name: str) -> DoctorSession:
        session = DoctorSession(name=name, ws=ws)
        self.doctors[ws] = session
        self._ensure_loop()
        await send(ws, {"type": "hello", "name": name, "ice_servers": self.ice_servers,
                        "duty_hours": self.duty_hours})
        await self._tell_local()
        return session

    async def from_doctor(self, ws: WebSocket, doc: DoctorSession, msg: dict[str, Any]) -> None:
        kind = msg["type"]
        if kind == "duty":
            async with self._duty_lock:
                doc.on_duty = msg["on"]
                still = msg["on"] or any(d.on_duty and d.name == doc.name for d in self.doctors.values())
                await run_in_threadpool(store.set_duty, self.db, doc.name, still)
            log.info("duty: a health worker is %s", "on" if doc.on_duty else "off")
            await self._no_doctor_left()
            await self._refresh()
        elif kind == "accept":
            await self._accept(ws, doc, msg["consultation_id"])
        elif kind == "note":
            cid = msg["consultation_id"]
            saved = await run_in_threadpool(store.save_note, self.db, cid, doc.name, msg["note"], msg["advice"])
            await send(ws, {"type": "note-saved" if saved else "error", "consultation_id": cid,
                            "detail": None if saved else "not your consultation"})
            if saved:
                await self.to_kiosk(cid, {"type": "note", "doctor": doc.name, "note": msg["note"],
                                          "advice": msg["advice"]})
        elif doc.cid is None:
            await send(ws, {"type": "error", "detail": f"{kind}: no consultation in progress"})
        elif kind in ("offer", "answer", "caption"):
            await self.to_kiosk(doc.cid, msg)
        elif kind == "hangup":
            await self.end(doc.cid, "doctor")

    async def _accept(self, ws: WebSocket, doc: DoctorSession, cid: str) -> None:
        row = None if doc.cid else await run_in_threadpool(store.accept, self.db, cid, doc.name)
        if row is None:  # busy, or another doctor (maybe on another process) took it first
            await send(ws, {"type": "error", "consultation_id": cid, "detail": "not available"})
            return
        doc.cid, doc.since = cid, utcnow()
        log.info("consultation %s: accepted", cid)
        await send(ws, {"type": "accepted", "consultation": row, "ice_servers": self.ice_servers})
        await self.to_kiosk(cid, {"type": "accepted", "consultation_id": cid, "doctor": doc.name,
                                  "ice_servers": self.ice_servers})
        await self._refresh()

    async def doctor_left(self, ws: WebSocket) -> None:
        async with self._duty_lock:
            doc = self.doctors.pop(ws, None)
            if doc is None:
                return
            if doc.on_duty and not any(d.on_duty and d.name == doc.name for d in self.doctors.values()):
                await run_in_threadpool(store.set_duty, self.db, doc.name, False)
        if doc.cid is not None:
            await self.end(doc.cid, "doctor")
        await self._no_doctor_left()
        await self._refresh()

    async def _no_doctor_left(self) -> None:
        if await self.on_duty():
            return
        for cid in await run_in_threadpool(store.waiting_ids, self.db, self.grace):
            await self.end(cid, "no-doctor", kiosk_msg={"type": "no-doctor", "consultation_id": cid,
                                                        "duty_hours": self.duty_hours})

    # ---- both -------------------------------------------------------------------------------------------------

    async def end(self, cid: str, by: str, kiosk_msg: dict[str, Any] | None = None) -> None:
        """End a consultation for everybody, whichever processes hold its sockets (one process wins the row)."""
        status = await run_in_threadpool(store.finish, self.db, cid, by)
        if status is None:
            return
        log.info("consultation %s: %s (by %s)", cid, status, by)
        event = {"type": "ended", "consultation_id": cid, "by": by, "kiosk_msg": kiosk_msg}
        await self._ended_here(event)
        await run_in_threadpool(self.bus.publish, "hub", cid, event)
        await self._tell_local()

    async def _ended_here(self, event: dict[str, Any]) -> None:
        cid = str(event.get("consultation_id"))
        msg = {"type": "ended", "consultation_id": cid, "by": event.get("by")}
        link = self.kiosks.pop(cid, None)
        if link is not None:
            link.over = True
            await send(link.ws, event.get("kiosk_msg") or msg)
        for doc in self.doctors.values():
            if doc.cid == cid:
                doc.cid = None
                await send(doc.ws, msg)
