"""A glare spot on a laminated card (tests/scanner/holdout.py's renderer on development seeds 101, 202 and 303, never
its reported seed): the erasure decoder erases the spot's clipped plateau and its rim (erasure.highlight_map), so
codes whose spot left dark modules trusted as light are read; the resident is asked to tilt the card when a spot
is seen and nothing is read; a spot on a frame without a code gives no text."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.scanner import erasure
from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.decoders import to_gray
from devices.scanner.guidance import Guidance, assess
from devices.scanner.steps import Look
from tests.scanner import holdout


def glare_case(data: Path, seed: int, index: int, spot: bool = True) -> tuple[np.ndarray, str]:
    """Case ``index`` of the held-out renderer's glare condition on ``seed`` (optionally without its highlight)."""
    kinds = holdout.payloads(data)
    rng = np.random.default_rng([seed, holdout.CONDITIONS.index("glare")])
    real = holdout.highlight
    if not spot:
        holdout.highlight = lambda shape, *_args: np.zeros(shape, np.float32)  # type: ignore[assignment]
    try:
        for i in range(index + 1):
            frames, text, _px = holdout.make_case("glare", i, kinds, rng)
    finally:
        holdout.highlight = real
    return frames[0], text


def erasure_texts(frame: np.ndarray) -> set[str]:
    """What the cascade's two erasure steps (regrid-erasure, gridfit-erasure) read in the frame."""
    steps = [step for name, step in DecoderCascade(CascadeSettings(frame_budget_ms=None)).steps
             if name in ("regrid-erasure", "gridfit-erasure")]
    assert len(steps) == 2
    return {d.text for step in steps for d in step(Look(to_gray(frame), frame))}


@pytest.mark.parametrize(("seed", "index"), [(101, 2), (202, 5), (303, 2), (303, 6)])
def test_a_glare_spot_is_erased_with_its_rim_and_the_code_is_read(sample_data, monkeypatch, seed, index):
    frame, text = glare_case(sample_data, seed, index)
    assert erasure_texts(frame) == {text}
    assert {d.text for d in DecoderCascade(CascadeSettings(frame_budget_ms=None)).decode_still(frame)} == {text}
    # without the spot's map, its rim's dark modules are trusted as light, and the erasures cannot make up for them
    monkeypatch.setattr(erasure, "highlight_map", lambda values: np.zeros(values.shape, np.float32))
    assert erasure_texts(frame) == set()


def test_a_clipped_plateau_and_its_rim_are_marked_but_light_modules_between_dark_ones_are_not():
    rng = np.random.default_rng(5)
    values = np.where(rng.random((25, 25)) < 0.5, 40.0, 255.0).astype(np.float32)  # an overexposed code
    values[0:3, 0:3] = 255.0  # a light 3×3 block as codes have a few of: marked, a few needless erasures only
    values[10:15, 10:16] = 252.0  # a burnt-out spot, dark modules clipped too
    marked = erasure.highlight_map(values) > 0
    assert marked[10:15, 10:16].all() and marked[9, 12] and marked[15, 12]  # the plateau and a module of rim
    assert np.count_nonzero(marked) < values.size / 5  # an overexposed code is not erased wholesale


@pytest.mark.parametrize(("seed", "index"), [(303, 8), (404, 6)])
def test_a_glare_spot_that_prevents_a_read_asks_the_resident_to_tilt_the_card(sample_data, seed, index):
    frame, _text = glare_case(sample_data, seed, index)
    gray = to_gray(frame)
    assert assess(gray, Look(gray, frame).regions) is Guidance.TILT
    clean, _ = glare_case(sample_data, seed, index, spot=False)
    gray = to_gray(clean)
    assert assess(gray, Look(gray, clean).regions) is not Guidance.TILT


def test_a_glare_spot_on_a_frame_without_a_code_gives_no_text():
    rng = np.random.default_rng(11)
    scene = holdout.backdrop(rng)
    for k in range(6):  # lines of print on a card, a spot over them
        cv2.line(scene, (600, 500 + 40 * k), (1500, 500 + 40 * k), 40.0, 14)
    scene += holdout.highlight(scene.shape, 1000, 600, 160, 90, math.pi / 6, 0.6, 300)
    frame = holdout.camera(np.minimum(scene, 255.0), rng, 0.7)
    assert DecoderCascade(CascadeSettings(frame_budget_ms=None)).decode_still(frame) == []
