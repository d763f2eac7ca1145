"""The kiosk asks the amount due: the resident picks a listed biller with a look-up, types the customer code and
leaves the amount empty; the station asks the hub (a real process), which asks the biller's service (another
process, bill-lookup/1). Nothing due and a failing biller each get a clear message, never a guessed amount."""

from __future__ import annotations

from core.formats.vietqr import parse_vietqr
from tests.resident.conftest import _no_offline_grace, click, hub_settings, wait_enrolled  # noqa: F401


def test_amount_due_is_looked_up_through_the_hub_in_the_biller_process(make_app, qtbot, lookup_hub) -> None:
    hub = lookup_hub
    app = make_app(services=True, hub=hub_settings(hub))
    wait_enrolled(qtbot, app)
    qtbot.waitUntil((app.data_dir / "billers" / "current.json").exists, timeout=20000)  # the sync pull

    click(qtbot, app.home_screen.tiles["bills"])
    screen = app.navigator.current
    click(qtbot, screen.pick_button)
    screen.biller_chosen.emit("dien-vi-du")
    assert screen.page == "code" and "để trống" in screen.amount_label.text()  # the label says it may stay empty

    def ask(code: str) -> None:
        screen.code_field.setText(code)
        screen.amount_field.clear()
        click(qtbot, screen.code_go)

    ask("pd01000123456")
    qtbot.waitUntil(lambda: screen.page == "check", timeout=15000)
    assert screen.lines["amount"][1].text() == "452.300 đ"
    assert screen.lines["receiver"][1].text() == "Công ty Điện lực Ví Dụ"
    click(qtbot, screen.pay_button)
    paid = parse_vietqr(screen.qr.payload)
    assert (paid.bank_bin, paid.account, paid.amount) == ("970436", "0011001234567", 452300)

    screen.biller_chosen.emit("dien-vi-du")
    ask("PD01000000000")  # the biller knows no bill due for it
    qtbot.waitUntil(lambda: "không có hóa đơn" in screen.code_error.text(), timeout=15000)
    assert screen.page == "code" and screen.code_go.isEnabled()
    ask("BROKEN")  # the biller's service answers garbage: the hub says 502
    qtbot.waitUntil(lambda: "không hỏi được" in screen.code_error.text(), timeout=15000)
    assert screen.page == "code"
    screen.amount_field.setText("100000")  # the resident types the amount from the paper bill instead
    click(qtbot, screen.code_go)
    assert screen.page == "check" and screen.lines["amount"][1].text() == "100.000 đ"
