"""The kiosk shell as a resident and a technician meet it: tiles, language, idle, lockdown, PIN."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QVBoxLayout

from screens.shell.home import SERVICES
from screens.shell.screen import Screen


def visible_texts(widget) -> list[str]:
    out = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget.window()) and child.text().strip():
            out.append(child.text())
    return out


def test_every_tile_opens_its_screen_and_back_and_home_return(make_app, qtbot) -> None:
    app = make_app()
    for service, _ in SERVICES:
        qtbot.mouseClick(app.home_screen.tiles[service], Qt.MouseButton.LeftButton)
        assert app.navigator.current.screen_id == service
        assert app.window.nav_bar.isVisible()
        qtbot.mouseClick(app.window.nav_bar.back, Qt.MouseButton.LeftButton)
        assert app.navigator.current.screen_id == "home"
        qtbot.mouseClick(app.home_screen.tiles[service], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(app.window.nav_bar.home, Qt.MouseButton.LeftButton)
        assert app.navigator.current.screen_id == "home"


def test_language_switch_changes_every_visible_string(make_app, qtbot) -> None:
    app = make_app()
    window = app.window
    vietnamese = visible_texts(window)
    assert "Thủ tục hành chính" in vietnamese and "Trợ giúp" in vietnamese
    qtbot.mouseClick(window.header.language, Qt.MouseButton.LeftButton)
    english = visible_texts(window)
    assert "Administrative procedures" in english and "Help" in english
    # Everything but names, numbers and the clock is different in the other language.
    unchanged = {t for t in english if t in vietnamese}
    allowed = {app.config.station.name, window.header.clock.text(), "VNeID"}  # VNeID: the app's name
    assert unchanged <= allowed | {g for _, g in SERVICES}, unchanged
    qtbot.mouseClick(window.header.language, Qt.MouseButton.LeftButton)
    assert "Thủ tục hành chính" in visible_texts(window)


class FormScreen(Screen):
    screen_id = "test.form"

    def build(self) -> None:
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)

    def reset(self) -> None:
        super().reset()
        self.field.clear()


def _fast_idle(app, idle_s: float = 0.2, warning_s: int = 2) -> FormScreen:
    app.flow.flow.warning_seconds = warning_s
    screen = app.navigator.add(FormScreen())
    app.flow.flow.register(screen.screen_id, idle_s)
    return screen


def test_idle_warning_more_time_extends_and_timeout_wipes_the_visit(make_app, qtbot) -> None:
    app = make_app()
    form = _fast_idle(app)
    app.flow.go("test.form")
    qtbot.keyClicks(form.field, "Nguy")  # QTest cannot type non-Latin-1 keys
    form.field.insert("ễn Văn An")
    app.flow.visit.identity = object()
    overlay = app.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    assert overlay.countdown.text() in ("2", "1")
    qtbot.mouseClick(overlay.more_button, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()
    assert form.field.text() == "Nguyễn Văn An", "more time keeps what the resident typed"
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "home", timeout=5000)
    assert not overlay.isVisible()
    assert form.field.text() == ""
    assert app.flow.visit.identity is None and app.flow.visit.is_empty


def test_close_requests_and_escape_are_ignored_in_kiosk_mode(make_app, qtbot) -> None:
    app = make_app()
    qtbot.mouseClick(app.home_screen.tiles["procedures"], Qt.MouseButton.LeftButton)
    app.window.close()
    assert app.window.isVisible()
    qtbot.keyClick(app.window, Qt.Key.Key_Escape)
    assert app.window.isVisible() and app.navigator.current.screen_id == "procedures"


def test_hidden_gesture_opens_pin_pad_and_five_wrong_pins_lock_it(make_app, qtbot) -> None:
    app = make_app()
    for _ in range(5):
        qtbot.mouseClick(app.window.header.station, Qt.MouseButton.LeftButton)
    pin = app.pin_screen
    assert app.navigator.current is pin

    def enter(code: str) -> None:
        for digit in code:
            qtbot.mouseClick(pin.keys[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pin.keys["OK"], Qt.MouseButton.LeftButton)

    for attempt in range(4):
        enter("9999")
        assert "Còn" in pin.status.text() and str(4 - attempt) in pin.status.text()
    enter("9999")
    assert pin.is_locked and not pin.keys["1"].isEnabled()
    assert "khóa" in pin.status.text()
    enter("1234")  # the right PIN does nothing while locked
    assert app.navigator.current is pin


def test_right_pin_opens_technician_status(make_app, qtbot) -> None:
    app = make_app()
    app.flow.go("technician.pin")
    for digit in "1234":
        qtbot.mouseClick(app.pin_screen.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.pin_screen.keys["OK"], Qt.MouseButton.LeftButton)
    assert app.navigator.current is app.tech_screen
    app.bus.sync_status_changed.emit({"phase": "offline", "counts": {"queued": 3}, "oldest_unsent_age_seconds": 400,
                                      "online": False})
    texts = visible_texts(app.tech_screen)
    assert "3" in texts and "6 min" in texts
    qtbot.mouseClick(app.tech_screen.exit_button, Qt.MouseButton.LeftButton)
    assert app.navigator.current.screen_id == "home"


def test_large_text_mode_grows_text_and_resets_for_the_next_resident(make_app, qtbot) -> None:
    app = make_app()
    title = app.home_screen.tiles["health"].heading
    normal = title.fontInfo().pixelSize()
    qtbot.mouseClick(app.window.header.large_text, Qt.MouseButton.LeftButton)
    assert title.fontInfo().pixelSize() > normal
    app.flow.go("health")
    app.flow.home("timeout")
    assert title.fontInfo().pixelSize() == normal
    assert not app.window.header.large_text.isChecked()


def test_help_shows_staff_phone_and_emergency_numbers(make_app, qtbot) -> None:
    app = make_app()
    qtbot.mouseClick(app.window.header.help, Qt.MouseButton.LeftButton)
    texts = " ".join(visible_texts(app.window.help_overlay))
    for needle in ("113", "114", "115", app.config.station.staff_phone):
        assert needle in texts


def test_every_resident_screen_meets_touch_and_text_sizes(make_app, qtbot) -> None:
    app = make_app()
    for screen_id in [*app.navigator.ids(), *(f"en:{i}" for i in app.navigator.ids())]:
        english, screen_id = screen_id.startswith("en:"), screen_id.removeprefix("en:")
        app.flow.home()
        app.set_language("en" if english else "vi")
        app.flow.go(screen_id, app.navigator.screen(screen_id).sample_params())
        for button in app.window.findChildren(QAbstractButton):
            if button.isVisibleTo(app.window) and button.text():
                assert button.height() >= 90, (screen_id, button.text(), button.height())
        for lab in app.window.findChildren(QLabel):
            if lab.isVisibleTo(app.window) and lab.text().strip():
                assert lab.fontInfo().pixelSize() >= 28, (screen_id, lab.text(), lab.fontInfo().pixelSize())


def test_unexpected_exception_sends_the_resident_to_the_problem_screen(make_app, qtbot) -> None:
    import sys
    import threading

    from kiosk.run import _install_excepthooks

    app = make_app()
    app.flow.go("procedures")
    failures: list[str] = []
    saved = sys.excepthook, threading.excepthook
    try:
        _install_excepthooks(app, failures)
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook, threading.excepthook = saved
    assert app.navigator.current.screen_id == "problem"
    assert failures == ["RuntimeError: boom in a slot"]


@pytest.mark.parametrize("panel", ["offscreen.json", "offscreen_portrait.json"])
def test_every_screen_fits_the_panel_in_both_orientations_and_languages(panel: str) -> None:
    """The stack is as large as its largest page, so one oversized screen would push every screen off
    the panel. Each orientation needs its own process (the offscreen screen is fixed per process)."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={root / 'tests' / panel}")
    run = subprocess.run([sys.executable, str(Path(__file__).with_name("panel_fit_probe.py"))], env=env, cwd=root,
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert not report["too_big"], f"screens larger than the {report['panel']} panel allows: {report['too_big']}"
