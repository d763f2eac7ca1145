"""Spoken guidance in the real app (issue 17 item 3): "Nghe hướng dẫn" in the header reads the current step (the
voice service gets the step's text in the language on screen and real espeak-ng renders an audible WAV), a
second press stops it, the voice mode reads each step on arrival, and every resident screen has words to read."""

from __future__ import annotations

import array
import re
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.services.voice import VoiceService

VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
SILENT_SCREENS = {"consult.call"}  # a video call: the doctor speaks, the station does not


def _with_voice(app) -> VoiceService:
    """The app's real voice service (espeak-ng, a worker thread owned by the app), as setup would build it."""
    voice = VoiceService(app.config, app.data_dir, app.threads)
    voice.start()
    app.ctx.services.voice = voice
    return voice


def _rms_and_seconds(path: Path) -> tuple[float, float]:
    with wave.open(str(path), "rb") as w:
        samples = array.array("h", w.readframes(w.getnframes()))
        return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5, w.getnframes() / w.getframerate()


def _newest_wav(app) -> Path:
    wavs = sorted((app.data_dir / "voice-cache").glob("*.wav"), key=lambda p: p.stat().st_mtime)
    assert wavs, "nothing was synthesised"
    return wavs[-1]


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_listen_button_reads_the_current_step_and_a_second_press_stops(make_app, qtbot):
    app = make_app()
    voice = _with_voice(app)
    _click(qtbot, app.home_screen.tiles["health"])
    screen = app.navigator.current
    listen = app.window.header.listen
    assert listen.text() == "Nghe hướng dẫn"
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        _click(qtbot, listen)
        assert listen.text() == "Dừng đọc"  # at once: the resident sees the press was taken
    text, seconds = spoken.args
    assert text == screen.spoken_text() and text.startswith("Đo sức khỏe")
    rms, wav_seconds = _rms_and_seconds(_newest_wav(app))
    assert rms > 300 and wav_seconds == pytest.approx(seconds)
    assert wav_seconds > len(text.split()) / (app.config.voice.speed / 60) * 0.6  # as long as the words need
    with qtbot.waitSignal(voice.speech_ended, timeout=5000):
        _click(qtbot, listen)  # the second press stops the reading
    assert not voice.speaking and listen.text() == "Nghe hướng dẫn"


def test_english_on_screen_is_read_in_english(make_app, qtbot):
    app = make_app()
    voice = _with_voice(app)
    app.set_language("en")
    app.flow.go("tracking")
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        _click(qtbot, app.window.header.listen)
    assert spoken.args[0].startswith("Track a dossier") and not VIETNAMESE.search(spoken.args[0])
    assert app.window.header.listen.text() == "Stop reading"


def test_voice_mode_reads_each_step_on_arrival_until_the_visit_ends(make_app, qtbot):
    app = make_app()
    voice = _with_voice(app)
    app.window.header.help.click()
    toggle = app.window.help_overlay.voice_mode
    assert toggle.isVisible() and not toggle.isChecked() and "tắt" in toggle.text()
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        _click(qtbot, toggle)  # turning it on reads the step at once: the resident hears what it does
    assert "bật" in toggle.text() and spoken.args[0].startswith("Chào mừng")
    _click(qtbot, app.window.help_overlay.close_button)
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        _click(qtbot, app.home_screen.tiles["procedures"])  # no button pressed: the step reads itself
    assert spoken.args[0] == app.navigator.current.spoken_text() and "Thủ tục hành chính" in spoken.args[0]
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        app.flow.go("tracking")
    assert spoken.args[0].startswith("Tra cứu hồ sơ")
    app.flow.home("button")  # the next resident starts with the configured default: off
    assert not app.voice_guide.read_each_step and not toggle.isChecked()
    read = []
    voice.spoken.connect(lambda text, _s: read.append(text))
    app.flow.go("payment")
    qtbot.wait(1500)
    assert read == []


def test_voice_mode_default_comes_from_the_config(make_app, qtbot):
    app = make_app(voice={"read_each_step": True})
    voice = _with_voice(app)
    assert app.window.help_overlay.voice_mode.isChecked()
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        app.flow.go("health")
    assert spoken.args[0].startswith("Đo sức khỏe")


def test_with_the_voice_off_in_the_config_there_is_no_button(make_app, qtbot):
    app = make_app(voice={"enabled": False})
    voice = _with_voice(app)  # the worker still plays audio cues
    app.flow.go("health")
    assert not app.window.header.listen.isVisible() and not app.window.help_overlay.voice_mode.isVisible()
    app.voice_guide.listen()
    assert not voice.speaking


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_resident_screen_has_its_title_and_instruction_to_read(make_app, language):
    app = make_app()
    app.build_all()
    missing, wrong_language = [], []
    app.set_language(language)  # once: going home would start a new visit, in the station's language
    for screen_id in app.navigator.ids():
        if screen_id.startswith("technician") or screen_id in SILENT_SCREENS:
            continue
        screen = app.navigator.screen(screen_id)
        if screen_id != "home":
            app.flow.go(screen_id, screen.sample_params())
        text = screen.spoken_text()
        if len(text.split()) < 2:
            missing.append(screen_id)
        elif (language == "vi") != bool(VIETNAMESE.search(text)):
            wrong_language.append((screen_id, text))
    assert missing == [] and wrong_language == []
