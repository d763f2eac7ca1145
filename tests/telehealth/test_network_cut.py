"""The network between the kiosk and the hub drops mid-call (a relay on 127.0.0.1 that the test cuts): the kiosk
says it is reconnecting, then either comes back into the same consultation or ends it cleanly on both sides."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

from tests.telehealth.conftest import open_doctor_page
from tests.telehealth.helpers import wait_for
from tests.telehealth.relay import Relay
from tests.telehealth.test_call_end_to_end import connected_call, flowing, snapshot


@contextlib.contextmanager
def _hub_behind_relay(local_hub_factory: Any, chromium: Any, grace: int) -> Iterator[tuple[Any, Relay, Any]]:
    """A hub whose kiosk side goes through a relay the test can cut; the doctor's page talks to it directly."""
    hub = local_hub_factory(extra_args=["--call-grace", str(grace)])
    relay = Relay(hub.port).start()
    pages = open_doctor_page(chromium, hub)
    try:
        yield hub, relay, next(pages)
    finally:
        relay.stop()
        next(pages, None)


def test_a_blip_shows_the_reconnect_message_and_the_call_comes_back(
        local_hub_factory: Any, chromium: Any, threads: Any, qtbot: Any) -> None:
    with _hub_behind_relay(local_hub_factory, chromium, grace=20) as (hub, relay, page):
        worker, events = connected_call(hub, page, threads, qtbot, relay.url)
        relay.cut()
        qtbot.waitUntil(lambda: events.last("reconnecting") is not None, timeout=10000)
        page.wait_for_selector("#call-state:has-text('đang chờ kết nối lại')", timeout=10000)
        qtbot.wait(2000)  # the blip lasts two seconds
        relay.restore()
        qtbot.waitUntil(lambda: events.last("resumed") is not None, timeout=15000)
        qtbot.waitUntil(lambda: events.count("connected") >= 2, timeout=20000)  # the page offered again
        floor = snapshot(page, worker)
        wait_for(lambda: flowing(page, worker, floor), 20, "media again after the blip", pump=lambda: qtbot.wait(20))
        page.click("#hangup")
        qtbot.waitUntil(lambda: not worker.running, timeout=10000)
        assert events.last("ended")["by"] == "doctor"
        assert "ended" not in events.kinds()[:-1], "the blip must not end the call"
    with sqlite3.connect(hub.db_path) as db:
        assert db.execute("SELECT status, ended_by FROM consultations").fetchall() == [("ended", "doctor")]


def test_a_long_cut_ends_the_call_cleanly_on_both_sides(
        local_hub_factory: Any, chromium: Any, threads: Any, qtbot: Any) -> None:
    with _hub_behind_relay(local_hub_factory, chromium, grace=4) as (hub, relay, page):
        worker, events = connected_call(hub, page, threads, qtbot, relay.url, reconnect_seconds=4.0)
        relay.cut()
        qtbot.waitUntil(lambda: events.last("reconnecting") is not None, timeout=10000)
        qtbot.waitUntil(lambda: not worker.running, timeout=20000)  # the kiosk gave up and closed its media
        assert events.last("ended")["by"] == "network"
        page.wait_for_selector("#call-state:has-text('Trạm mất kết nối, cuộc gọi đã kết thúc')", timeout=15000)
        assert page.evaluate("window.telehealth.counts()")["state"] == "none"
    with sqlite3.connect(hub.db_path) as db:
        assert db.execute("SELECT status, ended_by FROM consultations").fetchall() == [("ended", "network")]
