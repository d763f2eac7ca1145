"""Sampling a fitted module grid where the code bends away from it (:mod:`devices.scanner.gridfit`): a wrinkle
or a fold moves the modules a fraction of a module, or more, from any smooth map; here each module's sampling point
goes where the samples around it are most clearly dark or light (at a module's centre a sample is dark or light,
on the border between two modules grey).

Qt-free; scanner worker thread. Works on the n×n arrays of module centres in image coordinates, so it knows nothing
of how the grid was fitted. A wrong shift gives no read, never a wrong one: the payload still has to pass
Reed–Solomon.
"""

from __future__ import annotations

import cv2
import numpy as np


def axes(mx: np.ndarray, my: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The grid's local axes at each module, a module long (along a row, along a column)."""
    ex = np.asarray(np.gradient(mx, axis=1), np.float32), np.asarray(np.gradient(my, axis=1), np.float32)
    ey = np.asarray(np.gradient(mx, axis=0), np.float32), np.asarray(np.gradient(my, axis=0), np.float32)
    return ex, ey


def nudged(smooth: np.ndarray, mx: np.ndarray, my: np.ndarray, block: int, reach: float) -> np.ndarray:
    """Each module's value with its sampling point moved by −``reach``, 0 or +``reach`` module either way, to where
    the ``block``×``block`` modules around it, moved alike, spread most from their local mean."""
    n = mx.shape[0]
    ex, ey = axes(mx, my)
    best = np.asarray(cv2.remap(smooth, mx, my, cv2.INTER_LINEAR))
    best_score = np.full((n, n), -1.0, np.float32)
    for a in (-reach, 0.0, reach):
        for b in (-reach, 0.0, reach):
            x, y = (mx + a * ex[0] + b * ey[0]).astype(np.float32), (my + a * ex[1] + b * ey[1]).astype(np.float32)
            vals = cv2.remap(smooth, x, y, cv2.INTER_LINEAR)
            # ties go to the fitted grid: a shift must show in the samples, not merely be possible
            score = cv2.blur(np.abs(vals - cv2.blur(vals, (5, 5))), (block, block)) * (1.0 if a == b == 0 else 0.97)
            better = score > best_score
            best[better], best_score[better] = vals[better], score[better]
    return best


def tracked(smooth: np.ndarray, mx: np.ndarray, my: np.ndarray, block: int, reach: float = 0.3,
            step: float = 0.3) -> tuple[np.ndarray, np.ndarray]:
    """The grid followed outward from the top-left finder, ``block``×``block`` modules at a time (one diagonal of
    blocks after another): each block's offset from the fit is predicted from its solved neighbours above and to
    the left, and searched within ``reach`` module of that for the samples most clearly dark or light. A wrinkle
    moves the grid a module or more, but little from one block to the next, so each search stays short."""
    n = mx.shape[0]
    ex, ey = axes(mx, my)
    nb, bi = -(-n // block), np.arange(n) // block
    du, dv = np.zeros((nb, nb), np.float32), np.zeros((nb, nb), np.float32)
    grid = np.arange(-reach, reach + 1e-6, step, dtype=np.float32)
    ca, cb = (g.ravel() for g in np.meshgrid(grid, grid))
    penalty = (1 + 0.1 * np.hypot(ca, cb))[:, None, None]  # a shift must gain to be taken
    ii, jj = np.meshgrid(np.arange(nb), np.arange(nb), indexing="ij")
    for d in range(1, 2 * nb - 1):
        on = ii + jj == d
        up, left = np.roll(du, 1, 0), np.roll(du, 1, 1)
        upv, leftv = np.roll(dv, 1, 0), np.roll(dv, 1, 1)
        has_up, has_left = (ii > 0).astype(np.float32), (jj > 0).astype(np.float32)
        count = np.maximum(has_up + has_left, 1)
        du = np.where(on, (up * has_up + left * has_left) / count, du)
        dv = np.where(on, (upv * has_up + leftv * has_left) / count, dv)
        tu = du[None] + on[None] * ca[:, None, None]  # (candidates, nb, nb)
        tv = dv[None] + on[None] * cb[:, None, None]
        su, sv = tu[:, bi][:, :, bi], tv[:, bi][:, :, bi]  # per module
        x = (mx + su * ex[0] + sv * ey[0]).astype(np.float32).reshape(-1, n)
        y = (my + su * ex[1] + sv * ey[1]).astype(np.float32).reshape(-1, n)
        vals = cv2.remap(smooth, x, y, cv2.INTER_LINEAR).reshape(-1, n, n)
        local = cv2.blur(np.pad(vals, ((0, 0), (2, 2), (0, 0)), mode="edge").reshape(-1, n), (5, 5))
        spread = np.abs(vals - local.reshape(len(ca), n + 4, n)[:, 2:-2])
        padded = np.pad(spread, ((0, 0), (0, nb * block - n), (0, nb * block - n)))
        score = padded.reshape(len(ca), nb, block, nb, block).sum(axis=(2, 4)) / penalty
        best = np.argmax(score, axis=0)
        du = np.where(on, np.take_along_axis(tu, best[None], 0)[0], du)
        dv = np.where(on, np.take_along_axis(tv, best[None], 0)[0], dv)
    su = cv2.resize(du, (n, n), interpolation=cv2.INTER_LINEAR)
    sv = cv2.resize(dv, (n, n), interpolation=cv2.INTER_LINEAR)
    return (mx + su * ex[0] + sv * ey[0]).astype(np.float32), (my + su * ex[1] + sv * ey[1]).astype(np.float32)


def sample(smooth: np.ndarray, mx: np.ndarray, my: np.ndarray, track: bool = False, block: int = 5,
           reach: float = 0.3) -> np.ndarray:
    """Each module's grey value (n×n floats) in ``smooth`` (the image blurred a quarter module), at the centres
    ``mx``, ``my`` (n×n image coordinates) tracked first (``track``: :func:`tracked`) and then nudged
    (:func:`nudged`, at most ``reach`` module, judged over ``block``×``block`` modules)."""
    if track:
        mx, my = tracked(smooth, mx, my, block)
    return nudged(smooth, mx, my, block, reach)
