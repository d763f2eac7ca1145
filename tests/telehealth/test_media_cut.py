"""The media path between the kiosk and the doctor's browser breaks mid-call (the kiosk's UDP is cut, or loses a
third of its packets), while signalling stays up: the kiosk says so, asks for a fresh connection, and either
comes back into the same consultation or ends it cleanly on both sides; on a lossy network it goes to sound
only and comes back to video when the network is good again."""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.telehealth.helpers import KioskCallScreen, wait_for
from tests.telehealth.network import kiosk_network
from tests.telehealth.test_call_end_to_end import connected_call, counts, flowing, snapshot


def _rows(hub: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(hub.db_path) as db:
        return db.execute("SELECT status, ended_by FROM consultations").fetchall()


def test_a_media_cut_shows_the_reconnect_message_and_a_fresh_connection_brings_the_call_back(
        local_hub: Any, doctor_page: Any, threads: Any, qtbot: Any) -> None:
    page = doctor_page
    with kiosk_network() as net:
        worker, events = connected_call(local_hub, page, threads, qtbot)
        screen = KioskCallScreen(worker)
        connected = events.count("connected")
        net.cut()
        qtbot.waitUntil(lambda: "Đang kết nối lại" in screen.banner, timeout=10000)
        qtbot.wait(3000)  # the cut lasts a few seconds
        assert net.dropped > 0
        net.restore()
        qtbot.waitUntil(lambda: events.count("connected") > connected, timeout=20000)
        floor = snapshot(page, worker)
        wait_for(lambda: flowing(page, worker, floor), 20, "media again after the cut", pump=lambda: qtbot.wait(20))
        assert "đang nói chuyện" in screen.banner
        page.click("#hangup")
        qtbot.waitUntil(lambda: not worker.running, timeout=10000)
        screen.close()
    assert events.last("ended")["by"] == "doctor"
    assert "ended" not in events.kinds()[:-1], "the cut must not end the call"
    assert _rows(local_hub) == [("ended", "doctor")]


def test_a_media_cut_that_lasts_ends_the_call_cleanly_on_both_sides(
        local_hub: Any, doctor_page: Any, threads: Any, qtbot: Any) -> None:
    page = doctor_page
    with kiosk_network() as net:
        worker, events = connected_call(local_hub, page, threads, qtbot, reconnect_seconds=6.0)
        net.cut()
        qtbot.waitUntil(lambda: events.last("reconnecting") is not None, timeout=10000)
        qtbot.waitUntil(lambda: not worker.running, timeout=30000)  # gave up, closed its media and its socket
    assert events.last("ended")["by"] == "network"
    page.wait_for_selector("#call-state:has-text('Trạm mất kết nối, cuộc gọi đã kết thúc')", timeout=15000)
    assert counts(page)["state"] == "none"
    assert _rows(local_hub) == [("ended", "network")]


def test_a_lossy_network_goes_to_sound_only_and_back_to_video(
        local_hub: Any, doctor_page: Any, threads: Any, qtbot: Any) -> None:
    page = doctor_page
    with kiosk_network() as net:
        worker, events = connected_call(local_hub, page, threads, qtbot)
        screen = KioskCallScreen(worker)
        net.loss = 0.3
        qtbot.waitUntil(lambda: events.last("degraded") is not None, timeout=30000)
        assert "chỉ có tiếng" in screen.banner
        page.wait_for_function("window.telehealth.counts().then(c => !c.videoOn)", timeout=10000)
        page.wait_for_selector("#call-state:has-text('chỉ nói chuyện bằng tiếng')", timeout=10000)
        qtbot.wait(1500)  # frames already on the way arrive
        paused = counts(page)["videoFramesReceived"]
        qtbot.wait(2000)
        assert counts(page)["videoFramesReceived"] <= paused + 3, "the kiosk stopped sending its picture"
        assert "ended" not in events.kinds()
        net.restore()
        qtbot.waitUntil(lambda: events.last("restored") is not None, timeout=30000)
        assert "đang nói chuyện" in screen.banner
        page.wait_for_function("window.telehealth.counts().then(c => c.videoOn)", timeout=10000)
        floor = snapshot(page, worker)
        wait_for(lambda: flowing(page, worker, floor), 20, "video both ways again", pump=lambda: qtbot.wait(20))
        page.click("#hangup")
        qtbot.waitUntil(lambda: not worker.running, timeout=10000)
        screen.close()
    assert _rows(local_hub) == [("ended", "doctor")]
