"""The erasure decoder (devices/scanner/qrmatrix.py, reedsolomon.py, erasure.py): segno-made codes read exactly;
codewords washed out by glare read as erasures, up to the correction budget and never beyond it; noise and random
matrices never give a text; SYNTHETIC glare frames (a saturated highlight on the code) read where the cascade
without the erasure step does not."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.scanner import qrmatrix, reedsolomon
from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.decoders import make_backend
from devices.scanner.erasure import erasure_reads
from devices.scanner.qrmatrix import SAFETY_MARGIN, decode_matrix
from tests.scanner import synthetic


def matrix_of(qr: segno.QRCode) -> np.ndarray:
    return np.array(list(qr.matrix_iter(scale=1, border=0)), dtype=float)


@pytest.mark.parametrize(("text", "kwargs"), [
    ("1.004222", {"error": "l"}),
    ("0123456789012345678901234567890", {"error": "h"}),  # numeric
    ("TCDS|1|BN01-261121-0007", {"error": "q"}),
    ("HTTPS://DICHVUCONG.GOV.VN/P/1.004222", {"error": "m", "mode": "alphanumeric"}),
    ("001092012345|Nguyễn Văn Ánh|01011990|Nam|Số 1 Phố Huế, Hà Nội|01012021", {"encoding": "utf-8"}),
    ("001092012345|Lê Anh Sơn|01011990|Nam|Thôn 3, Xã Ea Kao", {"encoding": "utf-8", "eci": True, "error": "q"}),
    ("café au lait", {"encoding": "iso-8859-1"}),  # bytes that are not UTF-8: ISO-8859-1, as zxing
    ("x" * 1500, {"error": "l"}),  # version 30-something: many blocks, version information
    ("点茗", {"mode": "kanji"}),
])
def test_segno_codes_decode_exactly(text, kwargs):
    qr = segno.make_qr(text, boost_error=False, **kwargs)
    found = decode_matrix(matrix_of(qr))
    assert found is not None and found.text == text
    assert found.backend == "qrmatrix" and not found.repaired


@pytest.mark.parametrize("version", [1, 2, 6, 7, 10, 14, 22, 32, 40])
@pytest.mark.parametrize("level", ["l", "m", "q", "h"])
def test_every_version_and_level_decodes(version, level):
    qr = segno.make_qr("9", version=version, error=level, boost_error=False)
    assert decode_matrix(matrix_of(qr)) is not None


def _wash(matrix: np.ndarray, version: int, level: str, per_block: int) -> tuple[np.ndarray, np.ndarray]:
    """The symbol with ``per_block`` codewords of every block washed out (all their modules light) and those
    modules marked unreliable, as glare leaves them."""
    rows, cols = qrmatrix.data_modules(version)
    washed, reliability = matrix.copy(), np.ones_like(matrix)
    for index in qrmatrix.block_indexes(version, level):
        assert len(index) > per_block
        for k in index[:per_block]:
            washed[rows[8 * k:8 * k + 8], cols[8 * k:8 * k + 8]] = 0.0
            reliability[rows[8 * k:8 * k + 8], cols[8 * k:8 * k + 8]] = 0.0
    return washed, reliability


@pytest.mark.parametrize(("text", "level"), [("0" * 40, "M"), ("TCDS|1|BN01-261121-0007|HS-2026-000123", "Q"),
                                             ("A" * 200, "H"), ("b" * 60, "L")])
def test_washed_out_codewords_up_to_the_budget_are_read_and_beyond_it_refused(text, level):
    qr = segno.make_qr(text, error=level.lower(), boost_error=False, mask=3)
    version = int(qr.version)
    _, nsym = qrmatrix.block_layout(version, level)
    budget = nsym - SAFETY_MARGIN
    matrix = matrix_of(qr)
    for k in (budget // 2 + 1, budget):  # more than an errors-only decoder can fix, up to the whole budget
        washed, reliability = _wash(matrix, version, level, k)
        assert decode_matrix(washed) is None  # as wrong codewords: too many
        found = decode_matrix(washed, reliability)
        assert found is not None and found.text == text and found.repaired
    washed, reliability = _wash(matrix, version, level, budget + 1)
    assert decode_matrix(washed, reliability) is None


def test_erasures_beyond_zxing_capacity_are_read_where_zxing_reads_nothing():
    text = "TCDS|1|BN01-261121-0007|HS-2026-000123"
    qr = segno.make_qr(text, error="q", boost_error=False, mask=3)
    version = int(qr.version)
    _, nsym = qrmatrix.block_layout(version, "Q")
    washed, reliability = _wash(matrix_of(qr), version, "Q", nsym // 2 + 2)
    image = np.where(cv2.copyMakeBorder(washed, 4, 4, 4, 4, cv2.BORDER_CONSTANT, value=0) > 0.5, 0, 255)
    image = cv2.resize(image.astype(np.uint8), None, fx=6, fy=6, interpolation=cv2.INTER_NEAREST)
    assert text not in {d.text for d in make_backend("zxing")(image)}
    found = decode_matrix(washed, reliability)
    assert found is not None and found.text == text


@pytest.mark.parametrize("nsym", [7, 10, 18, 30])
def test_reed_solomon_corrects_errors_and_erasures_within_the_limit_only(nsym):
    rng = np.random.default_rng(nsym)
    for _ in range(40):
        data = [int(v) for v in rng.integers(0, 256, int(rng.integers(1, 120)))]
        block = reedsolomon.encode(data, nsym)
        erasures = int(rng.integers(0, nsym + 1))
        errors = int(rng.integers(0, (nsym - erasures) // 2 + 1))
        spots = [int(i) for i in rng.choice(len(block), erasures + errors, replace=False)]
        damaged = list(block)
        for i in spots:
            damaged[i] ^= int(rng.integers(1, 256))
        result = reedsolomon.decode(damaged, nsym, spots[:erasures])
        assert result is not None and result.block == block and result.errors == errors
        if 2 * errors + erasures > nsym - SAFETY_MARGIN:
            assert reedsolomon.decode(damaged, nsym, spots[:erasures], limit=nsym - SAFETY_MARGIN) is None


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), st.integers(0, 2 ** 32 - 1), st.booleans())
def test_random_matrices_never_decode(version, seed, with_reliability):
    rng = np.random.default_rng(seed)
    n = 17 + 4 * version
    reliability = rng.random((n, n)) if with_reliability else None
    assert decode_matrix(rng.random((n, n)), reliability) is None


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.integers(40, 240))
def test_noise_and_blobs_never_decode(seed, size):
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, (size, size)).astype(np.uint8)
    for _ in range(3):  # square rings, the shapes the finder-pattern search looks for
        x, y, s = (int(v) for v in rng.integers(0, size, 3))
        cv2.rectangle(image, (x, y), (x + s // 4 + 7, y + s // 4 + 7), 0, max(1, s // 30))
    assert erasure_reads(image) == []


def strong_glare_frame(text: str, seed: int) -> np.ndarray:
    """SYNTHETIC: the code (level Q, as the kiosk's own receipts could be) on a card, under a saturated elliptical
    highlight covering 15–30 % of the code, its rim fading out."""
    rng = np.random.default_rng(seed)
    module = rng.uniform(3.0, 4.5)
    qr = segno.make_qr(text, encoding="utf-8", eci=True, error="q", boost_error=False)
    dark = np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)
    matrix = cv2.resize(np.where(dark, 20, 235).astype(np.uint8), None, fx=8, fy=8, interpolation=cv2.INTER_NEAREST)
    side = round(dark.shape[0] * module)
    patch = synthetic.card(cv2.resize(matrix, (side, side), interpolation=cv2.INTER_AREA).astype(np.float32), rng)
    code_px = qr.symbol_size(scale=1, border=0)[0] * module
    frame = synthetic.scene(rng)
    x, y = synthetic.place(frame, patch, rng, center=True)
    ratio = rng.uniform(1.0, 2.0)
    b = np.sqrt(rng.uniform(0.15, 0.30) * code_px ** 2 / np.pi / ratio)
    cx, cy = (v + patch.shape[0] / 2 + rng.uniform(-0.25, 0.25) * code_px for v in (x, y))
    ys, xs = np.mgrid[0:synthetic.FRAME_H, 0:synthetic.FRAME_W].astype(np.float32)
    angle = rng.uniform(0, np.pi)
    u = ((xs - cx) * np.cos(angle) + (ys - cy) * np.sin(angle)) / (b * ratio)
    v = (-(xs - cx) * np.sin(angle) + (ys - cy) * np.cos(angle)) / b
    r2 = u * u + v * v
    frame = np.minimum(frame + np.clip((1.3 - r2) / 0.6, 0, 1) * 300 + np.exp(-r2 * 0.7) * 60, 255)
    return synthetic.finish(frame, rng, 0.6)


@pytest.fixture(scope="module")
def cascades():
    plain = DecoderCascade(CascadeSettings(("zxing",), frame_budget_ms=None))
    plain.steps = [(name, step) for name, step in plain.steps if not name.endswith("-erasure")]
    return plain, DecoderCascade(CascadeSettings(("zxing",), frame_budget_ms=None))


def test_strong_glare_the_cascade_misses_is_read_with_erasures(sample_data, cascades):
    plain, full = cascades
    ids = synthetic.id_card_payloads(sample_data)
    frames = [(strong_glare_frame(ids[i % len(ids)], 4040 + i), ids[i % len(ids)]) for i in range(6)]
    missed = [(f, t) for f, t in frames if t not in {d.text for d in plain.decode_still(f)}]
    assert len(missed) >= 3
    read = [t for f, t in missed if [d.text for d in full.decode_still(f)] == [t]]
    assert len(read) >= len(missed) // 2
    for f, _ in missed:
        assert all(d.text in ids for d in full.decode_still(f))  # a read is the payload or nothing


def test_synthetic_glare_cases_the_cascade_misses_are_read(sample_data, cascades):
    plain, full = cascades
    cases = [c for c in synthetic.make_cases(sample_data, 24, 0, seed=202, moving=False) if c.category == "glare"]
    missed = [c for c in cases if c.expected not in {d.text for d in plain.decode_still(c.frame)}]
    results = {c.name: [d.text for d in full.decode_still(c.frame)] for c in missed}
    assert all(texts in ([], [c.expected]) for c, texts in zip(missed, results.values(), strict=True))
    assert sum(texts == [c.expected] for c, texts in zip(missed, results.values(), strict=True)) >= 2


def test_code_free_frames_never_give_a_text(sample_data):
    for case in synthetic.make_cases(sample_data, 0, 10, seed=405, moving=False):
        gray = cv2.cvtColor(case.frame, cv2.COLOR_BGR2GRAY)
        assert erasure_reads(gray) == []
