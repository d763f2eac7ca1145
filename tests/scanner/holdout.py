"""The HELD-OUT synthetic set: hard phone-camera conditions the decoding steps were never tuned on, made with a
renderer and a seed of its own (``tests/scanner/synthetic.py``, which the steps were developed against, is not
used for any case here).

Modelled on real photos of printed codes (issue 20's hard set): the code printed on a light card (ink a little
spread, paper not quite white), seen by a pinhole camera (f = 1000 px for a 1280×720 frame, about a webcam's 65°)
on a flat or a cylindrical surface, rendered at twice the frame's resolution from a supersampled print, blurred by
a Gaussian point-spread function, reduced by area averaging, with shot and read noise, and stored as JPEG at
quality 70 (what a USB webcam's MJPEG stream does). Conditions, 1 to 6:

* glare: one saturated elliptical highlight with a soft edge over part of the code;
* bright-spots: several small blown-out spots (a sequined lamp, a scratched laminate);
* damaged: scratches, a torn-off corner, ink blots, or a piece missing up to a whole finder pattern;
* curved: the code wrapped round a cylinder (a bent card, a bottle), 45–90° of arc across it (first 60–100°:
  no decoder, zxing-cpp alone included, read any of those; the set should tell methods apart);
* perspective: the card tilted 40–60° away from the camera;
* small: low-version codes (procedure codes, receipts) 20–40 px wide in the frame.

Payloads are the kiosk's real ones: ID-card lines (tests/data/cccd_qr_samples.txt), procedure codes and their
official links (tests/data/procedures), receipt codes (core/formats/tracking.py's form), VietQR strings
(tests/data/vietqr_samples.txt). Deterministic for a seed; about 0.1 s a case.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import segno

SEED = 9173  # this set's own; the steps were tuned on tests/scanner/synthetic.py's cases (seeds 7 and 20)
CONDITIONS = ("glare", "bright-spots", "damaged", "curved", "perspective", "small")
W, H = 1280, 720
FOCAL = 1000.0  # px at 1280×720
SS = 2  # the frame is rendered at this multiple of its resolution, then reduced by area (the sensor's pixels)
HELD_FRAMES = 6  # a small case's frames (0.4 s at 15 fps), seen in turn while it is held in view
PRINT_PX = 8  # pixels per module of the printed card before projection


def payloads(data: Path) -> dict[str, list[str]]:
    """The kiosk's payload kinds: 'id' (ID cards), 'vietqr', 'link' (procedure links), 'short' (procedure codes
    and receipt codes: the version 1–2 codes printed small on posters and slips)."""
    lines = (data / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines()
    ids = [x for x in lines if x.strip() and not x.startswith("#")]
    vietqr = [x for x in (data / "vietqr_samples.txt").read_text(encoding="utf-8").splitlines()
              if x.strip() and not x.startswith("#")]
    codes = sorted(p.stem.removeprefix("doc_congdan_") for p in (data / "procedures").glob("doc_congdan_*.txt"))
    links = [f"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc={c}" for c in codes]
    receipts = [f"TCDS|1|BN{k % 9 + 1:02d}-2611{k % 28 + 1:02d}-{k * 37 % 10000:04d}" for k in range(1, 12)]
    return {"id": ids, "vietqr": vietqr, "link": links, "short": [*codes, *receipts]}


def printed(text: str, rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """The code printed on a card with a few lines of text beside it, PRINT_PX a module (quiet zone of 4
    modules); returns the card (float32 grey) and the symbol's width in modules."""
    qr = segno.make_qr(text, encoding="utf-8")
    dark = np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)
    n = dark.shape[0] - 8
    ink, paper = rng.uniform(15, 55), rng.uniform(195, 235)
    code = np.where(dark, ink, paper).astype(np.float32)
    code = cv2.resize(code, None, fx=PRINT_PX, fy=PRINT_PX, interpolation=cv2.INTER_NEAREST)
    side = code.shape[0]
    out = np.full((side, side * 2), paper, np.float32)
    out[:, :side] = code
    for i in range(1, 5):
        y = side * i // 6
        cv2.line(out, (side + PRINT_PX * 2, y), (2 * side - PRINT_PX * 3, y), ink + 30, PRINT_PX)
    out = cv2.GaussianBlur(out, (0, 0), PRINT_PX * rng.uniform(0.05, 0.15))  # ink spread
    texture = cv2.resize(rng.normal(0, 4, (out.shape[0] // 16 + 1, out.shape[1] // 16 + 1)).astype(np.float32),
                         (out.shape[1], out.shape[0]))
    return out + texture, n


def damage(card: np.ndarray, n: int, rng: np.random.Generator, i: int) -> np.ndarray:
    """One or two kinds of damage to the printed symbol (its top-left at (4, 4) modules); NaN = torn off."""
    q = PRINT_PX
    o, side = 4 * q, n * q
    paper = float(np.median(card[:, card.shape[1] // 2:]))
    kinds = [("scratch", "blot"), ("torn",), ("finder",), ("blot",), ("scratch",), ("torn", "scratch")][i % 6]
    for kind in kinds:
        if kind == "scratch":  # light lines across, a third to a module wide
            for _ in range(int(rng.integers(2, 5))):
                p0 = (int(o + rng.uniform(0, side)), o)
                p1 = (int(o + rng.uniform(0, side)), o + side)
                pts = (p0, p1) if rng.random() < 0.5 else ((p0[1], p0[0]), (p1[1], p1[0]))
                cv2.line(card, pts[0], pts[1], paper, max(1, int(q * rng.uniform(0.3, 1.0))))
        elif kind == "blot":  # ink blots of 1–3 modules
            for _ in range(int(rng.integers(2, 5))):
                c = (int(o + rng.uniform(0.15, 0.85) * side), int(o + rng.uniform(0.15, 0.85) * side))
                axes = (int(q * rng.uniform(0.8, 2.5)), int(q * rng.uniform(0.6, 1.8)))
                cv2.ellipse(card, c, axes, float(rng.uniform(0, 180)), 0, 360, float(rng.uniform(20, 60)), -1)
        elif kind == "torn":  # the corner without a finder pattern torn off: a triangle of 12–22 % of the side
            a = side * rng.uniform(0.12, 0.22) + o
            x0 = y0 = o + side + o  # the card's corner beyond the quiet zone
            mask = np.zeros(card.shape, np.uint8)
            cv2.fillPoly(mask, [np.array([[x0, y0 - a - o], [x0 - a - o, y0], [x0, y0]], np.int32)], 1)
            card[mask > 0] = np.nan
        elif kind == "finder":  # a piece missing or covered: up to one whole finder pattern (7×7 modules)
            f = int(rng.choice([0, 1, 2]))
            fx, fy = (o, o) if f == 0 else ((o + side - 7 * q, o) if f == 1 else (o, o + side - 7 * q))
            k = rng.uniform(0.5, 1.0) * 8 * q
            cv2.rectangle(card, (int(fx - q), int(fy - q)), (int(fx - q + k), int(fy - q + k)), paper, -1)
    return card


def _rotation(tilt: float, axis_angle: float, spin: float) -> np.ndarray:
    """Tilt about an in-plane axis at ``axis_angle`` (radians), after a spin about the optical axis."""
    ax = np.array([math.cos(axis_angle), math.sin(axis_angle), 0.0])
    tilt_m = cv2.Rodrigues(ax * tilt)[0]
    spin_m = cv2.Rodrigues(np.array([0.0, 0.0, spin]))[0]
    return tilt_m @ spin_m


def _surface(px: np.ndarray, py: np.ndarray, radius: float | None) -> np.ndarray:
    """Card-plane points (card units) on the card's surface: flat, or wrapped round a cylinder along y."""
    if radius is None:
        return np.stack([px, py, np.zeros_like(px)], -1)
    theta = px / radius
    return np.stack([radius * np.sin(theta), py, radius * (1 - np.cos(theta))], -1)


def render(card: np.ndarray, scale: float, rot: np.ndarray, centre: tuple[float, float], radius: float | None
           ) -> tuple[tuple[int, int, int, int], np.ndarray, np.ndarray, np.ndarray]:
    """The card (origin at its centre, ``scale`` frame px per card px at the camera's distance FOCAL) ray-traced
    into the supersampled frame, within the box it covers: returns (box x0, y0, x1, y1 at SS×, grey, coverage,
    map from the box's px to card px)."""
    ch, cw = card.shape
    f = FOCAL * SS
    t = np.array([centre[0] - W / 2, centre[1] - H / 2, FOCAL])  # card units: frame px at the card's depth
    # the box: the card's outline projected forwards
    edge = np.linspace(-0.5, 0.5, 41)
    u = np.concatenate([edge, edge, np.full(41, -0.5), np.full(41, 0.5)]) * cw * scale
    v = np.concatenate([np.full(41, -0.5), np.full(41, 0.5), edge, edge]) * ch * scale
    cam = _surface(u, v, radius) @ rot.T + t
    xs_, ys_ = cam[:, 0] / cam[:, 2] * f + W * SS / 2, cam[:, 1] / cam[:, 2] * f + H * SS / 2
    x0, y0 = max(0, int(xs_.min()) - 8), max(0, int(ys_.min()) - 8)
    x1, y1 = min(W * SS, int(xs_.max()) + 8), min(H * SS, int(ys_.max()) + 8)
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    d = np.stack([(xs - W * SS / 2) / f, (ys - H * SS / 2) / f, np.ones_like(xs)], -1)  # rays in camera space
    d = d @ rot  # in the card's frame (row vectors: rotᵀ applied)
    o = -(rot.T @ t)
    if radius is None:  # a flat card: the plane z = 0
        lam = -o[2] / d[..., 2]
        px, py = o[0] + lam * d[..., 0], o[1] + lam * d[..., 1]
        shade = np.ones_like(px)
    else:  # wrapped round a cylinder along y, bulging towards the camera: x² + (z − r)² = r²
        r = radius
        oz = o[2] - r
        a = d[..., 0] ** 2 + d[..., 2] ** 2
        b = 2 * (o[0] * d[..., 0] + oz * d[..., 2])
        c = o[0] ** 2 + oz ** 2 - r * r
        disc = b * b - 4 * a * c
        lam = (-b - np.sqrt(np.maximum(disc, 0))) / (2 * a)  # the nearer surface
        x, z = o[0] + lam * d[..., 0], oz + lam * d[..., 2]
        theta = np.arctan2(x, -z)
        px, py = r * theta, o[1] + lam * d[..., 1]
        px = np.where((disc > 0) & (np.abs(theta) < math.pi / 2), px, 1e9)
        shade = np.clip(np.cos(theta), 0.3, 1.0) ** 0.5  # light from the camera's side: darker towards the edges
    mx = (px / scale + cw / 2).astype(np.float32)
    my = (py / scale + ch / 2).astype(np.float32)
    # the print reduced to about twice the SS× frame's scale first, so the bilinear lookup does not alias
    k = min(1.0, 2.0 * scale * SS)
    src = np.nan_to_num(card, nan=-1.0)
    src = cv2.resize(src, None, fx=k, fy=k, interpolation=cv2.INTER_AREA) if k < 1 else src
    grey = cv2.remap(src, mx * k, my * k, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=-1.0)
    inside = grey >= 0  # off the card or torn off
    return (x0, y0, x1, y1), (grey * shade).astype(np.float32), inside, np.stack([mx, my], -1)


def highlight(shape: tuple[int, int], cx: float, cy: float, a: float, b: float, angle: float, edge: float,
              gain: float) -> np.ndarray:
    """An elliptical specular highlight: flat and saturating inside, a soft (smoothstep) edge ``edge`` wide."""
    ys, xs = np.mgrid[0:shape[0], 0:shape[1]].astype(np.float32)
    u = ((xs - cx) * math.cos(angle) + (ys - cy) * math.sin(angle)) / a
    v = (-(xs - cx) * math.sin(angle) + (ys - cy) * math.cos(angle)) / b
    r = np.sqrt(u * u + v * v)
    s = np.clip((1 + edge - r) / edge, 0, 1)
    return gain * s * s * (3 - 2 * s)


def camera(scene: np.ndarray, rng: np.random.Generator, psf: float) -> np.ndarray:
    """SS× scene → the sensor's frame: Gaussian PSF, area reduction, shot and read noise, JPEG at quality 70."""
    blurred = cv2.GaussianBlur(scene, (0, 0), psf * SS)
    frame = cv2.resize(blurred, (W, H), interpolation=cv2.INTER_AREA)
    noise = rng.normal(0, 1, frame.shape).astype(np.float32) * np.sqrt(4.0 + 0.08 * np.clip(frame, 0, 255))
    grey = np.clip(frame + noise, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR), [cv2.IMWRITE_JPEG_QUALITY, 70])
    assert ok
    return cv2.imdecode(jpeg, cv2.IMREAD_COLOR)


def backdrop(rng: np.random.Generator) -> np.ndarray:
    """A lobby wall at SS×: a gradient and a few dark and light shapes."""
    x = np.linspace(rng.uniform(50, 140), rng.uniform(90, 200), W * SS, dtype=np.float32)
    out = np.repeat(x[None, :], H * SS, 0)
    for _ in range(int(rng.integers(2, 6))):
        x0, y0 = int(rng.integers(0, W * SS)), int(rng.integers(0, H * SS))
        cv2.rectangle(out, (x0, y0), (x0 + int(rng.integers(60, 600)), y0 + int(rng.integers(60, 400))),
                      float(rng.uniform(20, 230)), -1)
    return out


def make_case(condition: str, i: int, kinds: dict[str, list[str]], rng: np.random.Generator,
              held_frames: int = HELD_FRAMES) -> tuple[list[np.ndarray], str, int]:
    """(BGR frames, payload, the code's width in the frame in px) for case ``i`` of ``condition``: one frame, or
    for a small code :data:`HELD_FRAMES` frames of the card held as still as a hand can."""
    if condition == "small":
        text = kinds["short"][int(rng.integers(len(kinds["short"])))]
    else:
        kind = ("id", "vietqr", "id", "link", "short", "id")[i % 6]
        text = kinds[kind][int(rng.integers(len(kinds[kind])))]
    card, n = printed(text, rng)
    if condition == "damaged":
        card = damage(card, n, rng, i)
    target_px = rng.uniform(20, 40) if condition == "small" else n * rng.uniform(2.6, 4.2)
    scale = target_px / (n * PRINT_PX)
    tilt = math.radians(rng.uniform(40, 60) if condition == "perspective" else rng.uniform(0, 20))
    rot = _rotation(tilt, rng.uniform(0, math.pi), rng.uniform(-math.pi, math.pi) * (0.2 if i % 2 else 1))
    radius = None
    if condition == "curved":  # the code alone (centred on the bulge), 45–90° of arc across it
        card = card[:, :card.shape[0]]
        radius = target_px / math.radians(rng.uniform(45, 90))
        rot = _rotation(math.radians(rng.uniform(0, 15)), rng.uniform(0, math.pi),
                        float(rng.choice([0, math.pi / 2])) + rng.uniform(-0.3, 0.3))
    margin = card.shape[1] * scale / 2 + 20
    centre = (rng.uniform(margin, W - margin), rng.uniform(target_px + 20, H - target_px - 20))
    backdrop_ = backdrop(rng)
    psf = rng.uniform(0.5, 0.9)
    spot_seed = int(rng.integers(1 << 30))  # the same highlights in every frame of a moving case
    frames = []
    for k in range(held_frames if condition == "small" else 1):
        # live, a hand holding a far card trembles by fractions of a pixel, and each frame has its own noise
        at = (centre[0] + rng.normal(0, 0.4), centre[1] + rng.normal(0, 0.4)) if k else centre
        frame, code_px = _shot(card, n, scale, rot, at, radius, backdrop_.copy(), condition, psf,
                               np.random.default_rng(spot_seed), rng)
        frames.append(frame)
    return frames, text, code_px


def _shot(card: np.ndarray, n: int, scale: float, rot: np.ndarray, centre: tuple[float, float],
          radius: float | None, scene: np.ndarray, condition: str, psf: float, spots_rng: np.random.Generator,
          rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """One camera frame of the card: (BGR frame, the code's width in px)."""
    (x0, y0, x1, y1), grey, inside, card_map = render(card, scale, rot, centre, radius)
    box = scene[y0:y1, x0:x1]
    box[inside] = grey[inside]
    code = _code_mask(card_map, n)
    code_px = round(math.sqrt(np.count_nonzero(code)) / SS)  # the side of a square of the code's area
    if condition in ("glare", "bright-spots"):
        ys, xs = np.nonzero(code)
        cx, cy, size = float(xs.mean()), float(ys.mean()), code_px * SS
        if condition == "glare":  # one highlight covering 2–9 % of the code, its core saturated
            spots = [(cx + spots_rng.uniform(-0.25, 0.25) * size, cy + spots_rng.uniform(-0.25, 0.25) * size,
                      size * spots_rng.uniform(0.12, 0.25), size * spots_rng.uniform(0.06, 0.12), 0.6)]
        else:  # 3–7 spots of 1–4 modules
            spots = [(cx + spots_rng.uniform(-0.45, 0.45) * size, cy + spots_rng.uniform(-0.45, 0.45) * size,
                      r := size / n * spots_rng.uniform(0.5, 1.8), r * spots_rng.uniform(0.7, 1.0), 0.5)
                     for _ in range(int(spots_rng.integers(3, 8)))]
        for sx, sy, a, b, edge in spots:
            box += highlight(box.shape, sx, sy, a, b, spots_rng.uniform(0, math.pi), edge, spots_rng.uniform(230, 330))
        np.minimum(box, 255.0, out=box)
    return camera(scene, rng, psf), code_px


def _code_mask(card_map: np.ndarray, n: int) -> np.ndarray:
    """Where the symbol (without its quiet zone) is, in the rendered box."""
    o, side = 4 * PRINT_PX, n * PRINT_PX
    mx, my = card_map[..., 0], card_map[..., 1]
    return (mx >= o) & (mx < o + side) & (my >= o) & (my < o + side)


def cases(data: Path, per_condition: int = 12, seed: int = SEED
          ) -> Iterator[tuple[str, str, list[np.ndarray], str, int]]:
    """(name, condition, BGR frames, payload, code width in px) for ``per_condition`` cases of each condition."""
    kinds = payloads(data)
    for condition in CONDITIONS:
        rng = np.random.default_rng([seed, CONDITIONS.index(condition)])  # a condition's cases keep to themselves
        for i in range(per_condition):
            frames, text, code_px = make_case(condition, i, kinds, rng)
            yield f"held-out/{condition}-{i:02d}", condition, frames, text, code_px
