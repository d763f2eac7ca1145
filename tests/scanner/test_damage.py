"""Damaged codes and strong perspective (SYNTHETIC frames made here): real ID-card payloads rendered with segno, then
scratched (light lines a fraction of a module wide), blotted with ink (2–4 modules), creased (a light fold line with a
shaded side), torn at a corner, or with one finder pattern partly covered (a thumb, a sticker), in a 1280×720 frame at
3–4.5 px a module, tilted 0–20°; and codes turned 40–65° either way about either axis (a pinhole camera close by, so
the far side's modules are small). Seeds 1 and 2 were looked at while the steps of devices/scanner/damage.py were
built; seed 3 was not, and is what the "adds reads" tests measure on. Every read must be exactly the payload."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
import segno

from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.damage import cleaned, outlined, refound
from devices.scanner.decoders import ZxingReader, make_backend, to_gray
from devices.scanner.regions import texture_regions
from tests.scanner.synthetic import FRAME_H, FRAME_W, finish, id_card_payloads, make_cases, scene

UNBUDGETED = CascadeSettings(("zxing", "pyzbar"), frame_budget_ms=None)
DAMAGES = ("scratches", "blots", "crease", "torn", "finder")


def matrix(text: str) -> np.ndarray:
    qr = segno.make_qr(text, encoding="utf-8", eci=True)
    return np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)


def printed(text: str, module: int) -> tuple[np.ndarray, int]:
    """The code printed on a card, ``module`` px a module (float32 grey), and the symbol's module count."""
    dark = matrix(text)
    img = np.where(dark, 25.0, 230.0).astype(np.float32)
    big = cv2.resize(img, None, fx=module, fy=module, interpolation=cv2.INTER_NEAREST)
    return big, dark.shape[0] - 8


def damaged(text: str, kind: str, rng: np.random.Generator, module: int = 8) -> np.ndarray:
    img, n = printed(text, module)
    q = 4 * module  # the quiet zone
    side = n * module
    if kind == "scratches":  # light scratches a fraction of a module wide across the code
        for _ in range(int(rng.integers(3, 6))):
            p0 = (q + rng.uniform(-0.1, 1.1) * side, q - 2)
            p1 = (q + rng.uniform(-0.1, 1.1) * side, q + side + 2)
            if rng.random() < 0.5:
                p0, p1 = (p0[1], p0[0]), (p1[1], p1[0])
            width = max(1, round(module * rng.uniform(0.25, 0.45)))
            cv2.line(img, (int(p0[0]), int(p0[1])), (int(p1[0]), int(p1[1])), float(rng.uniform(200, 240)), width,
                     cv2.LINE_AA)
    elif kind == "blots":  # ink blots of 2–4 modules
        for _ in range(int(rng.integers(3, 6))):
            c = (int(q + rng.uniform(0.15, 0.85) * side), int(q + rng.uniform(0.15, 0.85) * side))
            r = rng.uniform(1.0, 2.0) * module
            cv2.ellipse(img, c, (int(r), int(r * rng.uniform(0.6, 1.0))), float(rng.uniform(0, 180)), 0, 360,
                        float(rng.uniform(20, 50)), -1, cv2.LINE_AA)
    elif kind == "crease":  # a fold: a light line with a shaded band on one side
        a = rng.uniform(0, math.pi)
        cx, cy = q + side * rng.uniform(0.35, 0.65), q + side * rng.uniform(0.35, 0.65)
        ys, xs = np.mgrid[0:img.shape[0], 0:img.shape[1]].astype(np.float32)
        d = (xs - cx) * math.cos(a) + (ys - cy) * math.sin(a)
        shade = np.where(d > 0, 1.0 - 0.35 * np.exp(-d / (3 * module)), 1.0)
        img = img * shade
        line = np.exp(-(d / (0.3 * module)) ** 2)
        img = img * (1 - line) + 235 * line
    elif kind == "torn":  # a missing corner (not a finder's): background shows through
        cut = side * rng.uniform(0.18, 0.26)
        x1, y1 = q + side, q + side
        pts = np.array([[x1 - cut, y1 + q], [x1 + q, y1 + q], [x1 + q, y1 - cut],
                        [x1 - cut * rng.uniform(0.2, 0.5), y1 - cut * rng.uniform(0.2, 0.5)]], np.int32)
        cv2.fillPoly(img, [pts], float(rng.uniform(90, 150)))
    elif kind == "finder":  # a finger or sticker over part of one finder pattern
        corner = [(q, q), (q + side - 7 * module, q), (q, q + side - 7 * module)][int(rng.integers(0, 3))]
        frac = rng.uniform(0.3, 0.5)
        x0, y0 = corner
        if rng.random() < 0.5:
            cv2.rectangle(img, (x0 - q, y0 - q), (int(x0 + 7 * module * frac), y0 + 7 * module + q),
                          float(rng.uniform(100, 160)), -1)
        else:
            cv2.rectangle(img, (x0 - q, y0 - q), (x0 + 7 * module + q, int(y0 + 7 * module * frac)),
                          float(rng.uniform(100, 160)), -1)
    return img


def tilted(patch: np.ndarray, degrees: float, axis: int, distance: float = 2.2) -> tuple[np.ndarray, np.ndarray]:
    """The patch seen turned ``degrees`` about its vertical (axis 0) or horizontal (1) axis by a pinhole camera
    ``distance`` patch-widths away: (the 4 corners' images, relative to the patch centre, in patch pixels)."""
    h, w = patch.shape[:2]
    t = math.radians(degrees)
    f = distance * w
    out = []
    for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        if axis == 0:
            X, Y, Z = x * math.cos(t), y, x * math.sin(t)
        else:
            X, Y, Z = x, y * math.cos(t), y * math.sin(t)
        out.append((f * X / (f + Z), f * Y / (f + Z)))
    return np.float32([[0, 0], [w, 0], [w, h], [0, h]]), np.float32(out)


def in_frame(patch: np.ndarray, rng: np.random.Generator, width_px: float, degrees: float = 0.0, axis: int = 0,
             blur: float = 0.7, distance: float = 2.2) -> np.ndarray:
    """The patch (quiet zone included) in a 1280×720 lobby frame, ``width_px`` wide before the tilt, turned."""
    frame = scene(rng)
    src, rel = tilted(patch, degrees, axis, distance)
    s = width_px / patch.shape[1]
    spin = math.radians(rng.uniform(-20, 20))
    rot = np.array([[math.cos(spin), -math.sin(spin)], [math.sin(spin), math.cos(spin)]], np.float32)
    cx, cy = FRAME_W / 2 + rng.uniform(-150, 150), FRAME_H / 2 + rng.uniform(-80, 80)
    dst = (rel * s) @ rot.T + np.float32([cx, cy])
    patch = cv2.GaussianBlur(patch, (0, 0), max(0.3, 0.5 / s))  # no aliasing when shrinking
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(patch, m, (FRAME_W, FRAME_H), flags=cv2.INTER_AREA, borderValue=-1.0)
    frame = np.where(warped >= 0, warped, frame)
    return finish(frame, rng, blur)


def damaged_cases(ids: list[str], seed: int, per_kind: int = 6,
                  module_px: tuple[float, float] = (3.0, 4.5)) -> list[tuple[str, np.ndarray, str]]:
    """(name, BGR frame, payload) for each kind of damage (``module_px`` a module) and for strong perspective."""
    rng = np.random.default_rng(seed)
    out = []
    for kind in DAMAGES:
        for i in range(per_kind):
            text = ids[(i * 3 + len(kind)) % len(ids)]
            patch = damaged(text, kind, rng)
            modules = printed(text, 1)[1] + 8
            module = rng.uniform(*module_px)
            frame = in_frame(patch, rng, modules * module, rng.uniform(0, 20), int(rng.integers(0, 2)))
            out.append((f"{kind}-{i}", frame, text))
    for i in range(2 * per_kind):
        text = ids[(i * 5 + 1) % len(ids)]
        patch, _n = printed(text, 8)
        degrees = rng.uniform(40, 65) * (1 if i % 2 else -1)
        module = rng.uniform(2.8, 4.0)  # before the tilt; a phone close to the code (1.2 code widths): far side ~1/2
        frame = in_frame(patch, rng, patch.shape[0] / 8 * module, degrees, (i // 2) % 2, distance=1.2)
        out.append((f"perspective-{i}", frame, text))
    return out


def without(name: str) -> DecoderCascade:
    cascade = DecoderCascade(UNBUDGETED)
    cascade.steps = [(n, step) for n, step in cascade.steps if n != name]
    return cascade


def read_by(cascade: DecoderCascade, frame: np.ndarray) -> list[str]:
    return [d.text for d in cascade.decode_still(frame)]


@pytest.fixture(scope="module")
def ids(sample_data):
    return id_card_payloads(sample_data)


@pytest.fixture(scope="module")
def held_out(ids):
    return damaged_cases(ids, 3)


def test_a_partly_covered_finder_is_found_again_and_the_code_read(held_out):
    """Held-out seed: codes with a finder half covered that the cascade without refind misses are read, exactly."""
    covered = [c for c in held_out if c[0].startswith("finder")]
    zxing = make_backend("zxing")
    assert all(text not in {d.text for d in zxing(to_gray(f))} for _n, f, text in covered)
    before, after = without("refind"), DecoderCascade(UNBUDGETED)
    missed = [c for c in covered if read_by(before, c[1]) != [c[2]]]
    assert missed, "the cascade without refind reads every covered finder: nothing to measure"
    results = [(name, after.decode_still(frame), text) for name, frame, text in missed]
    assert all(not found or [d.text for d in found] == [text] for _n, found, text in results)
    by_refind = [name for name, found, _t in results if found and found[0].backend.endswith("refind")]
    assert len(by_refind) >= (len(missed) + 1) // 2, (by_refind, [n for n, *_ in missed])


def test_refind_draws_back_a_finder_a_sticker_covers(ids):
    text = ids[0]
    patch = damaged(text, "none", np.random.default_rng(0))
    q, m = 32, 8  # the quiet zone, 8 px a module
    patch[:q + 8 * m, q + 4 * m:q + 8 * m] = 140  # the top-left finder's right three modules and its separator
    frame = in_frame(patch, np.random.default_rng(5), patch.shape[0] / m * 4.0, 10, 0)
    assert text not in {d.text for d in make_backend("zxing")(to_gray(frame))}
    region = texture_regions(to_gray(frame))[0]
    crop = to_gray(frame)[region.y - 20:region.y + region.h + 20, region.x - 20:region.x + region.w + 20]
    reader = ZxingReader()
    assert any([d.text for d in reader.read(im, "local", False)[0]] == [text] for im in refound(crop))


def test_a_crease_is_opened_away(ids):
    """The clean step alone reads a creased code zxing-cpp misses (seed 1: found while building the step)."""
    _name, frame, text = next(c for c in damaged_cases(ids, 1) if c[0] == "crease-0")
    gray = to_gray(frame)
    assert text not in {d.text for d in make_backend("zxing")(gray)}
    reader = ZxingReader()
    assert any([d.text for d in reader.read(cleaned(gray, r))[0]] == [text] for r in texture_regions(gray)[:2])


def test_scratched_codes_a_phone_sees_closer_are_read_once_the_scratches_are_opened_away(ids):
    """Held-out seeds 26–29 at 5–8 px a module (a code filling more of the frame): light scratches a fraction of a
    module wide that the cascade without clean misses are read, exactly."""
    scratched = [c for seed in range(26, 30) for c in damaged_cases(ids, seed, 4, (5.0, 8.0))[:4]]
    assert all(c[0].startswith("scratches") for c in scratched)
    before, after = without("clean"), DecoderCascade(UNBUDGETED)
    missed = [c for c in scratched if read_by(before, c[1]) != [c[2]]]
    assert len(missed) >= 3
    results = [(name, after.decode_still(frame), text) for name, frame, text in missed]
    assert all([d.text for d in found] in ([], [text]) for _n, found, text in results)
    by_clean = [name for name, found, _t in results if found and found[0].backend.endswith("clean")]
    assert len(by_clean) >= len(missed) // 2, (by_clean, [n for n, *_ in missed])


def test_damaged_codes_read_exactly_or_not_at_all(held_out):
    cascade = DecoderCascade(UNBUDGETED)
    read = 0
    for name, frame, text in held_out:
        texts = read_by(cascade, frame)
        assert texts in ([], [text]), name
        read += texts == [text]
    assert read >= 0.8 * len(held_out)


def test_strong_perspective_is_read_flat_from_the_codes_outline_and_live_within_3_s(held_out, ids):
    """Held-out seeds: codes turned 40–65° close to the camera that the cascade without outline misses; outline
    reads some of them, exactly, and the live loop (25 ms of CPU a frame, steps round robin) within 45 frames."""
    cases = [c for seed in (3, 4) for c in (held_out if seed == 3 else damaged_cases(ids, seed))
             if c[0].startswith("perspective")]
    before, after = without("outline"), DecoderCascade(UNBUDGETED)
    missed = [c for c in cases if read_by(before, c[1]) != [c[2]]]
    flat = []
    for name, frame, text in missed:
        found = after.decode_still(frame)
        assert [d.text for d in found] in ([], [text]), name
        if found and found[0].backend.endswith("outline"):
            flat.append((name, frame, text))
    assert len(flat) >= 2, [n for n, *_ in missed]

    class Clock:
        now = 100.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    live = DecoderCascade(CascadeSettings(), clock=clock)
    for name, frame, text in flat:
        live.reset()
        for _ in range(45):
            found = live.decode_frame(frame)
            clock.now += 1 / 15
            if found:
                break
        assert [d.text for d in found] == [text], name


def test_the_damage_steps_find_no_text_on_code_free_frames(sample_data):
    reader = ZxingReader()
    for case in [c for c in make_cases(sample_data, 1, 8, 11, moving=False) if c.expected is None]:
        gray = to_gray(case.frame)
        for region in texture_regions(gray):
            assert reader.read(cleaned(gray, region))[0] == []
            flat = outlined(gray, region)
            assert flat is None or reader.read(flat, "fixed", False)[0] == []
            patch = gray[region.y:region.y + region.h, region.x:region.x + region.w]
            assert all(reader.read(im, "local", False)[0] == [] for im in refound(patch))
