"""The module-grid fit (devices/scanner/gridfit.py) on SYNTHETIC codes that are not flat
(tests/scanner/gridfit_cases.py): codes on a cylinder bent harder than synthetic.py's "curved" cases, which nothing
else in the cascade reads, and steep perspective; never a wrong text, and nothing on frames without a code."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import segno

from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.decoders import ZxingReader, to_gray
from devices.scanner.gridfit import alignment_centres, grids
from devices.scanner.gridsample import nudged, tracked
from devices.scanner.qrmatrix import decode_matrix
from devices.scanner.steps import Look
from tests.scanner.gridfit_cases import bent_under_glare, cylinder, gridfit_reads, in_frame, not_flat_cases, on_card
from tests.scanner.synthetic import id_card_payloads, make_cases

ZXING = ZxingReader()


@pytest.fixture(scope="module")
def cases(sample_data: Path) -> list[tuple[str, np.ndarray, str]]:
    ids = id_card_payloads(sample_data)
    return not_flat_cases([ids[i] for i in range(0, len(ids), max(1, len(ids) // 6))][:6])


def test_alignment_centres_follow_the_standard() -> None:
    assert alignment_centres(1) == []
    assert alignment_centres(2) == [(18, 18)]
    assert len(alignment_centres(7)) == 6 and (22, 22) in alignment_centres(7)  # ISO/IEC 18004 table E.1: 6, 22, 38
    assert sorted({c for c, _ in alignment_centres(32)}) == [6, 34, 60, 86, 112, 138]


def test_a_code_on_a_cylinder_is_read_by_the_grid_fit_and_by_nothing_before_it(cases: list, sample_data: Path) -> None:
    """Most cylinder cases are read by the fit, and a fair share of them by no other step of the still cascade."""
    without = DecoderCascade(CascadeSettings(("zxing", "pyzbar"), frame_budget_ms=None))
    # without the fit, and without its grid read with erasures
    without.steps = [(name, step) for name, step in without.steps if not name.startswith("gridfit")]
    cylinders = [(frame, text) for name, frame, text in cases if name.startswith("cylinder")]
    read = [text in gridfit_reads(frame) for frame, text in cylinders]
    only_here = [ok and not any(d.text == text for d in without.decode_still(frame))
                 for ok, (frame, text) in zip(read, cylinders, strict=True)]
    assert sum(read) >= 5, read
    assert sum(only_here) >= 4, only_here


def test_the_version_comes_from_the_timing_count_not_the_finder_distance(sample_data: Path) -> None:
    """On a hard cylinder the finders' module size (at the compressed edges) overstates the version by two; the
    timing patterns count it right, and the darkness matrix is the symbol's size."""
    text = id_card_payloads(sample_data)[0]
    version = segno.make_qr(text, encoding="utf-8", eci=True).version
    frame = in_frame(cylinder(on_card(text, 4.0), 1.25), 3)
    crop = Look(to_gray(frame)).crops(5.0)[0]
    found = [g for g in grids(crop) if ZXING.read(g.image, "local", False)[0]]
    assert found and found[0].version == version
    n = 17 + 4 * version
    assert found[0].darkness.shape == found[0].values.shape == (n, n)
    assert found[0].darkness.min() >= 0.0 and found[0].darkness.max() <= 1.0
    # the module matrix is what our own decoder takes: it reads the same text from it
    decoded = decode_matrix(found[0].darkness)
    assert decoded is not None and decoded.text == text


def test_steep_perspective_is_read(cases: list) -> None:
    steep = [(frame, text) for name, frame, text in cases if name.startswith("steep")]
    assert sum(text in gridfit_reads(frame) for frame, text in steep) >= 5


def test_a_wrinkle_of_half_a_module_is_read(cases: list) -> None:
    """Cloth wrinkled by up to half a module (over 20 modules): the grid tracked block by block follows it (a
    wrinkle of a whole module is beyond it: see docs/scanning.md, Known limits)."""
    half = [(frame, text) for name, frame, text in cases if name.startswith("wrinkle-half")]
    assert sum(text in gridfit_reads(frame) for frame, text in half) >= 5


def test_never_a_wrong_text_and_nothing_without_a_code(cases: list, sample_data: Path) -> None:
    """Wrinkles (which the fit mostly cannot follow), cylinders, tilts: a read is the payload or nothing; frames
    with product bar codes and text give nothing."""
    for name, frame, text in cases:
        assert gridfit_reads(frame) <= {text}, name
    negatives = [c for c in make_cases(sample_data, per_category=0, negatives=12, moving=False)]
    for case in negatives:
        assert gridfit_reads(case.frame) == set(), case.name


def test_tracking_follows_a_shift_the_fit_does_not_know() -> None:
    """A fit that drifts to three quarters of a module off across the right half of the code (a fold it does not
    know): tracked block by block from the top-left, the grid lands on the modules again, where a single nudge of
    0.3 module cannot reach them."""
    rng = np.random.default_rng(1)
    modules = rng.random((30, 30)) < 0.5
    image = np.repeat(np.repeat(np.where(modules, 30.0, 220.0), 6, 0), 6, 1).astype(np.float32)
    image = cv2.GaussianBlur(np.pad(image, 12, constant_values=220.0), (0, 0), 1.2)
    cs = 12 + 6 * (np.arange(30) + 0.5)
    mx, my = (g.astype(np.float32) for g in np.meshgrid(cs, cs))
    off = mx.copy()
    off[:, 15:] -= np.linspace(0, 4.5, 15, dtype=np.float32)  # 6 px a module
    plain = nudged(image, off, my, 5, 0.3) < 125
    followed = nudged(image, *tracked(image, off, my, 5), 5, 0.3) < 125
    assert (plain != modules).sum() > 30
    assert (followed != modules).sum() == 0


def test_glare_on_a_bent_card_is_read_with_the_fitted_grid_and_erasures(sample_data: Path) -> None:
    """A highlight washing out a third of a bent card's code: the fitted grid read with the washed-out modules as
    erasures (step gridfit-erasure) reads what the rest of the cascade misses, and never another text."""
    texts = id_card_payloads(sample_data)
    without = DecoderCascade(CascadeSettings(("zxing", "pyzbar"), frame_budget_ms=None))
    without.steps = [(name, step) for name, step in without.steps if name != "gridfit-erasure"]
    full = DecoderCascade(CascadeSettings(("zxing", "pyzbar"), frame_budget_ms=None))
    frames = [(bent_under_glare(texts[i % len(texts)], 700 + i), texts[i % len(texts)]) for i in range(12)]
    missed = [(frame, text) for frame, text in frames if text not in {d.text for d in without.decode_still(frame)}]
    assert missed
    results = [[d.text for d in full.decode_still(frame)] for frame, _ in missed]
    assert all(got in ([], [text]) for got, (_, text) in zip(results, missed, strict=True))
    assert sum(got == [text] for got, (_, text) in zip(results, missed, strict=True)) >= 1
