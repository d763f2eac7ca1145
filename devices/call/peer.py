"""The kiosk's consultation peer: signalling over the hub's WebSocket, media with aiortc. Qt-free; it runs on
its own asyncio loop (the call worker's thread) and reports through one `on_event(kind, data)` callback.

Events: queued, accepted, connecting, connected, reconnecting, resumed, degraded, restored, caption, note,
no-doctor, ended (data["by"]: kiosk | doctor | network | no-doctor | error).

Quality, watched once a second while the call is up:
- the network is poor (aiortc's RTCP statistics: packet loss, round-trip time; `quality.QualityJudge`): the
  kiosk stops sending its picture and asks the doctor's page to pause its own ("quality" message; the page
  disables its camera track, which then sends black frames at a few kbit/s): "degraded", until the network is
  good again ("restored");
- the doctor's picture stalls while sound flows: "degraded" too (the resident is told the picture is paused);
- nothing at all arrives for `STALL_SECONDS` (a cut, an ICE failure): "reconnecting", and the page is asked to
  offer a fresh connection (a re-offer; again every `REOFFER_SECONDS`) until media flows ("connected"), or the
  kiosk hangs up after `reconnect_seconds` (ended by "network");
- the doctor's picture stays away on a good network (after heavy loss aiortc's jitter buffer can wait a long
  time for a packet that never comes): a fresh connection, at most `PICTURE_RETRIES` times per episode."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable
from typing import Any

import aioice.ice
from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from devices.call.media import Counters, VideoGate, consume
from devices.call.quality import QualityJudge, sample

log = logging.getLogger(__name__)
EventSink = Callable[[str, dict[str, Any]], None]
TrackFactory = Callable[[Counters], MediaStreamTrack]
VideoFactory = Callable[[Counters], MediaStreamTrack | None]  # None: no camera, a voice call
STALL_SECONDS = 3.0  # no picture from the doctor this long while sound flows: tell the resident "sound only"
REOFFER_SECONDS = 5.0  # while media is lost, ask the page for a fresh offer this often
PICTURE_STUCK_SECONDS = 8.0  # the doctor's picture this long gone on a good network: a fresh connection
PICTURE_RETRIES = 2  # fresh connections per stuck episode (the doctor's camera may just be gone)
STATS_EVERY = 2  # seconds between two looks at the RTCP statistics


def ws_url(hub_url: str) -> str:
    base = hub_url.rstrip("/")
    return ("wss://" + base[8:] if base.startswith("https://") else "ws://" + base.removeprefix("http://")) + \
        "/v1/telehealth/ws"


def keep_candidates(sdp: str, addresses: tuple[str, ...]) -> str:
    """Drop the remote ICE candidates not on `addresses` (tests pin media to 127.0.0.1)."""
    lines = []
    for line in sdp.splitlines():
        if line.startswith("a=candidate:"):
            parts = line.split()
            if len(parts) < 5 or parts[4] not in addresses:
                continue
        lines.append(line)
    return "\r\n".join(lines) + "\r\n"


class ConsultPeer:
    def __init__(self, hub_url: str, token: str, request: dict[str, Any], on_event: EventSink, *,
                 video: VideoFactory, audio: TrackFactory, reconnect_seconds: float = 15.0,
                 host_addresses: tuple[str, ...] | None = None, ssl: Any = None,
                 on_remote_video: Callable[[Any], None] | None = None,
                 on_remote_audio: Callable[[Any], None] | None = None,
                 on_close: Callable[[], None] | None = None) -> None:
        self.url, self.token, self.request, self.on_event = ws_url(hub_url), token, request, on_event
        self.video, self.audio, self.reconnect_seconds = video, audio, reconnect_seconds
        self.host_addresses, self.ssl = host_addresses, ssl
        self.on_remote_video, self.on_remote_audio, self.on_close = on_remote_video, on_remote_audio, on_close
        self.counters = Counters()
        self.cid: str | None = None
        self.doctor: str | None = None
        self.ice_servers: list[dict[str, Any]] = []
        self.pc: RTCPeerConnection | None = None
        self.ws: ClientConnection | None = None
        self.finished = False
        self.degraded = False  # the resident is told "sound only"
        self.judge = QualityJudge()
        self.gate: VideoGate | None = None
        self._remote_stalled = False
        self._watching = False
        self._tasks: set[asyncio.Task[None]] = set()
        if host_addresses is not None:
            addresses = list(host_addresses)
            aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: addresses  # type: ignore[assignment]

    # ---- life -------------------------------------------------------------------------------------------------

    async def run(self) -> None:
        """Until the consultation is over; never raises for network trouble (it becomes an `ended` event)."""
        try:
            self.ws = await self._connect()
            await self.ws.send(json.dumps({"type": "request", "consent": True, **self.request}))
            while not self.finished:
                await self._read(self.ws)
                if self.finished:
                    break
                if self.cid is None or not await self._reconnect():
                    self._finish("network")
        except (OSError, InvalidHandshake, TimeoutError, ConnectionClosed) as exc:
            log.warning("consultation %s: hub unreachable: %s", self.cid, type(exc).__name__)
            self._finish("network")
        finally:
            await self._close()

    async def _connect(self, timeout: float = 10.0) -> ClientConnection:
        return await connect(self.url, additional_headers={"Authorization": f"Bearer {self.token}"},
                             open_timeout=timeout, ping_interval=2, ping_timeout=4, ssl=self.ssl,
                             max_size=256 * 1024)

    async def _read(self, ws: ClientConnection) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for raw in ws:
                try:
                    msg = json.loads(raw)
                except ValueError:
                    log.warning("consultation %s: hub sent a message that is not JSON", self.cid)
                    continue
                if isinstance(msg, dict):
                    await self._handle(msg)
                if self.finished:
                    return

    async def _reconnect(self) -> bool:
        """Signalling dropped mid-consultation: try again for a few seconds, then give up cleanly."""
        self._emit("reconnecting", {"seconds": self.reconnect_seconds})
        deadline = time.monotonic() + self.reconnect_seconds
        while time.monotonic() < deadline and not self.finished:
            try:
                ws = await self._connect(timeout=2.0)
                await ws.send(json.dumps({"type": "resume", "consultation_id": self.cid}))
                first = json.loads(await asyncio.wait_for(ws.recv(), 5))
            except (OSError, InvalidHandshake, InvalidStatus, TimeoutError, ConnectionClosed, ValueError):
                await asyncio.sleep(1.0)
                continue
            if first.get("type") != "resumed":
                await self._handle(first)
                await ws.close()
                return False
            self.ws = ws
            log.info("consultation %s: signalling back", self.cid)
            self._emit("resumed", {"doctor": first.get("doctor")})
            return True
        return False

    def hangup(self, by: str = "kiosk") -> None:
        """From the resident's "Kết thúc" (call on the peer's loop), or "network" when media did not come back."""
        if self.finished:
            return
        if self.ws is not None:
            self._spawn(self._send({"type": "hangup", "reason": by}))
        self._finish(by)

    # ---- messages ---------------------------------------------------------------------------------------------

    async def _handle(self, msg: dict[str, Any]) -> None:
        kind = msg.get("type")
        if kind == "queued":
            self.cid = msg.get("consultation_id")
            self._emit("queued", {k: msg.get(k) for k in ("position", "on_duty", "expected_wait_seconds",
                                                           "duty_hours")})
        elif kind == "no-doctor":
            self._emit("no-doctor", {"duty_hours": msg.get("duty_hours", "")})
            self._finish("no-doctor", emit=False)
        elif kind == "accepted":
            self.doctor = str(msg.get("doctor") or "")
            self.ice_servers = [s for s in msg.get("ice_servers") or [] if isinstance(s, dict)]
            self._emit("accepted", {"doctor": self.doctor})
        elif kind == "offer" and isinstance(msg.get("sdp"), str):
            await self._answer(msg["sdp"])
        elif kind == "caption" and isinstance(msg.get("text"), str):
            self._emit("caption", {"text": msg["text"][:500]})
        elif kind == "note" and isinstance(msg.get("note"), str):
            self._emit("note", {"doctor": str(msg.get("doctor") or self.doctor or ""), "note": msg["note"][:2000],
                                "advice": str(msg.get("advice") or "")[:2000]})
        elif kind == "ended":
            self._finish(str(msg.get("by") or "doctor"))
        elif kind == "error":
            log.warning("consultation %s: hub refused a message: %s", self.cid, str(msg.get("detail"))[:200])

    async def _send(self, msg: dict[str, Any]) -> None:
        if self.ws is not None:
            with contextlib.suppress(ConnectionClosed):
                await self.ws.send(json.dumps(msg))

    async def _answer(self, sdp: str) -> None:
        """The doctor's browser offers (again after a reconnect): a fresh connection answers it."""
        if self.pc is not None:
            await self.pc.close()
        servers = [RTCIceServer(urls=str(s["urls"]), username=s.get("username"), credential=s.get("credential"))
                   for s in self.ice_servers if isinstance(s.get("urls"), str)]
        pc = RTCPeerConnection(RTCConfiguration(iceServers=servers))  # [] = host candidates only, no public STUN
        self.pc = pc
        pc.addTrack(self.audio(self.counters))
        video = self.video(self.counters)
        self.gate = None
        if video is not None:  # no camera: the consultation is by voice (and captions)
            self.gate = VideoGate(video)
            self.gate.paused = self.judge.poor  # a fresh connection on the same weak network stays sound only
            pc.addTrack(self.gate)

        @pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            self._spawn(consume(track, self.counters, self.on_remote_video, self.on_remote_audio))

        @pc.on("connectionstatechange")
        async def on_state() -> None:
            if pc is not self.pc:
                return
            state = pc.connectionState
            log.info("consultation %s: media %s", self.cid, state)
            await self._send({"type": "ice-state", "state": state})
            if state == "connected":
                self._emit("connected", {"doctor": self.doctor})
                if not self._watching:
                    self._watching = True
                    self._spawn(self._watch())
            elif state in ("failed", "disconnected"):
                self._emit("reconnecting", {"seconds": self.reconnect_seconds})

        if self.host_addresses is not None:
            sdp = keep_candidates(sdp, self.host_addresses)
        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await pc.setLocalDescription(await pc.createAnswer())  # aiortc gathers every candidate here
        self._emit("connecting", {})
        await self._send({"type": "answer", "sdp": pc.localDescription.sdp})

    async def _watch(self) -> None:
        """Once a second until the call is over: media lost (re-offer, or give up), picture stalled, network poor."""
        lost_since = asked_at = 0.0
        ticks = retries = 0
        while not self.finished:
            await asyncio.sleep(1.0)
            ticks += 1
            now, c = time.monotonic(), self.counters
            flowing = max(c.last_audio_at, c.last_video_at) > now - STALL_SECONDS
            if not flowing:
                if not lost_since:
                    lost_since = now
                    log.info("consultation %s: media lost; asking for a fresh connection", self.cid)
                    self._emit("reconnecting", {"seconds": self.reconnect_seconds})
                if now - asked_at >= REOFFER_SECONDS:
                    asked_at = now
                    await self._send({"type": "ice-state", "state": "failed"})  # the page offers again
                if now - lost_since > self.reconnect_seconds:
                    log.info("consultation %s: media did not come back", self.cid)
                    self.hangup("network")
                continue
            if lost_since:
                lost_since = asked_at = 0.0
                log.info("consultation %s: media back", self.cid)
                self._emit("connected", {"doctor": self.doctor})
            self._remote_stalled = c.last_video_at < now - STALL_SECONDS
            if not self._remote_stalled:
                retries = 0
            elif (c.last_video_at and not self.judge.poor and retries < PICTURE_RETRIES
                  and now - c.last_video_at > PICTURE_STUCK_SECONDS and now - asked_at > PICTURE_STUCK_SECONDS):
                retries, asked_at = retries + 1, now
                log.info("consultation %s: the doctor's picture is stuck; asking for a fresh connection", self.cid)
                await self._send({"type": "ice-state", "state": "failed"})
            if ticks % STATS_EVERY == 0 and self.pc is not None and self.pc.connectionState == "connected":
                with contextlib.suppress(Exception):  # statistics are advice; a failed read changes nothing
                    changed = self.judge.update(sample((await self.pc.getStats()).values()))
                    log.debug("consultation %s: network %s, poor %s, picture from the doctor %.1f s ago", self.cid,
                              self.judge.last, self.judge.poor, now - c.last_video_at)
                    if changed is not None:
                        await self._network_poor(changed)
            self._say_degraded(self.judge.poor or self._remote_stalled)

    async def _network_poor(self, poor: bool) -> None:
        log.info("consultation %s: network %s %s: %s", self.cid, "poor" if poor else "good again", self.judge.last,
                 "sound only" if poor else "picture back")
        if self.gate is not None:
            self.gate.paused = poor
        await self._send({"type": "quality", "video": not poor, **self.judge.last})

    def _say_degraded(self, degraded: bool) -> None:
        if degraded != self.degraded:
            self.degraded = degraded
            self._emit("degraded" if degraded else "restored", {})

    # ---- ending -----------------------------------------------------------------------------------------------

    def _finish(self, by: str, emit: bool = True) -> None:
        if self.finished:
            return
        self.finished = True
        log.info("consultation %s: over (%s); counts %s", self.cid, by, self.counters.as_dict())
        if emit:
            self._emit("ended", {"by": by})
        if self.ws is not None:
            self._spawn(self.ws.close())

    async def _close(self) -> None:
        if self.pc is not None:
            await self.pc.close()
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.on_close is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(None, self.on_close)
            except Exception:
                log.exception("consultation %s: releasing the media devices failed", self.cid)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _emit(self, kind: str, data: dict[str, Any]) -> None:
        try:
            self.on_event(kind, {**data, "consultation_id": self.cid})
        except Exception:  # a listener's bug must not break the call
            log.exception("consultation %s: event handler failed for %s", self.cid, kind)
