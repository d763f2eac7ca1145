"""SYNTHETIC scan cases (made here, not photos): real kiosk payloads rendered with segno the way the kiosk and
the ID cards print them, then made hard the way a lobby webcam makes them hard — small, tilted, bent, blurred,
under a glare spot (still, or moving over the card from frame to frame as a tilted card's reflection does) — in a
1280×720 frame; plus frames with product barcodes and text but no QR code (the
false-read check). Shared by the tests and ``bench/qr``. Deterministic for a given seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import segno

FRAME_W, FRAME_H = 1280, 720
CATEGORIES = ("small", "warped", "curved", "blurred", "glare")
SHORT_PAYLOADS = ("1.004222", "2.001255")  # procedure codes on a poster: version-1 codes, the smallest we scan


@dataclass(frozen=True)
class Case:
    name: str
    frame: np.ndarray  # BGR, 1280×720
    expected: str | None  # None: no QR code in the frame (any read is a false read)
    category: str
    code_px: int  # the code's width in the frame (0 without a code)
    frames: tuple[np.ndarray, ...] = ()  # a moving case: the frames the camera sees in turn (``frame`` is the first)

    @property
    def sequence(self) -> tuple[np.ndarray, ...]:
        return self.frames or (self.frame,)


def id_card_payloads(sample_data: Path) -> list[str]:
    """The ID-card payloads of ``cccd_qr_samples.txt`` (real shapes, invented people), negatives included:
    they are still texts a camera must read exactly."""
    lines = (sample_data / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def code_image(text: str, module_px: float) -> np.ndarray:
    """The code as the kiosk prints it (UTF-8 with ECI), quiet zone included, ``module_px`` pixels per module."""
    qr = segno.make_qr(text, encoding="utf-8", eci=True)
    dark = np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)
    matrix = np.where(dark, 20, 235).astype(np.uint8)
    side = max(8, round(matrix.shape[0] * module_px))
    big = cv2.resize(matrix, None, fx=8, fy=8, interpolation=cv2.INTER_NEAREST)
    return cv2.resize(big, (side, side), interpolation=cv2.INTER_AREA)


def scene(rng: np.random.Generator) -> np.ndarray:
    """A lobby-like grey frame: a lit wall gradient, a few shapes, sensor noise."""
    x = np.linspace(rng.uniform(70, 150), rng.uniform(120, 210), FRAME_W, dtype=np.float32)
    frame = np.repeat(x[None, :], FRAME_H, 0)
    for _ in range(int(rng.integers(2, 7))):
        x0, y0 = int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H))
        cv2.rectangle(frame, (x0, y0), (x0 + int(rng.integers(30, 300)), y0 + int(rng.integers(30, 200))),
                      float(rng.uniform(30, 220)), -1)
    return frame


def card(code: np.ndarray, rng: np.random.Generator, text: bool = True) -> np.ndarray:
    """The code on a light card (an ID card's back, a poster) with some printed lines beside it."""
    h = code.shape[0]
    margin = max(6, h // 5)
    out = np.full((h + 2 * margin, h * 2 + 3 * margin), rng.uniform(200, 235), np.float32)
    out[margin:margin + h, margin:margin + h] = code
    if text:
        for i in range(4):
            y = margin + (i + 1) * h // 5
            cv2.line(out, (2 * margin + h, y), (out.shape[1] - margin, y), 60, max(1, h // 30))
    return out


def place(frame: np.ndarray, patch: np.ndarray, rng: np.random.Generator, center: bool = False) -> tuple[int, int]:
    """Paste ``patch`` into ``frame``; returns its top-left corner."""
    h, w = patch.shape[:2]
    if center:
        y, x = (FRAME_H - h) // 2 + int(rng.integers(-60, 60)), (FRAME_W - w) // 2 + int(rng.integers(-120, 120))
    else:
        y, x = int(rng.integers(0, max(1, FRAME_H - h))), int(rng.integers(0, max(1, FRAME_W - w)))
    y, x = max(0, min(y, FRAME_H - h)), max(0, min(x, FRAME_W - w))
    frame[y:y + h, x:x + w] = patch[:FRAME_H - y, :FRAME_W - x]
    return x, y


def finish(frame: np.ndarray, rng: np.random.Generator, blur: float = 0.7, noise: float = 4.0) -> np.ndarray:
    """Webcam optics and sensor: a little blur, noise, 8-bit BGR."""
    frame = cv2.GaussianBlur(frame, (0, 0), blur) if blur > 0 else frame
    frame = frame + rng.normal(0, noise, frame.shape).astype(np.float32)
    gray = np.clip(frame, 0, 255).astype(np.uint8)
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def warp(patch: np.ndarray, rng: np.random.Generator, strength: float) -> np.ndarray:
    """A perspective tilt (the card held at an angle): one side nearer the camera than the other."""
    h, w = patch.shape
    d = strength * min(h, w)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    if rng.random() < 0.5:  # left/right edge farther away
        a = rng.uniform(0.5, 1.0) * d
        dst = np.float32([[0, a], [w, 0], [w, h], [0, h - a]]) if rng.random() < 0.5 else \
            np.float32([[0, 0], [w, a], [w, h - a], [0, h]])
    else:  # top/bottom edge farther away
        a = rng.uniform(0.5, 1.0) * d
        dst = np.float32([[a, 0], [w - a, 0], [w, h], [0, h]]) if rng.random() < 0.5 else \
            np.float32([[0, 0], [w, 0], [w - a, h], [a, h]])
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(patch, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=float(patch[0, 0]))
    angle = rng.uniform(-25, 25)
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(out, rot, (w, h), borderValue=float(patch[0, 0]))


def bend(patch: np.ndarray, rng: np.random.Generator, depth: float) -> np.ndarray:
    """A bent card: the surface bulges like a cylinder, so modules shrink towards one or both edges."""
    h, w = patch.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    u = xs / w * 2 - 1  # -1..1 across the card
    # arcsin mapping: the apparent x of a point on a cylinder seen from the front
    src_x = (np.arcsin(np.clip(u * np.sin(depth), -1, 1)) / depth + 1) / 2 * w
    sag = rng.uniform(0.02, 0.06) * h * (1 - u ** 2)  # the edge sags a little as well
    src_y = ys + sag - sag.mean()
    out = cv2.remap(patch, src_x.astype(np.float32), src_y.astype(np.float32), cv2.INTER_LINEAR,
                    borderValue=float(patch[0, 0]))
    return out if rng.random() < 0.5 else out.T.copy()


def glare(frame: np.ndarray, cx: float, cy: float, radius: float, rng: np.random.Generator) -> np.ndarray:
    """A specular highlight on the laminate: a saturated core fading out, over the code's side."""
    ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    ang = rng.uniform(0, np.pi)
    dx, dy = xs - cx, ys - cy
    a = (dx * np.cos(ang) + dy * np.sin(ang)) / (radius * rng.uniform(1.0, 1.8))
    b = (-dx * np.sin(ang) + dy * np.cos(ang)) / radius
    spot = np.exp(-(a * a + b * b) * 1.5)
    strength = rng.uniform(200, 320)
    return np.minimum(frame + spot * strength, 255.0) * rng.uniform(0.85, 1.0)


def ean13_pattern(digits: str) -> str:
    """The EAN-13 bar pattern ('1' = bar) of a 12- or 13-digit number (check digit computed)."""
    d = [int(c) for c in digits[:12]]
    d.append((10 - sum(x * (3 if i % 2 else 1) for i, x in enumerate(d)) % 10) % 10)
    L = ("0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111",
         "0001011")
    G = ["".join("1" if c == "0" else "0" for c in code)[::-1] for code in L]
    R = ["".join("1" if c == "0" else "0" for c in code) for code in L]
    parity = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")
    bars = "101"
    for i, x in enumerate(d[1:7]):
        bars += L[x] if parity[d[0]][i] == "L" else G[x]
    bars += "01010" + "".join(R[x] for x in d[7:]) + "101"
    return bars


def product_label(rng: np.random.Generator) -> np.ndarray:
    """A product barcode with its digits and some text on a white label (what a resident may show by mistake)."""
    digits = "".join(str(int(x)) for x in rng.integers(0, 10, 12))
    bars = ean13_pattern("893" + digits[3:])  # 893: Vietnam's GS1 prefix
    module = int(rng.integers(2, 5))
    height = int(rng.integers(40, 120))
    strip = np.array([30 if b == "1" else 235 for b in bars], np.float32)
    barcode = np.repeat(np.repeat(strip[None, :], height, 0), module, 1)
    label = np.full((height + 70, barcode.shape[1] + 40), 235, np.uint8)
    label[10:10 + height, 20:20 + barcode.shape[1]] = barcode
    cv2.putText(label, digits, (20, height + 45), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)  # putText: 8-bit only
    return label.astype(np.float32)


def text_block(rng: np.random.Generator) -> np.ndarray:
    lines = ("CAN CUOC CONG DAN", "SOCIALIST REPUBLIC OF VIET NAM", "Ho va ten / Full name", "Que quan",
             "Noi thuong tru 123/45", "Co gia tri den 01/01/2040", "So / No. 0123456789")
    out = np.full((260, 620), int(rng.uniform(190, 240)), np.uint8)
    for i, line in enumerate(rng.permutation(lines)[:6]):
        cv2.putText(out, str(line), (10, 35 + 40 * i), cv2.FONT_HERSHEY_SIMPLEX, rng.uniform(0.7, 1.1), 40, 2)
    return out.astype(np.float32)


def make_cases(sample_data: Path, per_category: int = 12, negatives: int = 24, seed: int = 20,
               moving: bool = True) -> list[Case]:
    """``per_category`` cases for each of :data:`CATEGORIES` and ``negatives`` code-free frames, then (``moving``)
    as many moving-glare cases of 6 frames each."""
    rng = np.random.default_rng(seed)
    ids = id_card_payloads(sample_data)
    cases: list[Case] = []
    for category in CATEGORIES:
        for i in range(per_category):
            frame = scene(rng)
            if category == "small":
                # half the codes are procedure codes on a poster (version 1, under 40 px), half ID cards
                text = SHORT_PAYLOADS[i % 2] if i % 2 == 0 else ids[i % len(ids)]
                module = rng.uniform(1.3, 1.9) if i % 2 == 0 else rng.uniform(1.3, 2.0)
            else:
                text = ids[(i * 7 + len(category)) % len(ids)]
                module = rng.uniform(2.6, 4.5)
            patch = card(code_image(text, module), rng)
            if category == "warped":
                patch = warp(patch, rng, rng.uniform(0.15, 0.3))
            elif category == "curved":
                patch = bend(patch, rng, rng.uniform(0.6, 1.0))
            code_px = _code_px(text, module)
            x, y = place(frame, patch, rng, center=category != "small")
            if category == "glare":  # the spot lands on the code (the card's left square)
                half = patch.shape[0] / 2
                cx = x + half + rng.uniform(-0.3, 0.3) * code_px
                cy = y + half + rng.uniform(-0.3, 0.3) * code_px
                frame = glare(frame, cx, cy, code_px * rng.uniform(0.3, 0.55), rng)
            blur = module * rng.uniform(0.4, 0.6) if category == "blurred" else 0.6
            cases.append(Case(f"synthetic/{category}-{i:02d}", finish(frame, rng, blur), text, category, code_px))
    for i in range(negatives):
        frame = scene(rng)
        place(frame, product_label(rng), rng)
        if i % 2:
            place(frame, text_block(rng), rng)
        cases.append(Case(f"synthetic/no-qr-{i:02d}", finish(frame, rng), None, "no-qr", 0))
    # after the others, from a generator of their own, so the cases above stay what they were
    return cases + (moving_glare_cases(ids, per_category, np.random.default_rng(seed + 1000)) if moving else [])


def moving_glare_cases(ids: list[str], count: int, rng: np.random.Generator, length: int = 6) -> list[Case]:
    """A card held still but for a hand's tremor (±3 px), its glare spot crossing the code over ``length`` frames
    (0.4 s at 15 fps) as it does when the card is tilted a little; every frame alone has the spot on the code."""
    cases = []
    for i in range(count):
        text = ids[(i * 5 + 3) % len(ids)]
        module = rng.uniform(2.6, 4.5)
        patch = card(code_image(text, module), rng)
        code_px = _code_px(text, module)
        background = scene(rng)
        x, y = place(background.copy(), patch, rng, center=True)
        half = patch.shape[0] / 2
        angle = rng.uniform(0, 2 * np.pi)
        travel = code_px * rng.uniform(0.5, 0.8)
        radius = code_px * rng.uniform(0.3, 0.5)
        spot_seed = int(rng.integers(1 << 30))  # the same highlight shape and strength in every frame
        frames = []
        for k in range(length):
            frame = background.copy()
            dx, dy = (int(v) for v in rng.integers(-3, 4, 2))
            px, py = max(0, min(x + dx, FRAME_W - patch.shape[1])), max(0, min(y + dy, FRAME_H - patch.shape[0]))
            frame[py:py + patch.shape[0], px:px + patch.shape[1]] = patch
            t = k / (length - 1) - 0.5
            cx = px + half + np.cos(angle) * travel * t
            cy = py + half + np.sin(angle) * travel * t
            frame = glare(frame, cx, cy, radius, np.random.default_rng(spot_seed))
            frames.append(finish(frame, rng, 0.6))
        cases.append(Case(f"synthetic/glare-moving-{i:02d}", frames[0], text, "glare-moving", code_px,
                          tuple(frames)))
    return cases


def _code_px(text: str, module_px: float) -> int:
    """The symbol's width without the quiet zone."""
    modules = segno.make_qr(text, encoding="utf-8", eci=True).symbol_size(scale=1, border=0)[0]
    return round(modules * module_px)
