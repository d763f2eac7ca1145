"""The scan widget on its own: touch sizes, hint, timeout, camera-missing state, feedback, language change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QImage

from screens.scan.scan_widget import ScanWidget
from screens.shell import theme


@pytest.fixture
def widget(qtbot):
    w = ScanWidget(hint_seconds=0.2)
    theme.apply(w)  # the one theme, as the kiosk's window has it (sizes live there, not in the widget)
    qtbot.addWidget(w)
    w.resize(1080, 1200)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_touch_friendly_sizes(widget):
    for lab in (widget.prompt, widget.hint, widget.feedback, widget.privacy, widget.missing):
        lab.ensurePolished()
        assert lab.font().pixelSize() >= 28
    widget.set_camera_state("absent")
    widget.start_scan(60)
    widget.set_camera_state("absent")
    for button in (widget.manual_button, widget.cancel_button):
        assert button.isVisible() and button.height() >= 90


def test_scanning_shows_privacy_notice_then_a_hint(qtbot, widget):
    widget.start_scan(60)
    assert widget.privacy.isVisible() and "not stored" in widget.privacy.text()
    assert not widget.hint.isVisible()
    qtbot.waitUntil(widget.hint.isVisible, timeout=10000)
    assert "15–20 cm" in widget.hint.text()


def test_frames_show_only_while_scanning_and_are_cleared_after(widget):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    widget.show_frame(image)
    assert widget.preview.image is None  # not scanning: ignored
    widget.start_scan(60)
    widget.set_camera_state("ready")
    widget.show_frame(image)
    assert widget.preview.image is image
    widget.stop_scan()
    assert widget.preview.image is None


def test_timeout_offers_try_again(qtbot, widget):
    with qtbot.waitSignal(widget.timed_out, timeout=10000):
        widget.start_scan(1)
    assert widget.state == "timeout" and widget.retry_button.isVisible()
    with qtbot.waitSignal(widget.retry_requested):
        qtbot.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)


def test_camera_missing_shows_message_and_manual_entry(qtbot, widget):
    widget.start_scan(60)
    widget.set_camera_state("absent")
    assert widget.stack.currentWidget() is widget.missing
    assert "not available" in widget.missing.text()
    with qtbot.waitSignal(widget.manual_entry_requested):
        qtbot.mouseClick(widget.manual_button, Qt.MouseButton.LeftButton)
    widget.set_camera_state("ready")
    assert widget.stack.currentWidget() is widget.preview
    with qtbot.waitSignal(widget.cancelled):
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)


def test_success_highlight(widget):
    widget.start_scan(60)
    widget.show_success()  # the tone is the scanner service's audio cue (tests/voice/test_cues.py)
    assert widget.state == "success" and widget.preview.success


@pytest.mark.parametrize(("code", "words"), [("not_official", "not an official code"),
                                             ("unexpected", "not the one needed"), ("unreadable", "could not be read")])
def test_feedback_texts(widget, code, words):
    widget.start_scan(60)
    widget.show_feedback(code)
    assert widget.feedback.isVisible() and words in widget.feedback.text()


def test_vietnamese_after_a_language_change(qtbot, widget, tmp_path):
    import subprocess

    from kiosk.i18n import _tool, ts_path

    qm = tmp_path / "scan_vi.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_path("scan")), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        assert widget.manual_button.text() == "Nhập tay"
        assert "15–20 cm" in widget.hint.text() and "Đưa thẻ" in widget.hint.text()
        assert widget.privacy.text() == "Hình ảnh từ camera không được lưu lại."
        widget.start_scan(60)
        widget.show_guidance("move_closer")
        assert widget.hint.text() == "Vui lòng đưa thẻ lại gần camera hơn."
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert widget.manual_button.text() == "Type it in"


def test_typing_becomes_the_primary_action_without_a_camera(widget):
    widget.start_scan(60)
    widget.show_feedback("not_official")
    assert widget.manual_button.property("role") == "secondary"
    widget.set_camera_state("fault")
    assert widget.manual_button.property("role") == "primary" and not widget.feedback.isVisible()


def test_the_scanners_advice_replaces_the_hint_while_it_lasts(widget):
    widget.start_scan(60)
    assert not widget.hint.isVisible()  # the general hint waits a few seconds; advice does not
    widget.show_guidance("move_closer")
    assert widget.hint.isVisible() and "closer" in widget.hint.text()
    widget.show_guidance("tilt_card")
    assert "tilt" in widget.hint.text()
    widget.show_guidance("")
    assert "15–20 cm" in widget.hint.text()
    widget.show_guidance("move_closer")
    widget.show_success()  # read: no advice left on screen
    assert widget.guidance_code == "" and "closer" not in widget.hint.text()
    widget.stop_scan()
    widget.show_guidance("move_closer")  # a late signal after the scan ended changes nothing
    assert widget.guidance_code == "" and not widget.hint.isVisible()
