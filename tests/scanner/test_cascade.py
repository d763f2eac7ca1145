"""The cascade's budgets (fallback every Nth frame, ladder only after a while) and de-duplication."""

from __future__ import annotations

import cv2
import numpy as np

from devices.scanner.cascade import CascadeSettings, DecoderCascade, Deduper
from tests.scanner.images import qr_image


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _counting(cascade: DecoderCascade) -> dict[str, int]:
    """Count how often each backend is consulted (the backends are real; only counted)."""
    calls = {name: 0 for name in cascade.backends}

    def wrap(name, backend):
        def counted(gray):
            calls[name] += 1
            return backend(gray)
        return counted

    cascade.backends = {name: wrap(name, b) for name, b in cascade.backends.items()}
    return calls


# No CPU-busy skipping in these tests: a loaded test machine must not change what is counted.
UNBUDGETED = CascadeSettings(("zxing", "pyzbar"), 5, ladder_after_seconds=2.0, frame_budget_ms=None)
EMPTY = np.full((720, 1280), 200, np.uint8)


def test_pyzbar_only_every_nth_frame_and_no_ladder_before_the_delay():
    clock = Clock()
    cascade = DecoderCascade(UNBUDGETED, clock=clock)
    calls = _counting(cascade)
    for _ in range(20):
        assert cascade.decode_frame(EMPTY) == []
        clock.now += 0.05  # 20 frames in 1 s: before the ladder delay
    assert calls == {"zxing": 20, "pyzbar": 4}


def test_ladder_runs_one_step_per_frame_after_the_delay_and_stops_after_a_read():
    clock = Clock()
    cascade = DecoderCascade(UNBUDGETED, clock=clock)
    calls = _counting(cascade)
    clock.now += 3.0
    for _ in range(10):
        cascade.decode_frame(EMPTY)
    # 10 frames: zxing on each; pyzbar on 2 of them; a ladder step (one more decoder call) on each of the other 8
    assert calls["zxing"] + calls["pyzbar"] == 10 + 2 + 8
    code = qr_image("1.004222", 8)
    assert [r.text for r in cascade.decode_frame(code)] == ["1.004222"]
    before = dict(calls)
    cascade.decode_frame(EMPTY)  # just found something: back to zxing only
    assert calls["zxing"] == before["zxing"] + 1 and calls["pyzbar"] == before["pyzbar"]


def test_still_images_get_the_whole_ladder(sample_data):
    # A real photo that neither library reads as it is, but pyzbar reads after Otsu thresholding.
    image = cv2.imread(str(sample_data / "qr-photos/zxing-cpp/qrcode-2/13.webp"), cv2.IMREAD_GRAYSCALE)
    assert DecoderCascade(CascadeSettings(("zxing", "pyzbar"), ladder=False)).decode_still(image) == []
    results = DecoderCascade(CascadeSettings(("zxing", "pyzbar"))).decode_still(image)
    assert [r.text[:40] for r in results] == ["The 2005 USGS aerial photography of the "]
    assert "+" in results[0].backend  # found on a ladder variant


def test_the_same_code_is_reported_once_within_the_window():
    clock = Clock()
    dedupe = Deduper(4.0, clock)
    assert dedupe.is_new("A")
    clock.now += 1
    assert not dedupe.is_new("A")  # still in view
    assert dedupe.is_new("B")
    clock.now += 3.5
    assert not dedupe.is_new("A")  # seen 3.5 s ago: the window restarts with every sighting
    clock.now += 4.5
    assert dedupe.is_new("A")  # gone for longer than the window: a new scan


def test_settings_from_camera_config_drop_unknown_decoders():
    from kiosk.config.schema import CameraSettings

    settings = CascadeSettings.from_camera(CameraSettings(decoders=["pyzbar", "nonsense", "zxing"],
                                                          pyzbar_every_n_frames=3))
    assert settings.decoders == ("pyzbar", "zxing") and settings.pyzbar_every_n_frames == 3
