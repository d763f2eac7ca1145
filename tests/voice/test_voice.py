"""Spoken guidance renders real Vietnamese speech with espeak-ng: audible, as long as the text needs, cached,
silent (never crashing) when it cannot speak."""

from __future__ import annotations

import array
import wave
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.voice.tts import Player, Synthesizer, VoiceUnavailable, clean_text
from devices.voice.voice_worker import VoiceWorker

SHORT = "Vui lòng quét thẻ căn cước."
LONG = ("Vui lòng đưa mặt có mã QR của thẻ căn cước trước camera, cách khoảng một gang tay, "
        "và giữ yên cho đến khi nghe tiếng bíp. Nếu thẻ bị lóa sáng, Ông Bà nghiêng thẻ một chút.")


def _rms_and_seconds(path: Path) -> tuple[float, float]:
    with wave.open(str(path), "rb") as w:
        assert w.getsampwidth() == 2
        samples = array.array("h", w.readframes(w.getnframes()))
        seconds = w.getnframes() / w.getframerate()
    return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5, seconds


def _syllables(text: str) -> int:
    return len(text.split())


@pytest.fixture
def synth(tmp_path: Path) -> Synthesizer:
    s = Synthesizer(tmp_path / "cache", voice="vi", speed=140)
    if not s.available:
        pytest.fail("espeak-ng is not installed: `make test` installs it (apt-get install espeak-ng)")
    return s


def test_vietnamese_speech_is_audible_and_as_long_as_the_text_needs(synth: Synthesizer) -> None:
    short, long = synth.wav_for(SHORT), synth.wav_for(LONG)
    for utterance, text in ((short, SHORT), (long, LONG)):
        rms, seconds = _rms_and_seconds(utterance.wav)
        assert rms > 300, "silence"
        # 140 words a minute is ~2.3 Vietnamese syllables a second; pauses at commas make it a little slower.
        expected = _syllables(text) / (140 / 60)
        assert 0.6 * expected < seconds < 2.0 * expected, (seconds, expected)
    assert long.seconds > 3 * short.seconds


def test_a_slower_speed_speaks_longer(tmp_path: Path) -> None:
    slow = Synthesizer(tmp_path / "a", speed=100).wav_for(LONG)
    fast = Synthesizer(tmp_path / "b", speed=180).wav_for(LONG)
    assert slow.seconds > 1.4 * fast.seconds


def test_the_second_time_comes_from_the_cache_without_espeak(synth: Synthesizer) -> None:
    first = synth.wav_for(SHORT)
    without_espeak = Synthesizer(synth.cache_dir, executable="/nonexistent")
    again = without_espeak.wav_for(SHORT)
    assert not first.cached and again.cached and again.wav == first.wav


def test_no_espeak_means_silence_with_a_reason_never_a_crash(tmp_path: Path) -> None:
    with pytest.raises(VoiceUnavailable, match="not installed"):
        Synthesizer(tmp_path, executable="").wav_for(SHORT)
    with pytest.raises(VoiceUnavailable):
        Synthesizer(tmp_path, executable="/bin/false").wav_for("một câu khác")


@settings(max_examples=25)
@given(st.text(max_size=300))
def test_any_text_is_spoken_or_refused_cleanly(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    synth = Synthesizer(tmp_path_factory.mktemp("fuzz"))
    try:
        utterance = synth.wav_for(text)
    except VoiceUnavailable as exc:
        assert str(exc) == "nothing to say", exc  # espeak-ng itself never failed
        assert not any(ch.isalnum() for ch in clean_text(text))
        return
    assert utterance.wav.exists() and utterance.seconds > 0
    assert len(utterance.text) <= 1000 and utterance.text.isprintable()


def test_the_worker_speaks_in_its_own_thread(qtbot, threads, tmp_path: Path) -> None:
    worker = VoiceWorker(Synthesizer(tmp_path / "cache"), Player(executable=""))  # no sound card in CI
    threads.start(worker, "voice-test")
    with qtbot.waitSignal(worker.spoken, timeout=10000) as spoken:
        worker.say(SHORT, "vi")  # a direct call runs here; the queued path is covered below
    text, seconds, cached = spoken.args
    assert text == SHORT and seconds > 0.5 and cached is False


def test_the_service_speaks_through_the_worker_thread(qtbot, threads, tmp_path: Path) -> None:
    from kiosk.config import default_config
    from kiosk.services.voice import VoiceService

    service = VoiceService(default_config(), tmp_path, threads)
    service.start()
    assert service.enabled
    with qtbot.waitSignal(service.spoken, timeout=10000) as spoken:
        service.say(LONG)
    assert spoken.args[0].startswith("Vui lòng") and spoken.args[1] > 3
