"""The steps for what zxing-cpp alone misses on a lobby webcam (SYNTHETIC frames, tests/scanner/synthetic.py): a bent
card (either way), a defocused camera, a glare spot that burnt out a finder pattern, and a glare spot that moves over
the card from frame to frame (read from the frames combined). Every read must be exactly the payload."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.decoders import make_backend, to_gray
from devices.scanner.regions import Region
from devices.scanner.stack import FrameStack
from tests.scanner.synthetic import (
    FRAME_H,
    FRAME_W,
    card,
    code_image,
    finish,
    id_card_payloads,
    make_cases,
    moving_glare_cases,
)

UNBUDGETED = CascadeSettings(("zxing", "pyzbar"), frame_budget_ms=None)


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def held(frames: tuple[np.ndarray, ...], count: int = 45) -> tuple[set[str], list[str]]:
    """(texts, backends) the live cascade reports while the frames are shown in turn, looped, at 15 fps."""
    clock = Clock()
    cascade = DecoderCascade(UNBUDGETED, clock=clock)
    for i in range(count):
        found = cascade.decode_frame(frames[i % len(frames)])
        clock.now += 1 / 15
        if found:
            return {d.text for d in found}, [d.backend for d in found]
    return set(), []


def zxing_reads(frame: np.ndarray) -> set[str]:
    return {d.text for d in make_backend("zxing")(to_gray(frame))}


def frame_with(patch: np.ndarray, seed: int) -> np.ndarray:
    frame = np.full((FRAME_H, FRAME_W), 120, np.float32)
    y, x = (FRAME_H - patch.shape[0]) // 2, (FRAME_W - patch.shape[1]) // 2
    frame[y:y + patch.shape[0], x:x + patch.shape[1]] = patch
    return finish(frame, np.random.default_rng(seed), 0.6)


@pytest.fixture(scope="module")
def bench_cases(sample_data):
    return make_cases(sample_data, 12, 0, 7, moving=False)  # bench/qr's synthetic set (seed 7)


@pytest.mark.parametrize("mirror", [False, True], ids=["as-bent", "bent-the-other-way"])
def test_bent_cards_zxing_alone_misses_are_read_whichever_way_they_bend(bench_cases, mirror):
    frames = [(c, np.ascontiguousarray(c.frame[:, ::-1]) if mirror else c.frame)
              for c in bench_cases if c.category == "curved"]
    missed = [(c, f) for c, f in frames if c.expected not in zxing_reads(f)]
    assert len(missed) >= 6  # bent cards are hard for zxing-cpp alone
    still = DecoderCascade(UNBUDGETED)
    read = [c.name for c, f in missed if [d.text for d in still.decode_still(f)] == [c.expected]]
    assert len(read) >= len(missed) - 1, read


def test_defocused_codes_are_read(bench_cases):
    """A camera focused behind the card: Gaussian blur of about half a module (the bench's blurred group, where a
    Wiener deconvolution reads the three an unsharp mask could not)."""
    blurred = [c for c in bench_cases if c.category == "blurred"]
    still = DecoderCascade(UNBUDGETED)
    missed = [c.name for c in blurred if [d.text for d in still.decode_still(c.frame)] != [c.expected]]
    assert missed == []


def test_a_finder_pattern_burnt_out_by_glare_is_drawn_back_from_the_other_two(sample_data):
    payload = id_card_payloads(sample_data)[0]
    code = code_image(payload, 4.0)
    quiet = 4 * 4  # segno's border of 4 modules, at 4 px a module
    code[quiet - 4:quiet + 36, -quiet - 36:-quiet + 4] = 255  # the top-right finder and its border: white
    frame = frame_with(card(code, np.random.default_rng(2), text=False), 3)
    assert payload not in zxing_reads(frame)
    found = DecoderCascade(UNBUDGETED).decode_still(frame)
    assert [d.text for d in found] == [payload]
    assert found[0].backend.endswith("regrid")


def test_glare_that_moves_over_the_card_is_read_from_the_frames_combined(sample_data):
    ids = id_card_payloads(sample_data)
    cases = moving_glare_cases(ids, 6, np.random.default_rng(7 + 1000))  # the first six of bench/qr's set
    missed = [c for c in cases if not any(c.expected in zxing_reads(f) for f in c.sequence)]
    assert len(missed) >= 3
    combined = []
    for case in missed:
        texts, backends = held(case.sequence)
        assert texts == {case.expected}, case.name
        if backends[0].endswith("stack-min"):
            combined.append(case)
    assert len(combined) >= 2
    still = DecoderCascade(UNBUDGETED)
    for case in combined:  # no single frame of these is readable, whatever the steps: only the frames together
        assert all(still.decode_still(f) == [] for f in case.sequence), case.name


def test_frames_that_do_not_line_up_are_never_combined(sample_data):
    ids = id_card_payloads(sample_data)
    first, second = moving_glare_cases(ids, 2, np.random.default_rng(9))
    region = Region(540, 260, 200, 200, 5.0)
    stack = FrameStack()
    for _ in range(3):
        stack.push(to_gray(first.frame))
    assert stack.combined(region) is None  # a still card under a still lamp: nothing to add
    stack.push(cv2.flip(to_gray(second.frame), 1))  # another card, elsewhere: left out
    assert stack.combined(region) is None


def test_product_barcodes_never_give_a_read_with_the_new_steps(sample_data):
    negatives = [c for c in make_cases(sample_data, 1, 4, 4, moving=False) if c.expected is None]
    frames = tuple(c.frame for c in negatives)
    assert held(frames, 12) == (set(), [])  # different frames in turn: the stack combines whatever lines up
    still = DecoderCascade(UNBUDGETED)
    assert all(still.decode_still(f) == [] for f in frames)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 240), st.integers(1, 240), st.sampled_from([0, 3]), st.integers(0, 2 ** 31))
def test_any_frame_is_a_read_or_nothing_never_an_error(height, width, channels, seed):
    """Odd frames (a sliver, noise, a flat grey, a broken camera's stripes) through every step, still and live."""
    rng = np.random.default_rng(seed)
    shape = (height, width, channels) if channels else (height, width)
    kind = seed % 3
    frame = (rng.integers(0, 256, shape) if kind == 0 else np.full(shape, seed % 256) if kind == 1
             else np.indices(shape)[1] % 7 * 36).astype(np.uint8)
    assert DecoderCascade(UNBUDGETED).decode_still(frame) == []
    assert held((frame, 255 - frame), 3) == (set(), [])
