"""A whole consultation: a real hub process, the kiosk's aiortc peer (generated picture and tone) on its call
thread, and the doctor's page in headless chromium with fake camera and microphone. Media on 127.0.0.1 only."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMetaObject, Qt

from devices.printer.encode import render_bytes
from devices.printer.receipt import layout, make_consult_receipt
from tests.printer.escpos_decode import decode
from tests.telehealth.conftest import DOCTOR
from tests.telehealth.helpers import Events, make_worker, wait_for

NOTE = "Huyết áp hơi cao. Đo lại sau một tuần."
ADVICE = "Ăn nhạt, đi bộ 30 phút mỗi ngày; đến trạm y tế phường nếu đau đầu, chóng mặt."


def go_on_duty(page: Any) -> None:
    page.wait_for_selector("#status:has-text('Bạn chưa trực')", timeout=15000)
    page.click("#duty")
    page.wait_for_selector("#duty[aria-pressed=true]", timeout=10000)


def start_call(threads: Any, hub_url: str, token: str, events: Events, **kw: Any) -> Any:
    worker = make_worker(hub_url, token, events, **kw)
    threads.start(worker, "call")
    QMetaObject.invokeMethod(worker, "run_call", Qt.ConnectionType.QueuedConnection)
    return worker


def connected_call(hub: Any, page: Any, threads: Any, qtbot: Any, kiosk_url: str | None = None,
                   **kw: Any) -> tuple[Any, Events]:
    """The doctor on duty accepts a kiosk's call (through `kiosk_url`, the hub's by default) and media flows."""
    go_on_duty(page)
    events = Events()
    worker = start_call(threads, kiosk_url or hub.url, hub.enroll()["token"], events, **kw)
    page.wait_for_selector("#waiting li button:not([disabled])", timeout=15000)
    page.click("#waiting li button")
    qtbot.waitUntil(lambda: events.last("connected") is not None, timeout=20000)
    wait_for(lambda: flowing(page, worker, {}), 20, "frames and sound both ways", pump=lambda: qtbot.wait(20))
    return worker, events


def counts(page: Any) -> dict[str, Any]:
    return page.evaluate("window.telehealth.counts()")


def flowing(page: Any, worker: Any, floor: dict[str, int]) -> bool:
    """Frames and sound counted on both sides went past `floor` (the counts at the start of a period)."""
    c, k = counts(page), worker.counters.as_dict()
    return (c["videoFramesReceived"] > floor.get("page_video", 0) + 15 and c["audioBytesReceived"] > floor.get(
        "page_audio", 0) + 2000 and k["video_received"] > floor.get("kiosk_video", 0) + 15
            and k["audio_received"] > floor.get("kiosk_audio", 0) + 25 and c["videoFramesSent"] > 0
            and c["audioPacketsSent"] > 0 and k["video_sent"] > 0 and k["audio_sent"] > 0)


def snapshot(page: Any, worker: Any) -> dict[str, int]:
    c, k = counts(page), worker.counters.as_dict()
    return {"page_video": c["videoFramesReceived"], "page_audio": c["audioBytesReceived"],
            "kiosk_video": k["video_received"], "kiosk_audio": k["audio_received"]}


class KioskPictures:
    """The latest pictures the kiosk's screen would show (the doctor's, and its own small view)."""

    def __init__(self, worker: Any) -> None:
        self.remote: Any = None
        self.local: Any = None
        worker.remote_frame.connect(lambda image: setattr(self, "remote", image))
        worker.local_frame.connect(lambda image: setattr(self, "local", image))


def save_call_screen(pictures: KioskPictures, caption: str, path: Path) -> None:
    """The kiosk's call screen with the real pictures of this call, as the resident sees it (docs/screenshots)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.language import LanguageManager
    from screens.consult.call import ConsultCallScreen
    from screens.shell import theme

    language = LanguageManager()
    language.set_language("vi")
    app = QApplication.instance()
    app.setFont(theme.app_font(1.0, theme.load_fonts()))
    theme.apply(app, 1.0)
    screen = ConsultCallScreen()
    screen.resize(1920, 1000)
    screen.show()
    screen.set_state("connected", DOCTOR)
    screen.show_caption(caption)
    app.processEvents()
    screen.show_remote(pictures.remote)
    screen.show_self(pictures.local)
    app.processEvents()
    screen.grab().save(str(path))
    screen.close()
    language.uninstall()


def consultation_rows(hub: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(hub.db_path) as db:
        return db.execute("SELECT status, ended_by, doctor, note, advice FROM consultations ORDER BY created_at")\
            .fetchall()


def test_a_consultation_connects_flows_both_ways_prints_the_note_and_ends_from_either_side(
        local_hub: Any, doctor_page: Any, threads: Any, qtbot: Any) -> None:
    page, token = doctor_page, local_hub.enroll()["token"]
    go_on_duty(page)

    # 1. The kiosk asks; it learns who is on duty; the doctor sees the resident with the readings.
    events = Events()
    worker = start_call(threads, local_hub.url, token, events)
    qtbot.waitUntil(lambda: events.last("queued") is not None, timeout=15000)
    assert events.last("queued")["on_duty"] == [DOCTOR]
    assert events.last("queued")["expected_wait_seconds"] > 0
    page.wait_for_selector("#waiting li:has-text('Nguyễn Văn Bình')", timeout=10000)
    assert "Huyết áp: 148/92 mmHg" in page.inner_text("#waiting")

    # 2. The doctor accepts: media connects, and flows both ways (counted on each side).
    page.click("#waiting li button")
    qtbot.waitUntil(lambda: events.last("connected") is not None, timeout=20000)
    assert events.last("accepted")["doctor"] == DOCTOR
    wait_for(lambda: flowing(page, worker, {}), 20, "frames and sound both ways", pump=lambda: qtbot.wait(20))
    shot_dir = os.environ.get("TELEHEALTH_SCREENSHOTS")
    pictures = KioskPictures(worker)
    qtbot.waitUntil(lambda: pictures.remote is not None and pictures.local is not None, timeout=10000)
    assert not pictures.remote.isNull() and pictures.remote.width() >= 160, "the doctor's picture reached the kiosk"
    readings = page.inner_text("#readings")
    assert "148/92 mmHg" in readings and "Cao" in readings and "Nhịp tim" in readings
    assert "67 tuổi" in page.inner_text("#resident")

    # 3. A typed caption and the note reach the kiosk; the note prints (python-escpos Dummy bytes).
    if shot_dir:
        page.fill("#note", NOTE)
        page.fill("#advice", ADVICE)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(Path(shot_dir) / "telehealth-doctor-page.png"), full_page=True)
    page.fill("#caption-text", "Ông vui lòng ngồi yên, thở đều.")
    page.click("#caption-send")
    qtbot.waitUntil(lambda: events.last("caption") is not None, timeout=10000)
    assert events.last("caption")["text"] == "Ông vui lòng ngồi yên, thở đều."
    if shot_dir:
        save_call_screen(pictures, events.last("caption")["text"], Path(shot_dir) / "telehealth-kiosk-call.png")
    page.fill("#note", NOTE)
    page.fill("#advice", ADVICE)
    page.click("#note-send")
    qtbot.waitUntil(lambda: events.last("note") is not None, timeout=10000)
    note = events.last("note")
    assert (note["doctor"], note["note"], note["advice"]) == (DOCTOR, NOTE, ADVICE)
    page.wait_for_selector("#note-state:has-text('Đã lưu')", timeout=10000)
    receipt = make_consult_receipt("Trạm BN01", "Phường Bến Nghé", datetime(2026, 12, 3, 9, 0), note["doctor"],
                                   note["note"], note["advice"])
    printed = render_bytes(receipt, width=576)
    assert decode(printed).rasters, "the note is printed as a raster (Vietnamese text)"
    assert any(ADVICE in getattr(b, "text", "") for b in layout(receipt))

    # 4. The doctor hangs up: both sides end cleanly; the kiosk's call thread finishes its loop.
    page.click("#hangup")
    qtbot.waitUntil(lambda: events.last("ended") is not None, timeout=10000)
    assert events.last("ended")["by"] == "doctor"
    page.wait_for_selector("#call-state:has-text('Bạn đã kết thúc')", timeout=10000)
    qtbot.waitUntil(lambda: worker.counters is not None and not worker.running, timeout=10000)
    assert counts(page)["state"] == "none"

    # 5. A second resident; this time the kiosk hangs up ("Kết thúc").
    events2 = Events()
    worker2 = start_call(threads, local_hub.url, token, events2)
    page.wait_for_selector("#waiting li button:not([disabled])", timeout=15000)
    page.click("#waiting li button")
    qtbot.waitUntil(lambda: events2.last("connected") is not None, timeout=20000)
    wait_for(lambda: flowing(page, worker2, {}), 20, "frames and sound both ways", pump=lambda: qtbot.wait(20))
    with qtbot.waitSignal(worker2.call_over, timeout=10000):
        worker2.hangup()
    assert events2.last("ended")["by"] == "kiosk"
    page.wait_for_selector("#call-state:has-text('Người dân đã kết thúc')", timeout=10000)

    rows = consultation_rows(local_hub)
    assert rows == [("ended", "doctor", DOCTOR, NOTE, ADVICE), ("ended", "kiosk", DOCTOR, None, None)]
    assert not [e for e in page.errors if "favicon" not in e], page.errors
