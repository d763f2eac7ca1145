"""ScannerService end to end: simulated camera in a real worker thread -> decode -> classify -> on_result, and the
scan routing (screens.scan.routing) that shows it on the one scan view on screen."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QMetaObject, Qt

from core.formats import Kind
from core.threads import ThreadOwner
from kiosk.config.schema import CameraSettings, KioskConfig
from kiosk.services.bus import AppBus
from kiosk.services.scanner import ScannerService
from screens.scan.routing import routing_for
from screens.scan.scan_widget import ScanWidget
from tests.qt_relay import relay_of

ID_CARD = "026099000003||Lương Văn Bình|30121999|Nam|Thôn Tây, Tân Phú, Vĩnh Tường, Vĩnh Phúc|01082024||||"


@pytest.fixture
def rig(qtbot):
    def make(**camera):
        config = dataclasses.replace(KioskConfig(), camera=CameraSettings(**{"fps": 20, **camera}))
        threads = ThreadOwner()
        bus = AppBus()
        states = []
        bus.device_state_changed.connect(lambda device, state, detail: states.append((device, state)))
        service = ScannerService(config, threads, bus)
        service.start()
        widget = ScanWidget()
        qtbot.addWidget(widget)
        made.append(threads)
        return service, widget, states

    made: list[ThreadOwner] = []
    yield make
    for threads in made:
        assert threads.shutdown()


def test_id_card_in_front_of_the_camera_reaches_on_result(qtbot, rig):
    service, widget, states = rig()
    results = []
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, results.append)
    qtbot.waitUntil(lambda: widget.preview.image is not None, timeout=10000)  # live preview reaches the widget
    service.show_payload(ID_CARD)  # the demo camera also cycles its own sample ID card: look for ours
    qtbot.waitUntil(lambda: any(r.value.id_number == "026099000003" for r in results), timeout=10000)
    card = next(r.value for r in results if r.value.id_number == "026099000003")
    assert all(r.kind is Kind.ID_CARD for r in results)
    assert card.full_name == "Lương Văn Bình" and card.extra == ("",) * 4
    assert widget.state == "success" and widget.preview.success
    assert ("camera", "ready") in states
    routing_for(service, 60).end()
    assert widget.preview.image is None and not service.active


def test_untrusted_link_gets_feedback_and_is_not_delivered(qtbot, rig):
    service, widget, _ = rig()
    results = []
    routing_for(service, 60).begin(widget, {Kind.PROCEDURE}, results.append)
    service.show_payload("https://dichvucong.gov.vn@evil.example/?ma_thu_tuc=1.004222")
    qtbot.waitUntil(lambda: widget.feedback_code == "not_official", timeout=10000)
    assert results == []
    routing_for(service, 60).end()


def test_valid_code_of_another_kind_is_not_the_expected_code(qtbot, rig):
    service, widget, _ = rig()
    results = []
    routing_for(service, 60).begin(widget, {Kind.PROCEDURE}, results.append)
    service.inject("TCDS|1|BN01-261121-0007")
    assert widget.feedback_code == "unexpected" and results == []
    service.inject("1.004222")
    assert results[0].value.code == "1.004222"
    routing_for(service, 60).end()


def test_damaged_id_card_payload_is_unreadable(qtbot, rig):
    service, widget, _ = rig()
    results = []
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, results.append)
    service.inject("001085012345|012345678|Nguyễn Văn An|15031985")
    assert widget.feedback_code == "unreadable" and results == []
    routing_for(service, 60).end()


def test_without_a_camera_the_resident_can_type_it_in(qtbot, rig):
    service, widget, states = rig(kind="none")
    routing_for(service, 60).begin(widget, {Kind.RECEIPT}, lambda result: None)
    qtbot.waitUntil(lambda: widget.camera_state == "absent", timeout=10000)
    assert widget.stack.currentWidget() is widget.missing
    assert ("camera", "absent") in states
    with qtbot.waitSignal(widget.manual_entry_requested):
        widget.manual_button.click()
    routing_for(service, 60).end()


def test_timeout_releases_the_camera_and_try_again_reopens_it(qtbot, rig):
    service, widget, states = rig()
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, lambda result: None)
    qtbot.waitUntil(lambda: ("camera", "ready") in states, timeout=10000)
    widget._timeout_timer.start(10)  # the configured timeout is ≥ 10 s; do not wait for it
    qtbot.waitUntil(lambda: widget.state == "timeout", timeout=10000)
    states.clear()
    widget.retry_button.click()
    qtbot.waitUntil(lambda: ("camera", "ready") in states, timeout=10000)
    assert widget.state == "scanning"
    routing_for(service, 60).end()


def test_document_photo_is_one_jpeg_even_without_a_scan(qtbot, rig):
    import cv2
    import numpy as np

    service, _widget, _ = rig()
    shots = []
    service.capture_still(shots.append)
    qtbot.waitUntil(lambda: bool(shots), timeout=10000)
    image = cv2.imdecode(np.frombuffer(shots[0], np.uint8), cv2.IMREAD_COLOR)
    assert shots[0][:2] == b"\xff\xd8" and image.shape == (720, 1280, 3)


def test_document_photo_without_a_camera_answers_none(qtbot, rig):
    service, _widget, _ = rig(kind="none")
    shots = []
    service.capture_still(shots.append)
    qtbot.waitUntil(lambda: bool(shots), timeout=10000)
    assert shots == [None]


def test_a_destroyed_widget_releases_the_camera(qtbot, rig):
    service, _widget, _ = rig()
    widget = ScanWidget()
    frames = relay_of(service._worker, "frame_ready")  # seen on the GUI thread (tests/qt_relay.py)
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, lambda result: None)
    qtbot.waitUntil(lambda: bool(frames.history), timeout=10000)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not service.active, timeout=10000)
    # a barrier instead of a sleep: when this returns the worker has handled the release queued before it, and
    # any frame it sent earlier is already queued here (an ack changes nothing: the service acks every frame)
    QMetaObject.invokeMethod(service._worker, "preview_ack", Qt.ConnectionType.BlockingQueuedConnection)
    qtbot.wait(50)
    count = len(frames.history)
    qtbot.wait(500)
    assert len(frames.history) == count  # no more preview: the camera was released


def test_a_second_screen_can_take_over_a_running_camera(qtbot, rig):
    service, first, _ = rig()
    routing_for(service, 60).begin(first, {Kind.ID_CARD}, lambda result: None)
    qtbot.waitUntil(lambda: first.preview.image is not None, timeout=10000)
    second = ScanWidget()
    qtbot.addWidget(second)
    results = []
    routing_for(service, 60).begin(second, {Kind.PROCEDURE}, results.append)  # no end() in between
    qtbot.waitUntil(lambda: second.preview.image is not None, timeout=10000)
    assert second.camera_state == "ready" and second.preview.overlay_text == ""
    assert first.preview.image is None  # the first one was detached and cleared
    service.show_payload("1.004222")
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    routing_for(service, 60).end()


def test_viewfinder_without_purposes_ignores_codes_silently(qtbot, rig):
    service, widget, _ = rig()
    results = []
    routing_for(service, 60).begin(widget, set(), results.append)
    service.inject("https://evil.example/")
    service.inject("1.004222")
    assert results == [] and widget.feedback_code == "" and widget.state == "scanning"
    routing_for(service, 60).end()


def test_a_still_capture_pending_when_the_app_closes_leaves_no_timer_running(qtbot, rig):
    """Its watchdog would otherwise outlive the app; freed later from another thread, it crashes the GUI thread."""
    from PySide6.QtCore import QTimer

    service, _widget, _ = rig()
    service.capture_still(lambda _data: None)
    assert any(t.isActive() for t in service.findChildren(QTimer))
    service.shutdown()
    assert not any(t.isActive() for t in service.findChildren(QTimer))


def test_a_card_too_far_away_gets_the_advice_to_bring_it_closer(qtbot, rig, tmp_path, sample_data):
    import cv2

    from tests.scanner.synthetic import id_card_payloads
    from tests.scanner.test_hard_frames import small_code_frame

    folder = tmp_path / "camera"
    folder.mkdir()
    cv2.imwrite(str(folder / "far.png"), small_code_frame(id_card_payloads(sample_data)[0], 0.8))  # unreadable
    service, widget, _states = rig(simulated_source=str(folder))  # a camera that only ever sees this card
    results = []
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, results.append)
    qtbot.waitUntil(lambda: widget.guidance_code == "move_closer", timeout=10000)
    assert "closer" in widget.hint.text() and widget.hint.isVisibleTo(widget)
    assert results == []
    routing_for(service, 60).end()


def test_the_service_reports_to_signals_and_needs_no_widget(qtbot, rig):
    service, _widget, _ = rig()
    accepted, refused, results = [], [], []
    service.accepted.connect(lambda: accepted.append(True))
    service.refused.connect(refused.append)
    with qtbot.waitSignal(service.frame, timeout=10000):
        service.open({Kind.PROCEDURE}, results.append)
    service.inject("https://evil.example/")
    service.inject("1.004222")
    assert refused == ["not_official"] and accepted == [True] and results[0].value.code == "1.004222"
    service.close()
    service.inject("1.004223")
    assert len(results) == 1 and not service.active


def test_a_video_call_taking_the_camera_detaches_the_view_on_screen(qtbot, rig):
    service, widget, _ = rig()
    routing = routing_for(service, 60)
    routing.begin(widget, {Kind.ID_CARD}, lambda result: None)
    qtbot.waitUntil(lambda: widget.preview.image is not None, timeout=10000)
    service.close()  # what the consultation service does before its call opens the camera
    assert not routing.active and widget.preview.image is None and not service.active


def test_another_code_where_the_id_card_is_asked_says_how_to_scan_the_card(qtbot, rig):
    """Issue 19: a resident shows the VNeID app (or a receipt, a link) instead of the card: never silent, never a
    bare "not official" — the station says to hold the ID card itself."""
    service, widget, _ = rig()
    results = []
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, results.append)
    for shown in ("https://vneid.gov.vn/", "TCDS|1|BN01-261121-0007", "some text from an app screen"):
        service.inject(shown)
        assert widget.feedback_code == "not_id_card" and results == [], shown
        assert widget.feedback.isVisibleTo(widget) and "VNeID" in widget.feedback.text()
    routing_for(service, 60).end()


def test_the_preview_arrives_at_the_size_the_view_draws_it(qtbot, rig):
    """The camera's thread scales each frame once (issue 12): the GUI thread paints it without scaling."""
    service, widget, _states = rig()
    widget.resize(900, 900)
    widget.show()
    qtbot.waitExposed(widget)
    routing_for(service, 60).begin(widget, {Kind.ID_CARD}, lambda result: None)
    qtbot.waitUntil(lambda: widget.preview.image is not None
                    and widget.preview.image.size() == widget.preview.size(), timeout=10000)
    widget.resize(700, 1000)  # a panel turned upright, large text...: the next frames follow the new size
    qtbot.waitUntil(lambda: widget.preview.image.size() == widget.preview.size(), timeout=10000)
    routing_for(service, 60).end()
    widget.resize(500, 500)  # nobody scans: the view's size no longer goes to the camera
    assert widget.preview.image is None
