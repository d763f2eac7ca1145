"""Two hub processes on one database (`serve --workers N`, or several hosts on one PostgreSQL): the kiosk talks to
one, the doctor's page to the other, and the consultation goes as on one process: the queue and the duty are
seen across processes, the media connects, captions, the note and the hang-up cross over; a resident who agreed
to link their calls shows their earlier readings (by a keyed hash: the ID number is stored nowhere); and when
the doctor's process dies, the other one sees nobody on duty any more."""

from __future__ import annotations

import asyncio
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from websockets.asyncio.client import connect

from central.db import Database
from tests.telehealth.conftest import open_doctor_page, sign_in_health_worker
from tests.telehealth.helpers import Events, make_worker, wait_for
from tests.telehealth.test_call_end_to_end import flowing, go_on_duty
from tests.telehealth.test_hub_signalling import _closed_with

ID_NUMBER = "001086012345"
EARLIER = {"blood_pressure": {"label": "Huyết áp", "value": "152/96", "unit": "mmHg", "level": "high"}}


async def _ask_with_nobody_on_duty(hub: Any, token: str) -> str:
    """A linked request while nobody is on duty (a missed call, on the record): the hub's first answer."""
    url = hub.url.replace("http://", "ws://") + "/v1/telehealth/ws"
    async with connect(url, additional_headers={"Authorization": f"Bearer {token}"}, open_timeout=5) as ws:
        await ws.send(json.dumps({"type": "request", "consent": True, "readings": EARLIER,
                                  "resident": {"age": 67}, "link_id": ID_NUMBER}))
        return json.loads(await asyncio.wait_for(ws.recv(), 10))["type"]


def _run(coro: Any) -> Any:
    """asyncio.run in a thread of its own (Playwright's sync API keeps an event loop in this one)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result(30)


def _everything_stored(url: str) -> str:
    db = Database(url)
    try:
        with db.engine.connect() as con:
            rows = [con.execute(text(f"SELECT * FROM {table}")).all()
                    for table in ("consultations", "telehealth_signals", "duty_shifts")]
    finally:
        db.dispose()
    return repr(rows)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kiosk_and_doctor_on_different_hub_processes(backend: str, request: Any, tmp_path: Any,
                                                      local_hub_factory: Any, chromium: Any, threads: Any,
                                                      qtbot: Any) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    kiosk_hub = local_hub_factory(db_url=url, admin_user="admin-a")
    doctor_hub = local_hub_factory(db_url=url, admin_user="admin-b")
    token = kiosk_hub.enroll()["token"]
    assert _run(_ask_with_nobody_on_duty(kiosk_hub, token)) == "no-doctor"

    pages = open_doctor_page(chromium, doctor_hub)
    page = next(pages)
    try:
        go_on_duty(page)
        # the duty taken on one process is seen by the other
        seen = wait_for(lambda: kiosk_hub.request("GET", "/v1/telehealth/status", token=token)[1]["available"], 10,
                        "the doctor on duty, seen by the kiosk's hub process")
        assert seen

        events = Events()
        worker = make_worker(kiosk_hub.url, token, events, link_id=ID_NUMBER)
        threads.start(worker, "call")
        from PySide6.QtCore import QMetaObject, Qt

        QMetaObject.invokeMethod(worker, "run_call", Qt.ConnectionType.QueuedConnection)
        qtbot.waitUntil(lambda: events.last("queued") is not None, timeout=15000)
        item = page.wait_for_selector("#waiting li:has-text('Nguyễn Văn Bình')", timeout=10000)
        assert "1 lần đo trước" in item.inner_text() and "152/96" in item.inner_text()  # the trend

        page.click("#waiting li button")
        qtbot.waitUntil(lambda: events.last("connected") is not None, timeout=20000)
        wait_for(lambda: flowing(page, worker, {}), 20, "frames and sound both ways", pump=lambda: qtbot.wait(20))
        assert "Huyết áp: 152/96 mmHg" in page.inner_text("#trend")
        shots = os.environ.get("TELEHEALTH_SCREENSHOTS")
        if shots and backend == "sqlite":  # docs/telehealth.md: the call page with the earlier readings
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(Path(shots) / "telehealth-doctor-trend.png"), full_page=True)
        page.fill("#caption-text", "Bà nghe rõ không?")
        page.click("#caption-send")
        qtbot.waitUntil(lambda: events.last("caption") is not None, timeout=10000)
        page.fill("#note", "Huyết áp giảm so với lần trước.")
        page.click("#note-send")
        qtbot.waitUntil(lambda: events.last("note") is not None, timeout=10000)
        with qtbot.waitSignal(worker.call_over, timeout=10000):
            worker.hangup()
        page.wait_for_selector("#call-state:has-text('Người dân đã kết thúc')", timeout=10000)
        assert events.last("ended")["by"] == "kiosk"

        # the page's ticket is good on the other process too (the key is shared through the database)
        ticket = re.search(r'data-ticket="([^"]+)"', page.content()).group(1)
        cookie = sign_in_health_worker(kiosk_hub, "bs.minh")
        ws_url = kiosk_hub.url.replace("http://", "ws://") + f"/telehealth/ws?ticket={ticket}"
        assert _run(_closed_with(ws_url, {"Cookie": cookie, "Origin": kiosk_hub.url})) == -1
    finally:
        next(pages, None)

    stored = _everything_stored(url)
    assert ID_NUMBER not in stored, "the ID card number is stored nowhere"

    # the doctor's process dies without a word (its page's socket never says goodbye): the kiosk's process soon
    # sees nobody on duty, and a resident asking is told so
    pages = open_doctor_page(chromium, doctor_hub)
    page = next(pages)
    try:
        go_on_duty(page)
        wait_for(lambda: kiosk_hub.request("GET", "/v1/telehealth/status", token=token)[1]["available"], 10,
                 "the doctor on duty again")
        doctor_hub.kill()
        wait_for(lambda: not kiosk_hub.request("GET", "/v1/telehealth/status", token=token)[1]["available"], 25,
                 "nobody on duty once the doctor's process is gone")
    finally:
        next(pages, None)
    assert _run(_ask_with_nobody_on_duty(kiosk_hub, token)) == "no-doctor"

