"""bench/qr's sets: every real photo carries condition labels from the documented vocabulary (a photo added
without labels would silently drop out of the per-condition table), and the held-out set is what it says."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tests.scanner.holdout import CONDITIONS, make_case, payloads
from tests.scanner.images import photo_set

DATA = Path(__file__).resolve().parents[1] / "data"
LABELS = {"glare", "bright-spots", "damaged", "curved", "perspective", "blurred", "low-contrast", "stylised",
          "inverted", "model-1", "nominal"}  # tests/data/qr-photos/README.md


def test_every_real_photo_has_conditions_from_the_vocabulary():
    conditions = json.loads((DATA / "qr-photos" / "conditions.json").read_text(encoding="utf-8"))
    names = {path.relative_to(DATA / "qr-photos").as_posix() for path, _text in photo_set(DATA)}
    assert set(conditions) == names
    for name, labels in conditions.items():
        assert labels and set(labels) <= LABELS, name
        assert ("nominal" in labels) == (labels == ["nominal"]), name


def test_held_out_cases_are_deterministic_and_small_codes_are_under_40_px():
    kinds = payloads(DATA)
    for condition in CONDITIONS:
        a = make_case(condition, 0, kinds, np.random.default_rng([5, 1]), held_frames=2)
        b = make_case(condition, 0, kinds, np.random.default_rng([5, 1]), held_frames=2)
        assert a[1:] == b[1:] and all(np.array_equal(x, y) for x, y in zip(a[0], b[0], strict=True))
        assert a[0][0].shape == (720, 1280, 3)
        if condition == "small":
            assert len(a[0]) == 2 and not np.array_equal(a[0][0], a[0][1])  # a hand's tremor, new noise
            assert 14 <= a[2] < 40
        else:
            assert len(a[0]) == 1 and a[2] >= 40
