"""The bill screen as a resident meets it: a listed biller's bill shows payee and amount and a payment code built
from the official list; an unlisted payee gets the warning and no code; typing a customer code works too."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from core.formats.result import Kind, ScanResult
from core.formats.vietqr import parse_vietqr
from tests.bills.conftest import EXAMPLE_LIST, bill_qr
from tests.shell.test_shell import visible_texts


def open_bills(make_app, qtbot, with_list: bool = True):
    app = make_app()
    if with_list:
        folder = app.data_dir / "billers"
        folder.mkdir()
        (folder / "current.json").write_text(json.dumps({"version": 3, **EXAMPLE_LIST}, ensure_ascii=False),
                                             encoding="utf-8")
    qtbot.mouseClick(app.home_screen.tiles["bills"], Qt.MouseButton.LeftButton)
    screen = app.navigator.current
    assert screen.screen_id == "bills"
    return app, screen


def scan(screen, text: str) -> None:
    screen.controller.scanned(ScanResult(Kind.PAYMENT, parse_vietqr(text)))


def test_listed_bill_shows_payee_amount_and_pays_to_the_listed_account(make_app, qtbot) -> None:
    app, screen = open_bills(make_app, qtbot)
    scan(screen, bill_qr())
    texts = visible_texts(app.window)
    assert screen.lines["receiver"][1].text() == "Công ty Điện lực Ví Dụ"  # the official name, in large text
    assert screen.lines["account"][1].text().endswith("DIEN LUC VI DU")  # and what the bill's code says
    assert "452.300 đ" in texts and "PD01000123456 T11" in texts
    assert any(t.startswith("✓") for t in texts)
    qtbot.mouseClick(screen.pay_button, Qt.MouseButton.LeftButton)
    assert screen.page == "qr"
    paid = parse_vietqr(screen.qr.payload)
    assert (paid.bank_bin, paid.account, paid.amount) == ("970436", "0011001234567", 452300)


def test_unlisted_payee_is_warned_and_gets_no_code(make_app, qtbot) -> None:
    app, screen = open_bills(make_app, qtbot)
    scan(screen, bill_qr(account="9999999999"))
    texts = visible_texts(app.window)
    assert screen.verdict.text().startswith("⚠ CẢNH BÁO") and screen.verdict.text() in texts
    assert "452.300 đ" in texts  # the resident sees what the code asks for, and why not to pay it
    assert not screen.pay_button.isVisible()
    screen.pay_requested.emit()  # even a stray intent builds no code
    assert screen.page == "check" and screen.qr.payload == ""


def test_without_a_published_list_every_bill_is_unlisted(make_app, qtbot) -> None:
    app, screen = open_bills(make_app, qtbot, with_list=False)
    scan(screen, bill_qr())
    assert not screen.pay_button.isVisible()
    qtbot.mouseClick(app.window.nav_bar.back, Qt.MouseButton.LeftButton)


def test_not_a_bill_code_is_explained(make_app, qtbot) -> None:
    _app, screen = open_bills(make_app, qtbot)
    screen.controller.scanned(ScanResult(Kind.RECEIPT, None))
    assert screen.page == "start" and screen.start_error.isVisible()


def test_pick_biller_and_type_customer_code(make_app, qtbot) -> None:
    _app, screen = open_bills(make_app, qtbot)
    qtbot.mouseClick(screen.pick_button, Qt.MouseButton.LeftButton)
    buttons = [screen.biller_box.itemAt(i).widget() for i in range(screen.biller_box.count())]
    assert [b.text() for b in buttons] == ["Công ty Điện lực Ví Dụ", "Công ty Nước sạch Ví Dụ"]
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert screen.page == "code"
    screen.code_field.setText("ab12345")
    screen.amount_field.setText("12x")
    qtbot.mouseClick(screen.code_go, Qt.MouseButton.LeftButton)
    assert screen.page == "code" and screen.code_error.isVisible()
    screen.amount_field.setText("215.000")
    qtbot.mouseClick(screen.code_go, Qt.MouseButton.LeftButton)
    assert screen.page == "check" and screen.pay_button.isVisible()
    qtbot.mouseClick(screen.pay_button, Qt.MouseButton.LeftButton)
    paid = parse_vietqr(screen.qr.payload)
    assert (paid.account, paid.amount, paid.purpose) == ("112000000999", 215000, "AB12345")


def test_markup_in_a_scanned_name_is_shown_as_text(make_app, qtbot) -> None:
    _app, screen = open_bills(make_app, qtbot)
    scan(screen, bill_qr(account="9999999999", name="<b>CHINH THUC</b>"))
    value = screen.lines["receiver"][1]
    assert value.textFormat() == Qt.TextFormat.PlainText and value.text() == "<b>CHINH THUC</b>"
