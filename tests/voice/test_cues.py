"""Audio cues (issue 17 item 3): made ahead and shipped (nothing is written on the GUI thread), played in the voice
worker's thread at the configured volume; the real app sounds them when a scan is read or refused and at the
blood-pressure cuff steps."""

from __future__ import annotations

import array
import wave
from pathlib import Path

from PySide6.QtCore import Qt

from core.formats import Kind
from core.health.model import Measure
from core.paths import asset
from devices.voice import cues
from devices.voice.tts import Player, Synthesizer
from devices.voice.voice_worker import VoiceWorker
from screens.scan.routing import begin_scan, end_scan
from screens.scan.scan_widget import ScanWidget
from tests.health.test_journey_gui import _app as health_app

ID_CARD = "026099000003||Lương Văn Bình|30121999|Nam|Thôn Tây, Tân Phú, Vĩnh Tường, Vĩnh Phúc|01082024||||"


def _rms(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        samples = array.array("h", w.readframes(w.getnframes()))
    return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5


def test_the_shipped_cues_are_what_the_build_script_makes(tmp_path: Path) -> None:
    fresh = {p.name: p for p in cues.make_all(tmp_path)}
    for name in cues.CUES:
        shipped = asset("sounds", cues.asset_name(name))
        assert shipped.read_bytes() == fresh[cues.asset_name(name)].read_bytes(), f"run tools/make_cues.py ({name})"
        with wave.open(str(shipped), "rb") as w:
            seconds = w.getnframes() / w.getframerate()
        assert 0.15 < seconds < 1.0 and _rms(shipped) > 3000, name  # short, and clearly audible


def test_the_worker_plays_a_cue_at_the_configured_volume(qtbot, threads, tmp_path: Path) -> None:
    def worker(volume: int) -> VoiceWorker:
        w = VoiceWorker(Synthesizer(tmp_path / f"cache{volume}", volume=volume), Player(executable=""))
        threads.start(w, f"voice-{volume}")
        return w

    loud, soft, mute = worker(100), worker(50), worker(0)
    with qtbot.waitSignal(loud.cued, timeout=5000) as full:
        loud.play_cue("scan-ok")
    with qtbot.waitSignal(soft.cued, timeout=5000) as half:
        soft.play_cue("scan-ok")
    assert full.args[1] == str(asset("sounds", "cue-scan-ok.wav"))  # the shipped file, read as it is
    assert Path(half.args[1]).parent == tmp_path / "cache50"  # a scaled copy, made once in the voice cache
    assert 0.45 < _rms(Path(half.args[1])) / _rms(Path(full.args[1])) < 0.55
    with qtbot.assertNotEmitted(mute.cued, wait=300):
        mute.play_cue("scan-ok")  # volume 0: a silent station
    with qtbot.assertNotEmitted(loud.cued, wait=300):
        loud.play_cue("no-such-cue")


def test_a_scan_sounds_read_or_refused_in_the_real_app(make_app, qtbot, tmp_path) -> None:
    from PIL import Image

    # a camera that sees a blank wall: the demo camera's own sample cards would be read codes too, and its
    # "ready" arriving after our first code would clear that code's feedback
    Image.new("RGB", (640, 480), "white").save(tmp_path / "blank.png")
    app = make_app(services=True, camera={"simulated_source": str(tmp_path)})
    voice = app.ctx.services.voice
    played: list[tuple[str, str]] = []
    voice.cued.connect(lambda name, wav: played.append((name, wav)))
    widget = ScanWidget()
    qtbot.addWidget(widget)
    results = []
    scanner = app.ctx.services.scanner
    begin_scan(app.ctx, widget, {Kind.ID_CARD}, results.append)
    qtbot.waitUntil(lambda: widget.camera_state == "ready", timeout=20000)
    names = lambda: [name for name, _wav in played]  # noqa: E731
    scanner.inject("https://example.com/not-official")  # as if the camera had read it
    qtbot.waitUntil(lambda: "scan-fail" in names(), timeout=5000)
    assert widget.feedback_code == "not_id_card"  # the card is wanted: "hold the card itself", not just "not official"
    scanner.inject(ID_CARD)
    qtbot.waitUntil(lambda: any(r.value.id_number == "026099000003" for r in results), timeout=5000)
    assert widget.state == "success"
    # one tone per code read (played in the voice thread, so it comes a moment later), none for the refused one
    qtbot.waitUntil(lambda: names().count("scan-ok") == len(results), timeout=5000)
    assert names().count("scan-fail") == 1
    assert all(_rms(Path(wav)) > 3000 for _name, wav in played)  # what reached the player is audible
    end_scan(app.ctx)


def test_the_cuff_steps_sound_on_then_hold_still_then_done(make_app, qtbot) -> None:
    app = health_app(make_app)
    assert app.ctx.services.voice is not None  # built by the app's setup, like every facade
    played: list[str] = []
    app.ctx.services.voice.cued.connect(lambda name, _wav: played.append(name))
    qtbot.mouseClick(app.home_screen.tiles["health"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.navigator.current.buttons[Measure.BLOOD_PRESSURE], Qt.MouseButton.LeftButton)
    check = app.navigator.screen("health.check")
    qtbot.waitUntil(lambda: played == ["cuff-on"], timeout=5000)
    qtbot.mouseClick(check.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: played[-1:] == ["cuff-done"], timeout=20000)
    assert played[:3] == ["cuff-on", "hold-still", "cuff-done"]
