"""A code wrapped round a cylinder (a bottle, a card bent in one direction): the module grid as the camera sees a
cylinder, fitted to the points :mod:`devices.scanner.gridfit` measured (finder corners, timing modules, alignment
patterns).

Qt-free; scanner worker thread. gridfit's map is a homography plus a cubic correction: on a strong bend (45–90° of
arc across the code) the modules at the edges are a third to half as wide as in the middle, which a cubic through
the timing row and column follows only near them; the corner opposite the finders is an extrapolation and ends a
module or more out. A cylinder bends the whole code alike: the compression measured along one timing pattern holds
for every row, so a model with that structure carries the timing patterns' evidence to the far corner.

Model: module coordinates (c, r) turned by the angle ``phi`` of the cylinder's axis into (s across the axis, t
along it); the surface point (sin(k·(s − s0))/k, t, (1 − cos(k·(s − s0)))/k) for a curvature ``k`` (radians a
module) and the top of the bulge at ``s0``; then a pinhole camera, a 3×4 matrix found by linear least squares
(DLT) for each (phi, k, s0) on a coarse grid, refined around the best. A wrong fit gives no read, never a wrong
one: the payload still has to pass Reed–Solomon.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

_ARCS = np.radians([35, 60, 85, 110])  # the whole code's arc: a gentle bend to a tight one
_GUESS_ARCS = np.radians([45, 75, 105])  # guesses before the timing patterns are found
_CENTRES = (0.3, 0.5, 0.7)  # the top of the bulge, as a share of the code's width


class CylinderMap:
    """Module coordinates (col, row) to image points for a code on a cylinder; see the module's docstring."""

    def __init__(self, n: int, phi: float, k: float, s0: float, camera: np.ndarray, error: float) -> None:
        self.n, self.phi, self.k, self.s0 = n, phi, k, s0
        self.camera = camera
        self.error = error  # the RMS reprojection error on the points fitted, in pixels

    def __call__(self, pts: np.ndarray) -> np.ndarray:
        p = _surface(pts, self.phi, self.k, self.s0) @ self.camera.T
        return np.asarray(p[:, :2] / p[:, 2:3])


def _surface(pts: np.ndarray, phi: np.ndarray | float, k: np.ndarray | float, s0: np.ndarray | float
             ) -> np.ndarray:
    """Homogeneous 3-D points (…×N×4) of module coordinates on the cylinder(s): parameters scalars or (T,)."""
    phi_, k_, s0_ = (np.asarray(x, np.float64)[..., None] for x in (phi, k, s0))
    c, r = np.cos(phi_), np.sin(phi_)
    s = pts[:, 0] * c + pts[:, 1] * r - s0_
    t = -pts[:, 0] * r + pts[:, 1] * c
    a = k_ * s
    return np.stack([np.sin(a) / k_, t, (1 - np.cos(a)) / k_, np.ones_like(s)], -1)


def _cameras(world: np.ndarray, image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 3×4 cameras (T×3×4) by DLT for T sets of world points (T×N×4) seen at the same image points (N×2),
    each with its RMS reprojection error in pixels (inf where points fall behind the camera)."""
    mean, spread = image.mean(0), max(float(image.std()), 1e-6)
    xy = (image - mean) / spread
    wm = world[..., :3].mean(1, keepdims=True)
    ws = np.maximum(world[..., :3].std(axis=(1, 2), keepdims=True), 1e-6)
    w = np.concatenate([(world[..., :3] - wm) / ws, world[..., 3:]], -1)
    zeros = np.zeros_like(w)
    a = np.concatenate([np.concatenate([w, zeros, -xy[None, :, :1] * w], -1),
                        np.concatenate([zeros, w, -xy[None, :, 1:] * w], -1)], 1)
    # the least-squares null vector: the eigenvector of aᵀa with the smallest eigenvalue (12×12 matrices, much
    # cheaper than the SVD of the 2N×12 ones; the normalisation keeps them well conditioned)
    _values, vectors = np.linalg.eigh(np.swapaxes(a, 1, 2) @ a)
    p = vectors[:, :, 0].reshape(-1, 3, 4)
    # undo the normalisations: image = T⁻¹ · p · W, W the world's normalisation as a 4×4 matrix
    t_inv = np.array([[spread, 0, mean[0]], [0, spread, mean[1]], [0, 0, 1]])
    w_norm = np.tile(np.eye(4), (len(p), 1, 1))
    w_norm[:, :3, :3] /= ws
    w_norm[:, :3, 3] = -wm[:, 0] / ws[:, 0]
    cams = t_inv @ p @ w_norm
    proj = world @ np.swapaxes(cams, 1, 2)
    z = proj[..., 2]
    valid = np.all(np.abs(z) > 1e-9, 1) & np.all(np.sign(z) == np.sign(z[:, :1]), 1)  # all in front
    err = np.sqrt(np.mean(np.sum((proj[..., :2] / np.where(np.abs(z) > 1e-9, z, 1.0)[..., None] - image) ** 2, -1),
                          1))
    return cams, np.where(valid, err, np.inf)


def fit_cylinder(n: int, src: np.ndarray, dst: np.ndarray) -> CylinderMap | None:
    """The cylinder that maps module coordinates ``src`` (N×2) nearest the image points ``dst``: the best of a
    coarse grid of (axis, curvature, bulge), refined twice around it; None without enough points."""
    if len(src) < 20:
        return None  # the finders alone (15 points at three corners) do not tell a bend from a tilt
    # the axis along the columns or the rows, a code seldom put on a bottle askew: the refinement turns it
    grid = np.array([(phi, arc / n, _centre(phi, n, c)) for phi in (0.0, math.pi / 2) for arc in _ARCS
                     for c in _CENTRES])
    best = _best(n, src, dst, grid)
    for scale in (0.5, 0.25):  # refine: each parameter a step either way, the best kept
        if best is None:
            return None
        steps = np.array([0.4, math.radians(25) / n, 0.2 * n]) * scale
        offsets = np.array([(a, b, c) for a in (-1, 0, 1) for b in (-1, 0, 1) for c in (-1, 0, 1)]) * steps
        trials = np.array([best.phi, best.k, best.s0]) + offsets
        best = _best(n, src, dst, trials[trials[:, 1] > 0])
    return best


def cylinder_guesses(n: int, src: np.ndarray, dst: np.ndarray) -> Iterator[CylinderMap]:
    """Cylinders through the finder points alone, one for each axis and a few arcs, the bulge in the middle: too
    few points to tell the bend, but each a guess at where the timing patterns run, which the flat fit misses by
    a module or more in the middle of a strongly bent code."""
    for phi in (0.0, math.pi / 2):
        trials = np.array([(phi, arc / n, _centre(phi, n, 0.5)) for arc in _GUESS_ARCS])
        cams, errors = _cameras(_surface(src, trials[:, 0], trials[:, 1], trials[:, 2]), dst)
        for (p, k, s0), cam, err in zip(trials, cams, errors, strict=True):
            if np.isfinite(err):
                yield CylinderMap(n, float(p), float(k), float(s0), cam, float(err))


def _best(n: int, src: np.ndarray, dst: np.ndarray, trials: np.ndarray) -> CylinderMap | None:
    cams, errors = _cameras(_surface(src, trials[:, 0], trials[:, 1], trials[:, 2]), dst)
    i = int(np.argmin(errors))
    if not np.isfinite(errors[i]):
        return None
    phi, k, s0 = (float(x) for x in trials[i])
    return CylinderMap(n, phi, k, s0, cams[i], float(errors[i]))


def _centre(phi: float, n: int, share: float) -> float:
    """s0 for the bulge's top at ``share`` of the code's width across the axis (the code's centre at n/2)."""
    mid = n / 2 * (math.cos(phi) + math.sin(phi))  # s of the code's centre
    return mid + (share - 0.5) * n
