"""ScannerWorker in a real QThread with simulated cameras: a generated video, an image folder that disappears
(unplugged mid-scan), the demo source with an injected payload, and a camera that does not exist."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject, Qt

from core.threads import ThreadOwner
from devices.scanner.worker import ScannerWorker
from kiosk.config.schema import CameraSettings
from tests.qt_relay import relay_of
from tests.scanner.images import card_photo, qr_image, write_video

PAYLOAD = "034303000002||Trần Thị Bích|21032003|Nữ|Thôn Đông, Xã An Quý, Huyện Quỳnh Phụ, Thái Bình|14082021"


def call(worker: ScannerWorker, slot: str, *args) -> None:
    QMetaObject.invokeMethod(worker, slot, Qt.ConnectionType.QueuedConnection, *(Q_ARG(str, a) for a in args))


@pytest.fixture
def owner():
    threads = ThreadOwner()
    yield threads
    assert threads.shutdown()


def state_is(*wanted: str):
    return lambda device, state, detail: device == "camera" and state in wanted


def test_video_file_camera_reads_the_id_card_once(qtbot, tmp_path, owner):
    blank = card_photo("x", 0) * 0 + 190
    frames = [blank] * 5 + [card_photo(PAYLOAD, i) for i in range(10)] + [blank] * 5
    video = write_video(tmp_path / "cam.mp4", frames)
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source=str(video), fps=30, dedupe_seconds=60))
    relay = relay_of(worker)  # waits happen on the GUI thread (tests/qt_relay.py)
    found = []
    relay.code_found.connect(lambda text, backend: found.append((text, backend)))
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.code_found, timeout=10000, check_params_cb=lambda text, backend: text == PAYLOAD):
        call(worker, "activate")
    qtbot.wait(1500)  # the video loops: the same card is seen again within the window
    assert [text for text, _ in found] == [PAYLOAD]


def test_preview_frames_wait_for_the_gui_latest_frame_wins(qtbot, tmp_path, owner):
    video = write_video(tmp_path / "cam.avi", [card_photo("1.004222", i) for i in range(5)])
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source=str(video), fps=30))
    relay = relay_of(worker)
    frames = []
    relay.frame_ready.connect(frames.append)
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.frame_ready, timeout=10000):
        call(worker, "activate")
    qtbot.wait(500)
    assert len(frames) == 1  # no acknowledgement from the GUI yet: nothing queues up
    assert (frames[0].width(), frames[0].height()) == (1280, 720)
    with qtbot.waitSignal(relay.frame_ready, timeout=10000):
        call(worker, "preview_ack")
    assert len(frames) == 2


def test_camera_released_when_deactivated(qtbot, tmp_path, owner):
    video = write_video(tmp_path / "cam.avi", [card_photo("1.004222", i) for i in range(5)])
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source=str(video), fps=30))
    relay = relay_of(worker)
    relay.frame_ready.connect(lambda _image: call(worker, "preview_ack"))
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.frame_ready, timeout=10000):
        call(worker, "activate")
    # blocking: once it returns the worker has released the camera, and any frame it sent before is already
    # queued here; a plain wait would race a worker thread starved by a loaded machine
    QMetaObject.invokeMethod(worker, "deactivate", Qt.ConnectionType.BlockingQueuedConnection)
    qtbot.wait(50)  # deliver those
    with qtbot.assertNotEmitted(relay.frame_ready, wait=600):
        pass
    # the file is no longer held open: it can be removed and the worker does not notice
    (tmp_path / "cam.avi").unlink()


def test_unplugged_mid_scan_reconnects_with_backoff(qtbot, tmp_path, owner):
    folder = tmp_path / "frames"
    folder.mkdir()
    import cv2

    for i in range(3):
        cv2.imwrite(str(folder / f"{i}.png"), qr_image("TCDS|1|BN01-261121-0007", 6))
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source=str(folder), fps=20))
    relay = relay_of(worker)
    states = []
    relay.state_changed.connect(lambda device, state, detail: states.append(state))
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.code_found, timeout=10000):
        call(worker, "activate")
    assert states[-1] == "ready"
    moved = tmp_path / "away"
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("connecting")):
        shutil.move(folder, moved)  # the "camera" is gone
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("ready")):
        shutil.move(moved, folder)  # and back: the backoff re-open finds it
    assert "connecting" in states[states.index("ready"):]


def test_missing_camera_becomes_absent_without_crashing(qtbot, owner):
    worker = ScannerWorker(CameraSettings(kind="opencv", device="/dev/video-does-not-exist"))
    relay = relay_of(worker)
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("absent")):
        call(worker, "activate")


def test_camera_disabled_in_config_is_absent(qtbot, owner):
    worker = ScannerWorker(CameraSettings(kind="none"))
    relay = relay_of(worker)
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("absent")):
        call(worker, "activate")


def test_demo_camera_shows_an_injected_payload(qtbot, owner):
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source="", fps=20))
    relay = relay_of(worker)
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("ready")):
        call(worker, "activate")
    wanted = "https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=26052"
    with qtbot.waitSignal(relay.code_found, timeout=10000, check_params_cb=lambda text, backend: text == wanted):
        call(worker, "show_payload", wanted)


def test_start_probes_the_camera_and_releases_it(qtbot, tmp_path, owner):
    video = write_video(tmp_path / "cam.avi", [card_photo("1.004222", i) for i in range(3)])
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source=str(video), fps=30))
    relay = relay_of(worker)
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("ready")):
        owner.start(worker, "scanner-test")
    with qtbot.assertNotEmitted(relay.frame_ready, wait=300):
        pass  # known to work, but not capturing until a scan begins


def test_camera_that_opens_but_gives_no_frames_is_reported_absent(qtbot, tmp_path, owner):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "0.png").write_bytes(b"not a png")  # opens (a file is there), every read fails
    worker = ScannerWorker(CameraSettings(kind="simulated", simulated_source=str(folder), fps=20))
    relay = relay_of(worker)
    owner.start(worker, "scanner-test")
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=state_is("absent")):
        call(worker, "activate")
