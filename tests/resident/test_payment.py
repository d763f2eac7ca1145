"""Fees: the VietQR is built from the hub's payee and carries the reference; paid reaches the screen."""

from __future__ import annotations

import pytest
import qr_pay
from vietnam_qr_pay import QRPay

from tests.printer.helpers import qr_texts
from tests.resident.conftest import (
    card_payloads,
    click,
    hub_settings,
    module_hub,  # noqa: F401
    wait_enrolled,
    wait_step,
)
from tests.resident.journeys import fill_form_and_submit, scan_card, start_dossier, track


def independent_parse(payload: str) -> dict:
    """Two parsers that share no code with ours: napas-qr-python (checks the CRC) and vietnam-qr-pay."""
    decoded = qr_pay.decode(payload)
    other = QRPay(payload)
    assert other.is_valid
    assert (other.consumer.bank_bin, other.consumer.bank_number) == (decoded["bin_id"], decoded["consumer_id"])
    assert int(other.amount) == int(decoded["transaction_amount"])
    return decoded


@pytest.fixture
def fast_polls(monkeypatch):
    import screens.payment.controller

    monkeypatch.setattr(screens.payment.controller, "POLL_MS", 200)


def test_fee_after_a_dossier_is_paid_by_vietqr_and_the_hub_says_paid(
        make_app, qtbot, sample_data, module_hub, fast_polls):  # noqa: F811
    payee = module_hub.enroll()["payee"]  # what the hub hands every kiosk
    app = make_app(services=True, hub=hub_settings(module_hub))
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[1])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    ref = done.reference.text()
    assert done.pay_button.isVisible() and "10.000" in done.pay_button.text()
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    click(qtbot, done.pay_button)
    wait_step(qtbot, app, "payment")
    pay = app.navigator.current
    qtbot.waitUntil(lambda: pay.state == "qr", timeout=8000)
    payload = pay.qr.payload
    decoded = independent_parse(payload)
    assert (decoded["bin_id"], decoded["consumer_id"]) == (payee["bank_bin"], payee["account"])
    assert decoded["transaction_amount"] == "10000" and decoded["point_of_initiation_method"] == "12"
    assert ref in decoded["purpose_of_transaction"] and decoded["bill_number"] == ref
    assert decoded["purpose_of_transaction"].isascii()
    assert pay.amount.text() == "10.000 đ" and "Vietcombank" in pay.payee.text()
    qtbot.waitUntil(lambda: pay.print_state is not None, timeout=10000)
    assert pay.print_state is True
    assert payload in qr_texts(app.ctx.services.printer.last_output(), app.config.printer.paper_width_dots)
    assert pay.countdown.isVisible() and "còn" in pay.countdown.text()
    module_hub.mark_paid(pay.controller.payment_id)
    qtbot.waitUntil(lambda: pay.state == "paid", timeout=8000)
    assert pay.message.text() == "Đã nhận được tiền. Xin cảm ơn!"
    qtbot.waitUntil(lambda: module_hub.request("GET", f"/v1/dossiers/{ref}",
                                               token=_token(app))[0] == 200, timeout=15000)
    tracking = track(qtbot, app, ref)
    assert tracking.view.fee_amount == 10000 and tracking.view.fee_paid
    assert "đã nộp" in tracking.fee.text()


def test_a_typed_reference_that_is_unknown_or_not_a_reference(make_app, qtbot, module_hub):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "BN05"})  # BN01 enrolled above
    wait_enrolled(qtbot, app)
    app.flow.go("payment")
    pay = app.navigator.current
    assert pay.state == "ask"
    pay.field.setText("không phải mã")
    click(qtbot, pay.entry.go_button)
    assert pay.state == "ask" and pay.ask_error.isVisible()
    pay.field.setText("BN01-261121-9999")
    click(qtbot, pay.entry.go_button)
    qtbot.waitUntil(lambda: pay.state == "unknown", timeout=8000)
    assert "Không tìm thấy" in pay.message.text()
    tracking = track(qtbot, app, "BN01-261121-9999")
    assert tracking.view.state == "unknown" and tracking.message.text() == "Không tìm thấy hồ sơ có mã này."
    tracking = track(qtbot, app, "xin chào")
    assert tracking.error_code == "tracking.reference"
    assert tracking.message.text() == "Đây không phải là mã tra cứu hợp lệ."


def _token(app) -> str:
    import json

    return json.loads((app.data_dir / "hub_token.json").read_text())["token"]


def _waiting_for_a_transfer(qtbot, app, sample_data):
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[1])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    click(qtbot, done.pay_button)
    wait_step(qtbot, app, "payment")
    pay = app.navigator.current
    qtbot.waitUntil(lambda: pay.state == "qr", timeout=8000)
    return pay


def test_while_waiting_each_button_says_what_it_does_and_check_now_asks_the_hub(
        make_app, qtbot, sample_data, module_hub):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "BN03"})  # codes are unique
    wait_enrolled(qtbot, app)
    pay = _waiting_for_a_transfer(qtbot, app, sample_data)
    visible = [b.text() for b in (pay.check_button, pay.pay_later_button, pay.finish_button, pay.new_code_button)
               if b.isVisible()]
    assert visible == ["Tôi đã chuyển khoản — kiểm tra", "Thanh toán sau bằng mã biên nhận"]
    click(qtbot, pay.check_button)  # nothing paid yet: the resident is told so in words
    qtbot.waitUntil(lambda: "Chưa nhận được" in pay.countdown.text(), timeout=8000)
    assert pay.state == "qr" and pay.check_button.isEnabled()
    module_hub.mark_paid(pay.controller.payment_id)
    click(qtbot, pay.check_button)  # the regular poll is seconds away: "check now" answers first
    qtbot.waitUntil(lambda: pay.state == "paid", timeout=3000)
    assert pay.finish_button.isVisible() and pay.finish_button.text() == "Về trang chủ"
    assert not pay.check_button.isVisible() and not pay.pay_later_button.isVisible()


def test_pay_later_explains_the_receipt_code_and_stops_waiting(
        make_app, qtbot, sample_data, module_hub):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "BN04"})
    wait_enrolled(qtbot, app)
    pay = _waiting_for_a_transfer(qtbot, app, sample_data)
    click(qtbot, pay.pay_later_button)
    assert pay.state == "deferred"
    assert pay.message.text() == "Ông/Bà có thể nộp lệ phí sau bằng mã biên nhận"
    assert "mã trên biên nhận" in pay.detail.text() and pay.detail.isVisible()
    assert pay.amount.text() == "10.000 đ" and not pay.qr_box.isVisible()
    assert not pay.controller._poll.isActive() and not pay.controller._tick.isActive()
    click(qtbot, pay.finish_button)
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "home", timeout=3000)
