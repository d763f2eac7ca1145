"""Frames for the simulated camera: generated sample codes on a plain background. Qt-free; worker thread.

Used when ``camera.simulated_source`` is empty so ``make run`` has something to scan: a synthetic ID-card
QR (FORMATS §1.4, UTF-8 without ECI like real cards), a procedure code, a receipt code and a payment code,
each shown for a few seconds with an empty frame between them (so the same code is reported again).
"""

from __future__ import annotations

import cv2
import numpy as np
import segno

from core.formats import build_tracking_payload, build_vietqr

DEMO_CODES: tuple[tuple[str, str], ...] = (
    ("ID card (synthetic)", "034303000002||Trần Thị Bích|21032003|Nữ|Thôn Đông, Xã An Quý, Huyện Quỳnh Phụ, "
                            "Thái Bình|14082021"),
    ("Procedure 1.004222", "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222"),
    ("Receipt", build_tracking_payload("BN01-261121-0007", "HS-2026-000123")),
    ("Payment (VietQR)", build_vietqr("970436", "0071000123456", 20000, "BN01-261121-0007 phi")),
)
SHOW_SECONDS = 4.0
GAP_SECONDS = 2.0


def qr_matrix(text: str, eci: bool = False) -> np.ndarray:
    """A QR code as a uint8 image (0 = dark module), 1 pixel per module, with the 4-module quiet zone."""
    qr = segno.make_qr(text, encoding="utf-8", eci=eci)
    dark = np.array(list(qr.matrix_iter(scale=1, border=4)), dtype=bool)
    return np.where(dark, 0, 255).astype(np.uint8)


class DemoFrames:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self._background = self._make_background()
        self._frames = [self.code_frame(text, label) for label, text in DEMO_CODES]

    def _make_background(self) -> np.ndarray:
        ramp = np.linspace(170, 215, self.width, dtype=np.float32)[None, :].repeat(self.height, 0)
        rng = np.random.default_rng(7)
        noisy = ramp + rng.normal(0, 4, ramp.shape).astype(np.float32)
        return cv2.cvtColor(np.clip(noisy, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)

    def code_frame(self, text: str, label: str) -> np.ndarray:
        frame = self._background.copy()
        matrix = qr_matrix(text)
        side = int(min(self.width, self.height) * 0.6)
        scale = max(1, side // matrix.shape[0])
        code = cv2.resize(matrix, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        h, w = code.shape
        y, x = (self.height - h) // 2, (self.width - w) // 2
        frame[y:y + h, x:x + w] = code[:, :, None]
        cv2.putText(frame, label.encode("ascii", "replace").decode(), (20, self.height - 24),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.0, (40, 40, 40), 2, cv2.LINE_AA)
        return frame

    def fit(self, image: np.ndarray) -> np.ndarray:
        """An arbitrary image letterboxed into a frame of the configured size."""
        frame = self._background.copy()
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        f = min(self.width / image.shape[1], self.height / image.shape[0])
        resized = cv2.resize(image, (max(1, int(image.shape[1] * f)), max(1, int(image.shape[0] * f))))
        h, w = resized.shape[:2]
        y, x = (self.height - h) // 2, (self.width - w) // 2
        frame[y:y + h, x:x + w] = resized
        return frame

    def frame_at(self, seconds: float) -> np.ndarray:
        period = SHOW_SECONDS + GAP_SECONDS
        index, phase = divmod(seconds, period)
        if phase >= SHOW_SECONDS:
            return self._background
        return self._frames[int(index) % len(self._frames)]
