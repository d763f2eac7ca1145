"""Prepare-at-home fixtures: a real hub process per module (its phone page makes the drafts) and helpers."""

from __future__ import annotations

import base64
import io
import re

import pytest
import requests

from central.local import LocalHub
from tests.resident.conftest import _no_offline_grace  # noqa: F401

# Answers a resident types on the phone for 1.004222 (written by the team; no real person)
PHONE_ANSWERS = {"phone": "0912345678", "request_content": "Đăng ký thường trú tại nhà con trai",
                 "relationship_to_head": "Cha", "new_address": "Số 5 ngõ 12 phố Hàng Bông, phường Hoàn Kiếm",
                 "consent": "yes"}


@pytest.fixture(scope="module")
def prep_hub(tmp_path_factory: pytest.TempPathFactory):
    hub = LocalHub(tmp_path_factory.mktemp("hub")).start()
    yield hub
    hub.stop()


def qr_text_of(page: str) -> str:
    """What a camera reads from the QR the page shows (decoded from the image itself)."""
    import zxingcpp
    from PIL import Image

    found = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert found, page[:2000]
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(base64.b64decode(found.group(1)))))
    assert len(codes) == 1
    return codes[0].text


def prepare_on_phone(hub: LocalHub, code: str = "1.004222", answers: dict[str, str] | None = None) -> str:
    """Fill the hub's phone page as a browser form post would; the QR text it shows."""
    r = requests.post(f"{hub.url}/prepare/{code}", data=answers or PHONE_ANSWERS, timeout=10)
    assert r.status_code == 200, r.text[:2000]
    return qr_text_of(r.text)
