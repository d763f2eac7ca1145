"""Test images: ID-card-shaped QR codes made like real cards (UTF-8, NO ECI header), and frames containing them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from devices.scanner.demo import qr_matrix

# Synthetic ID-card payloads (FORMATS §1.4) plus Vietnamese strings known to trip ZBar (FORMATS §1.5).
ID_CARDS = (
    "001085012345|012345678|Nguyễn Văn An|15031985|Nam|Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, "
    "Hà Nội|22062022",
    "026099000003||Lương Văn Bình|30121999|Nam|Thôn Tây, Tân Phú, Vĩnh Tường, Vĩnh Phúc|01082024||||",
    "096200000004|381900004|Lê Anh Sơn|20122000|Nam|Ấp Một, Xã Quách Phẩm, Tỉnh Cà Mau|18082025||||",
    "079324000001||Đỗ Thị Ngọc Ánh|02012024|Nữ|Phường Bến Nghé, Thành phố Hồ Chí Minh|05012025||||",
    "012345678901||HUỲNH HIẾU THUẬN|01011990|Nam|Hà Nội|01012022",
)
ZBAR_TRAPS = ("Nữ", "Lê Anh Sơn", "Phí: 20.000 đồng", "HUỲNH HIẾU THUẬN")


def qr_image(text: str, module_px: int = 6, eci: bool = False) -> np.ndarray:
    matrix = qr_matrix(text, eci=eci)
    return cv2.resize(matrix, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)


def card_photo(text: str, seed: int = 0) -> np.ndarray:
    """A 1280×720 BGR frame with the code a little rotated, blurred and noisy, like a card held up to a webcam."""
    rng = np.random.default_rng(seed)
    frame = np.full((720, 1280), 180, np.uint8)
    code = qr_image(text, 4)
    h, w = code.shape
    y, x = (720 - h) // 2, (1280 - w) // 2
    frame[y:y + h, x:x + w] = code
    rot = cv2.getRotationMatrix2D((640, 360), float(rng.uniform(-12, 12)), 1.0)
    frame = cv2.warpAffine(frame, rot, (1280, 720), borderValue=180)
    frame = cv2.GaussianBlur(frame, (3, 3), 0.8)
    noisy = frame.astype(np.int16) + rng.normal(0, 6, frame.shape).astype(np.int16)
    return cv2.cvtColor(np.clip(noisy, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)


def write_video(path: Path, frames: list[np.ndarray], fps: int = 15) -> Path:
    """mp4v (OpenCV cannot write H.264 here, DESIGN §8)."""
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame if frame.ndim == 3 else cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR))
    writer.release()
    return path


def expected_text(image: Path) -> str | None:
    """The expected text of a photo in qr-photos/ (CR LF as LF), None for a structured-append part."""
    txt = image.with_suffix(".txt")
    if not txt.exists():
        return None
    return txt.read_bytes().decode("utf-8").replace("\r\n", "\n")


def photo_set(sample_data: Path) -> list[tuple[Path, str]]:
    root = sample_data / "qr-photos"
    out = []
    for image in sorted(root.rglob("*")):
        if image.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp") and (text := expected_text(image)) is not None:
            out.append((image, text))
    return out


def read_ok(results, expected: str) -> bool:
    return any(r.text.replace("\r\n", "\n") == expected for r in results)
