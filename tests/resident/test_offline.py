"""With the hub down a dossier is still saved, printed as queued and trackable; it arrives when the hub is back.

Also: "pay later" from the payee the hub gave at enrolment, and nothing is lost when the printer fails.
"""

from __future__ import annotations

import qr_pay

from devices.printer.receipt import status_text
from tests.hub_fixtures import local_hub_factory  # noqa: F401
from tests.printer.helpers import qr_texts
from tests.resident.conftest import card_payloads, click, hub_settings, hub_submissions, wait_enrolled, wait_step
from tests.resident.journeys import fill_form_and_submit, scan_card, start_dossier, track


def test_hub_down_dossier_is_queued_printed_trackable_and_arrives_once_when_back(
        make_app, qtbot, sample_data, local_hub_factory):  # noqa: F811
    hub = local_hub_factory()
    app = make_app(services=True, hub=hub_settings(hub))
    wait_enrolled(qtbot, app)
    hub.stop()
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[2])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    ref = done.reference.text()
    assert done.status.text() == "Đã lưu tại trạm, sẽ gửi khi có mạng"
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    assert done.params["printed"] is True
    assert f"TCDS|1|{ref}" in qr_texts(app.ctx.services.printer.last_output(), app.config.printer.paper_width_dots)
    receipt = app.ctx.services.submit.last_receipt
    assert receipt.local_reference == ref and status_text(receipt) == "Đã lưu tại trạm, sẽ gửi khi có mạng"

    # pay later: the code comes from the payee the hub gave at enrolment, and is printed
    click(qtbot, done.pay_button)
    wait_step(qtbot, app, "payment")
    pay = app.navigator.current
    qtbot.waitUntil(lambda: pay.state in ("later", "counter"), timeout=8000)
    assert pay.state == "later", pay.message.text()
    decoded = qr_pay.decode(pay.qr.payload)
    assert (decoded["bin_id"], decoded["consumer_id"]) == ("970436", "0071000123456")
    assert decoded["bill_number"] == ref and decoded["transaction_amount"] == "10000"
    qtbot.waitUntil(lambda: pay.print_state is not None, timeout=10000)
    assert pay.qr.payload in qr_texts(app.ctx.services.printer.last_output(), app.config.printer.paper_width_dots)

    tracking = track(qtbot, app, ref)
    assert tracking.view.state == "queued_here"
    assert tracking.message.text() == "Đang lưu tại trạm, chưa gửi"
    assert hub_submissions(hub) == [] or ref not in {r[1] for r in hub_submissions(hub)}

    hub.start()
    app.ctx.services.sync.sync_now()
    qtbot.waitUntil(lambda: ref in {r[1] for r in hub_submissions(hub)}, timeout=15000)
    assert [r[1] for r in hub_submissions(hub)].count(ref) == 1
    tracking = track(qtbot, app, ref)
    assert tracking.view.state == "hub" and tracking.view.status == "received"

    # the hub answer is remembered: with the hub gone again, tracking says what it said last, and when
    hub.stop()
    tracking = track(qtbot, app, ref)
    assert tracking.view.state == "cached" and tracking.message.text() == "Đã tiếp nhận"
    assert "gần nhất" in tracking.detail.text()


def test_printer_out_of_paper_keeps_the_dossier_and_says_so(make_app, qtbot, sample_data):
    app = make_app(services=True, printer={"simulated_mode": "paper_out"}, hub={"url": "http://127.0.0.1:9"})
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    ref = done.reference.text()
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=15000)
    assert done.params["printed"] is False
    assert done.print_state.text() == "Không in được biên nhận: máy in hết giấy."
    assert "chụp ảnh mã QR" in done.advice.text() and "in lại" in done.advice.text()
    assert done.qr.payload == f"TCDS|1|{ref}" and done.qr.isVisible()
    seen = []
    qtbot.waitUntil(lambda: app.ctx.services.storage.lookup(ref, seen.append) and bool(seen), timeout=5000)
    assert seen[0].status in ("queued", "retry") and seen[0].receipt_status == "failed"
    assert done.reprint_button.isVisible()
    # staff add paper; the resident asks for the receipt again
    app.ctx.services.printer.set_simulated_mode("ok")
    click(qtbot, done.reprint_button)
    qtbot.waitUntil(lambda: done.params.get("printed") is True, timeout=15000)
    assert done.print_state.text() == "Biên nhận đã được in. Vui lòng nhận và giữ lại."
    assert not done.reprint_button.isVisible()
    assert f"TCDS|1|{ref}" in qr_texts(app.ctx.services.printer.last_output(), app.config.printer.paper_width_dots)
    seen.clear()
    qtbot.waitUntil(lambda: app.ctx.services.storage.lookup(ref, seen.append) and bool(seen), timeout=5000)
    assert seen[0].receipt_status == "printed"
