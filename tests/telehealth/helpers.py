"""Helpers of the telehealth tests: a kiosk peer with generated media on a real CallWorker thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from devices.call.call_worker import CallWorker
from devices.call.media import PatternTrack, ToneTrack
from devices.call.peer import ConsultPeer

READINGS = {
    "blood_pressure": {"label": "Huyết áp", "value": "148/92", "unit": "mmHg", "level": "high"},
    "heart_rate": {"label": "Nhịp tim", "value": 78, "unit": "lần/phút", "level": "normal"},
    "spo2": {"label": "SpO2", "value": 97, "unit": "%", "level": "normal"},
}
RESIDENT = {"name": "Nguyễn Văn Bình", "age": 67}


class Events:
    """Every event the kiosk's peer reported, in order (appended from the call's thread)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, dict[str, Any]]] = []
        self._lock = threading.Lock()

    def add(self, kind: str, data: dict[str, Any]) -> None:
        with self._lock:
            self.items.append((kind, data))

    def kinds(self) -> list[str]:
        with self._lock:
            return [k for k, _ in self.items]

    def last(self, kind: str) -> dict[str, Any] | None:
        with self._lock:
            found = [d for k, d in self.items if k == kind]
        return found[-1] if found else None

    def count(self, kind: str) -> int:
        return self.kinds().count(kind)


def make_worker(hub_url: str, token: str, events: Events, *, reconnect_seconds: float = 15.0,
                readings: dict[str, Any] | None = None, link_id: str | None = None) -> CallWorker:
    def make_peer(on_event: Callable[..., None], on_video: Any, on_audio: Any, on_local: Any) -> ConsultPeer:
        def both(kind: str, data: dict[str, Any]) -> None:
            events.add(kind, data)
            on_event(kind, data)

        request = {"readings": readings or READINGS, "resident": RESIDENT, **({"link_id": link_id} if link_id else {})}
        return ConsultPeer(hub_url, token, request, both,
                           video=lambda c: PatternTrack(c, preview=on_local), audio=lambda c: ToneTrack(c),
                           reconnect_seconds=reconnect_seconds, host_addresses=("127.0.0.1",),
                           on_remote_video=on_video, on_remote_audio=on_audio)

    return CallWorker(make_peer)


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, pump: Callable[[], None] | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if pump:
            pump()
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class KioskCallScreen:
    """The kiosk's call screen in Vietnamese, driven by the worker's events as the consultation controller does
    (screens/consult/controller.py), so a test reads the banner the resident reads."""

    def __init__(self, worker: CallWorker) -> None:
        from kiosk.language import LanguageManager
        from screens.consult.call import ConsultCallScreen

        self.language = LanguageManager()
        self.language.set_language("vi")
        self.screen = ConsultCallScreen()
        self.screen.resize(1280, 800)
        worker.call_event.connect(self._on_event)

    def _on_event(self, kind: str, data: dict[str, Any]) -> None:
        if kind in ("connected", "restored", "resumed"):
            self.screen.set_state("connected", str(data.get("doctor") or ""))
        elif kind in ("reconnecting", "degraded"):
            self.screen.set_state(kind)

    @property
    def banner(self) -> str:
        return str(self.screen.banner.text())

    def close(self) -> None:
        self.screen.close()
        self.language.uninstall()
