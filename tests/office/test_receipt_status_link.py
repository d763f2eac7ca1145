"""One QR for both: the receipt's code opens the hub's public status page on a resident's phone (Debian's chromium
at phone size against a real hub process) and the kiosk's tracking scanner reads the same code back (pytest-qt)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.printer.helpers import qr_texts
from tests.resident.conftest import (
    card_payloads,
    click,
    hub_settings,
    module_hub,  # noqa: F401
    wait_enrolled,
)
from tests.resident.journeys import fill_form_and_submit, go_home, scan_card, start_dossier

PHONE = {"width": 390, "height": 844}


def test_the_receipt_qr_opens_the_status_page_on_a_phone_and_the_kiosk_tracks_it(
        make_app, qtbot, sample_data, module_hub, chromium):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub, public_url=module_hub.url + "/"),
                   station={"code": "QR01"})
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    ref = done.reference.text()
    assert done.qr.payload.startswith(f"{module_hub.url}/s/") and f"r={ref}" in done.qr.payload
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    receipt = app.ctx.services.submit.last_receipt
    assert receipt.status == "accepted"  # the hub took it in time: its reference is in the link too
    printed = qr_texts(app.ctx.services.printer.last_output(), app.config.printer.paper_width_dots)
    link = next(t for t in printed if t.startswith(module_hub.url + "/s/"))
    assert link.endswith(f"?r={ref}&h={receipt.hub_reference}")

    phone = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                 locale="vi-VN")
    try:
        page = phone.new_page()
        page.goto(link)
        expect(page.locator("body")).to_contain_text(receipt.hub_reference)
        expect(page.locator("body")).to_contain_text("Đã tiếp nhận")
        expect(page.locator("body")).to_contain_text("Bước tiếp theo")
        body = page.locator("body").inner_text()
        for personal in ("Nguyễn Văn An", "079", "1985"):  # the card's name, ID number and birth year
            assert personal not in re.sub(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}(:\d{2})?", "", body), personal
        # made for a phone: nothing wider than the screen, text big enough to read
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 16
    finally:
        phone.close()

    go_home(qtbot, app)
    click(qtbot, app.home_screen.tiles["tracking"])
    tracking = app.navigator.current
    assert tracking.screen_id == "tracking"
    click(qtbot, tracking.entry.scan_button)
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=3000)
    app.ctx.services.scanner.inject(link)
    qtbot.waitUntil(lambda: not tracking.busy and tracking.view is not None, timeout=8000)
    assert tracking.field.text() == receipt.hub_reference
    assert tracking.view.state == "hub" and tracking.view.status == "received"
    assert tracking.message.text() == "Đã tiếp nhận" and ref in tracking.detail.text()


def test_a_station_whose_hub_is_this_machine_prints_the_plain_code(make_app, qtbot, sample_data, module_hub):  # noqa: F811
    """A phone cannot open 127.0.0.1: without a public address the receipt keeps the references-only code."""
    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "QR02"})
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    assert done.qr.payload == f"TCDS|1|{done.reference.text()}"
