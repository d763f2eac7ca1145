"""Is a document photo usable? Blur (variance of the Laplacian) and glare (share of saturated pixels).

Pure (numpy/OpenCV on an in-memory image, no Qt, no I/O); any thread. The image is first scaled to a
bounded width so the blur score does not depend much on the camera's resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WORK_WIDTH = 1000  # px: the scale every score is measured at
MIN_SHARPNESS = 60.0  # variance of the Laplacian below this: blurred (text edges are smeared)
SATURATED = 250  # grey level counted as blown out
MAX_GLARE = 0.04  # share of blown-out pixels above this: a reflection hides part of the paper
MIN_BRIGHTNESS = 40.0  # mean grey level below this: too dark to read


@dataclass(frozen=True)
class PhotoCheck:
    sharpness: float
    glare: float
    brightness: float
    problems: tuple[str, ...]  # "photo.blurry", "photo.glare", "photo.dark", "photo.unreadable"

    @property
    def ok(self) -> bool:
        return not self.problems


def to_gray(image: np.ndarray) -> np.ndarray:
    import cv2

    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY)
    if image.shape[1] > WORK_WIDTH:  # only down: enlarging would smear edges and read as blur
        height = max(1, round(image.shape[0] * WORK_WIDTH / image.shape[1]))
        image = cv2.resize(image, (WORK_WIDTH, height), interpolation=cv2.INTER_AREA)
    return image


def check_photo(image: np.ndarray) -> PhotoCheck:
    """Scores and problems of a BGR or grey image (uint8)."""
    import cv2

    if image is None or image.size == 0 or image.dtype != np.uint8 or image.ndim not in (2, 3):
        return PhotoCheck(0.0, 0.0, 0.0, ("photo.unreadable",))
    gray = to_gray(image)
    sharpness = float(cv2.Laplacian(gray, cv2.CV_64F).var())
    glare = float(np.count_nonzero(gray >= SATURATED)) / gray.size
    brightness = float(gray.mean())
    problems = []
    if brightness < MIN_BRIGHTNESS:
        problems.append("photo.dark")
    elif sharpness < MIN_SHARPNESS:
        problems.append("photo.blurry")
    if glare > MAX_GLARE:
        problems.append("photo.glare")
    return PhotoCheck(round(sharpness, 1), round(glare, 4), round(brightness, 1), tuple(problems))


def check_photo_bytes(data: bytes) -> PhotoCheck:
    """The same for an encoded image (JPEG/PNG/WebP); undecodable bytes give ``photo.unreadable``."""
    import cv2

    if not data:
        return PhotoCheck(0.0, 0.0, 0.0, ("photo.unreadable",))
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return PhotoCheck(0.0, 0.0, 0.0, ("photo.unreadable",))
    return check_photo(image)
