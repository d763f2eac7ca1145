"""The cascade's budgets (first look only at first, extra steps spread over frames) and de-duplication."""

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
UNBUDGETED = CascadeSettings(("zxing", "pyzbar"), 5, ladder_after_seconds=0.2, frame_budget_ms=None)
EMPTY = np.full((720, 1280), 200, np.uint8)


def _counting_steps(cascade: DecoderCascade) -> list[str]:
    """Record which extra steps run (the steps are real; only recorded)."""
    ran: list[str] = []

    def wrap(name, step):
        def counted(look):
            ran.append(name)
            return step(look)
        return counted

    cascade.steps = [(name, wrap(name, step)) for name, step in cascade.steps]
    return ran


def test_a_new_scan_gets_the_first_look_only_until_the_delay():
    clock = Clock()
    cascade = DecoderCascade(UNBUDGETED, clock=clock)
    calls = _counting(cascade)
    ran = _counting_steps(cascade)
    for _ in range(3):
        assert cascade.decode_frame(EMPTY) == []
        clock.now += 0.05  # 3 frames in 0.15 s: before the delay
    assert calls == {"zxing": 0, "pyzbar": 0} and ran == []  # zxing's first look is not a backend call


def test_extra_steps_run_round_robin_never_twice_on_a_frame_and_stop_after_a_read():
    clock = Clock()
    cascade = DecoderCascade(UNBUDGETED, clock=clock)
    calls = _counting(cascade)
    ran = _counting_steps(cascade)
    clock.now += 1.0
    for _ in range(5):
        cascade.decode_frame(EMPTY)
    assert calls["pyzbar"] == 1  # the fallback on every 5th frame without a read
    n = len(cascade.steps)
    assert len(ran) == 5 * n  # unbudgeted: every step once per frame
    assert all(ran[i * n:(i + 1) * n] == [name for name, _ in cascade.steps] for i in range(5))
    code = qr_image("1.004222", 8)
    assert [r.text for r in cascade.decode_frame(code)] == ["1.004222"]
    before = (len(ran), dict(calls))
    cascade.decode_frame(EMPTY)  # just read something: the first look only, for a moment
    assert (len(ran), calls) == before


def test_a_frame_budget_spreads_the_steps_over_frames():
    clock = Clock()
    cascade = DecoderCascade(CascadeSettings(("zxing", "pyzbar"), 5, 0.2, frame_budget_ms=1000), clock=clock)
    ran = _counting_steps(cascade)
    cascade._cost = {name: 10_000.0 for name, _ in cascade.steps}  # as learnt on a very slow machine
    clock.now += 1.0
    for _ in range(len(cascade.steps)):
        cascade.decode_frame(EMPTY)
    # each step would overrun the frame: one step per frame, so the whole round still happens over the frames
    assert ran == [name for name, _ in cascade.steps]



def test_a_fresh_cascade_does_not_start_unmeasured_steps_past_the_budget(monkeypatch):
    """A new cascade (the command line, the first frames after start-up) has learnt no step's cost: a step not
    yet run counts as a dear one (UNMEASURED_STEP_MS), so a frame does not start one it has no room for.
    The CPU clock is simulated: every step takes 5 ms of it."""
    from devices.scanner import cascade as cascade_module

    cpu = {"s": 0.0}
    monkeypatch.setattr(cascade_module.time, "thread_time", lambda: cpu["s"])
    clock = Clock()
    budget = 21.0  # not a multiple of 5: no float rounding at the edge
    cascade = DecoderCascade(CascadeSettings(("zxing", "pyzbar"), 5, 0.2, frame_budget_ms=budget), clock=clock)
    ran: list[str] = []

    def costing(name, step):
        def run(look):
            ran.append(name)
            cpu["s"] += 0.005
            return step(look)
        return run

    cascade.steps = [(name, costing(name, step)) for name, step in cascade.steps]
    clock.now += 1.0
    cascade.decode_frame(EMPTY)
    # the first step always runs (5 ms); a second, unmeasured, needs 5 + UNMEASURED_STEP_MS <= 21; no third
    expected = 2 if budget >= 5 + cascade_module.UNMEASURED_STEP_MS else 1
    assert len(ran) == expected
    while len(ran) < len(cascade.steps):  # until every step has run once (two a frame)
        cascade.decode_frame(EMPTY)
    before = len(ran)
    cascade.decode_frame(EMPTY)  # every cost measured now, 5 ms each: the budget's worth of them
    assert len(ran) - before == 4

def test_still_images_get_every_step(sample_data):
    # A real photo that neither library reads as it is, but pyzbar reads after Otsu thresholding.
    image = cv2.imread(str(sample_data / "qr-photos/zxing-cpp/qrcode-2/13.webp"), cv2.IMREAD_GRAYSCALE)
    assert DecoderCascade(CascadeSettings(("zxing", "pyzbar"), ladder=False)).decode_still(image) == []
    results = DecoderCascade(CascadeSettings(("zxing", "pyzbar"))).decode_still(image)
    assert [r.text[:40] for r in results] == ["The 2005 USGS aerial photography of the "]
    assert "+" in results[0].backend  # found by an extra step


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
