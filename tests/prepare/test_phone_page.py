"""The phone page in headless chromium at phone size (Debian's chromium driven by Playwright): a resident fills the
form with a mistake, reads the message in Vietnamese, corrects it and gets the QR, which decodes to a code the
hub accepts. Screenshots of the form and the QR page are kept for a person to look at."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from tests.office.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.prepare.conftest import PHONE_ANSWERS

PHONE = {"width": 390, "height": 844}  # a common phone viewport in CSS pixels


@pytest.fixture(scope="module")
def phone_browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is installed by `make sysdeps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def test_resident_prepares_on_a_phone_and_gets_a_qr(phone_browser, prep_hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shots = Path(os.environ.get("KIOSK_SCREENSHOT_DIR") or tmp_path)  # set it to keep the pictures for review
    context = phone_browser.new_context(locale="vi-VN", viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                        has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(prep_hub.url + "/prepare")
    page.click("text=Đăng ký thường trú")
    page.wait_for_url("**/prepare/1.004222")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    page.fill("input[name=phone]", "091234")  # one digit group short
    page.fill("textarea[name=request_content]", PHONE_ANSWERS["request_content"])
    page.fill("input[name=new_address]", PHONE_ANSWERS["new_address"])
    page.select_option("select[name=relationship_to_head]", PHONE_ANSWERS["relationship_to_head"])
    page.check("input[name=consent]")
    page.click("button[type=submit]")
    assert page.locator(".field.bad .error").first.inner_text() == "Số điện thoại có 10 chữ số và bắt đầu bằng số 0."
    # what was typed is kept: only the wrong answer needs fixing
    assert page.input_value("input[name=new_address]") == PHONE_ANSWERS["new_address"]
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "prepare_form_error.png"), full_page=True)
    page.fill("input[name=phone]", PHONE_ANSWERS["phone"])
    page.check("input[name=consent]")
    page.click("button[type=submit]")
    page.wait_for_selector("img.qr")
    box = page.locator("img.qr").bounding_box()
    assert box is not None and box["width"] >= 250  # large enough to be read from the phone's screen
    assert "Mã dùng được một lần" in page.inner_text(".expiry")
    page.screenshot(path=str(shots / "prepare_qr.png"), full_page=True)
    src = page.get_attribute("img.qr", "src") or ""
    context.close()

    import io

    import zxingcpp
    from PIL import Image

    text = zxingcpp.read_barcodes(Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))))[0].text
    status, redeemed = prep_hub.request("POST", "/v1/drafts/redeem", {"code": text}, token=prep_hub.enroll()["token"])
    assert status == 200 and redeemed["answers"]["phone"] == PHONE_ANSWERS["phone"]
