"""The success tone: a valid WAV, played by a detached player process without waiting for it."""

from __future__ import annotations

import os
import time
import wave

from screens.scan import tone


def test_tone_is_played_by_a_detached_player_without_blocking(qapp, tmp_path, monkeypatch):
    log = tmp_path / "player.log"
    fake = tmp_path / "aplay"  # stands in for alsa-utils' aplay: records its arguments, plays for 3 s
    fake.write_text(f'#!/bin/sh\necho "start $*" >> {log}\nsleep 3\necho done >> {log}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(tone, "_wav", None)
    how = tone.play_success_tone()
    assert how == f"player:{fake}"
    for _ in range(100):  # wait until the player has started (it is a separate process)
        if log.exists():
            break
        qapp.processEvents()
        time.sleep(0.02)
    started = log.read_text().split()
    assert started[:2] == ["start", "-q"] and "done" not in started  # we returned while it still "plays"
    with wave.open(started[2]) as wav:
        assert (wav.getnchannels(), wav.getframerate()) == (1, 16000) and wav.getnframes() > 1000


def test_without_a_player_the_bell_is_used(qapp, monkeypatch):
    monkeypatch.setattr(tone, "player", lambda: None)
    assert tone.play_success_tone() == "beep"


def test_the_tone_is_a_committed_asset_that_make_wav_reproduces(tmp_path):
    # nothing is written at run time: the asset ships with the package and is what make_wav makes
    shipped = tone.asset(*tone.TONE_ASSET)
    assert shipped.is_file()
    assert shipped.read_bytes() == tone.make_wav(tmp_path / "fresh.wav").read_bytes()
