"""The household BHYT journey through the real widgets: bills area → register → the head's ID card → members
(scanned from their own cards, one typed) → period → contribution by the rule → a dossier queued and synced to a
real local hub → the fee's VietQR from the payment area with the right amount. Bad input on the way: a code that
is not an ID card, the same person twice, a young child the State covers, a full list, a missing procedure."""

from __future__ import annotations

import json
import sqlite3

import pytest
import qr_pay

from screens.bhyt import model
from tests.bhyt.conftest import catalogue_with_bhyt
from tests.resident.conftest import (
    card_payloads,
    click,
    current,
    hub_settings,
    hub_submissions,
    module_hub,  # noqa: F401
    wait_enrolled,
    wait_step,
)

NOT_AN_ID_CARD = "https://example.com/khuyen-mai"  # a QR on a flyer: not an ID card


def scan(qtbot, app, payload: str) -> None:
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=5000)
    app.ctx.services.scanner.inject(payload)


def open_bhyt(qtbot, app) -> None:
    click(qtbot, app.home_screen.tiles["bills"])
    wait_step(qtbot, app, "bills")
    click(qtbot, app.navigator.current.bhyt_button)
    wait_step(qtbot, app, "bhyt")


def type_member(qtbot, screen, name: str, number: str, born: str) -> None:
    for key, text in (("full_name", name), ("id_number", number), ("date_of_birth", born)):
        screen.edits[key].clear()
        screen.edits[key].insert(text)  # QTest cannot type non-Latin-1 keys; the keyboard inserts the same way
    click(qtbot, screen.add_button)


@pytest.fixture
def fast_polls(monkeypatch):
    import screens.payment.controller

    monkeypatch.setattr(screens.payment.controller, "POLL_MS", 200)


def test_a_household_registers_and_pays_its_contribution_by_vietqr(
        make_app, qtbot, sample_data, module_hub, fast_polls):  # noqa: F811
    payee = module_hub.enroll()["payee"]
    app = make_app(services=True, hub=hub_settings(module_hub))
    wait_enrolled(qtbot, app)
    app.ctx.services.catalogue = catalogue_with_bhyt()
    cards = card_payloads(sample_data)
    open_bhyt(qtbot, app)
    click(qtbot, app.navigator.current.register_button)
    wait_step(qtbot, app, "identity.scan")
    scan(qtbot, app, cards[0])  # the head of household: Nguyễn Văn An
    wait_step(qtbot, app, "identity.confirm")
    click(qtbot, app.navigator.current.confirm)
    wait_step(qtbot, app, "bhyt.members")
    members = app.navigator.current
    assert [m.full_name for m in members.members] == ["Nguyễn Văn An"]  # pre-filled from the ID card
    assert "1" in members.count.text()

    click(qtbot, members.add_button)
    wait_step(qtbot, app, "bhyt.member")
    member = app.navigator.current
    scan(qtbot, app, NOT_AN_ID_CARD)
    qtbot.waitUntil(lambda: member.scan.feedback.isVisible(), timeout=5000)
    assert member.scan.feedback.text() and current(app) == "bhyt.member"
    scan(qtbot, app, cards[0])  # the head again
    qtbot.waitUntil(lambda: member.error.isVisible(), timeout=5000)
    assert member.error.text() == "Người này đã có trong danh sách." and current(app) == "bhyt.member"
    scan(qtbot, app, cards[1])  # Trần Thị Bích, from her own card
    wait_step(qtbot, app, "bhyt.members")
    assert [m.source for m in members.members] == ["card", "card"]

    click(qtbot, members.add_button)
    wait_step(qtbot, app, "bhyt.member")
    click(qtbot, member.scan.manual_button)  # no card at hand: type instead
    assert member.page == "type" and member.keyboard.isVisible()
    type_member(qtbot, member, "Nguyễn Bé Na", "001224000555", "01062022")  # four years old
    assert "miễn phí" in member.error.text() and current(app) == "bhyt.member"
    type_member(qtbot, member, "Nguyễn Minh Châu", "001212009876", "20052012")
    wait_step(qtbot, app, "bhyt.members")
    assert len(members.members) == 3 and members.members[2].date_of_birth.isoformat() == "2012-05-20"

    click(qtbot, members.next_button)
    wait_step(qtbot, app, "bhyt.quote")
    quote = app.navigator.current
    assert set(quote.period_buttons) == {3, 6, 12}
    click(qtbot, quote.period_buttons[6])
    assert quote.total.text() == "Tổng cộng cho 6 tháng: 1.453.140 đ"  # (105,300 + 73,710 + 63,180) × 6
    click(qtbot, quote.period_buttons[12])
    assert quote.total.text() == "Tổng cộng cho 12 tháng: 2.906.280 đ"
    assert "2.340.000 đ" in quote.sources.text() and "01/07/2024" in quote.sources.text()
    assert "73/2024/NĐ-CP" in quote.sources.text() and "146/2018/NĐ-CP" in quote.sources.text()
    assert not quote.submit_button.isEnabled()  # consent first, never pre-ticked
    click(qtbot, quote.agree)
    click(qtbot, quote.submit_button)
    wait_step(qtbot, app, "receipt.done", timeout=10000)
    done = app.navigator.current
    ref = done.reference.text()
    assert "2.906.280" in done.pay_button.text()
    assert app.flow.visit.data["bhyt"].members == []  # in the queue now: no copy kept in memory

    qtbot.waitUntil(lambda: any(r[1] == ref for r in hub_submissions(module_hub)), timeout=20000)
    conn = sqlite3.connect(f"file:{module_hub.db_path}?mode=ro", uri=True)
    try:
        code, fee, body = conn.execute("SELECT procedure_code, fee_amount, body FROM submissions WHERE local_ref = ?",
                                       (ref,)).fetchone()
    finally:
        conn.close()
    assert (code, fee) == (model.procedure_code("register"), 2_906_280)
    sent = json.loads(body)["payload"]
    assert sent["bhyt"]["members"] == 3 and sent["bhyt"]["monthly_vnd"] == [105_300, 73_710, 63_180]

    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    click(qtbot, done.pay_button)
    wait_step(qtbot, app, "payment")
    pay = app.navigator.current
    qtbot.waitUntil(lambda: pay.state == "qr", timeout=10000)
    decoded = qr_pay.decode(pay.qr.payload)
    assert (decoded["bin_id"], decoded["consumer_id"]) == (payee["bank_bin"], payee["account"])
    assert decoded["transaction_amount"] == "2906280" and decoded["bill_number"] == ref
    assert pay.amount.text() == "2.906.280 đ"


def test_a_full_list_and_a_missing_procedure_get_clear_messages(make_app, qtbot, sample_data) -> None:
    app = make_app(services=True)
    app.ctx.services.catalogue = catalogue_with_bhyt(with_bhyt=False)
    open_bhyt(qtbot, app)
    choose = app.navigator.current
    click(qtbot, choose.renew_button)
    assert current(app) == "bhyt" and choose.missing.isVisible() and "hỏi cán bộ" in choose.missing.text()

    app.ctx.services.catalogue = catalogue_with_bhyt()
    click(qtbot, choose.renew_button)
    wait_step(qtbot, app, "identity.scan")
    scan(qtbot, app, card_payloads(sample_data)[0])
    wait_step(qtbot, app, "identity.confirm")
    click(qtbot, app.navigator.current.confirm)
    wait_step(qtbot, app, "bhyt.members")
    draft = app.flow.visit.data["bhyt"]
    assert draft.action == "renew"
    import datetime as dt

    draft.members.extend(model.Member(f"Người {i}", f"{i:012d}", dt.date(1980, 1, 1), "typed")
                         for i in range(1, model.MAX_MEMBERS))
    app.flow.go("bhyt.member")
    wait_step(qtbot, app, "bhyt.member")
    scan(qtbot, app, card_payloads(sample_data)[1])
    member = app.navigator.current
    qtbot.waitUntil(lambda: member.error.isVisible(), timeout=5000)
    assert "tối đa 10 người" in member.error.text() and len(draft.members) == model.MAX_MEMBERS
    app.flow.go("bhyt.members")
    members = app.navigator.current
    assert not members.add_button.isEnabled()  # the list is full: adding is not offered
    click(qtbot, members.remove_buttons[0])  # the head of household is covered elsewhere: off the list
    assert len(draft.members) == model.MAX_MEMBERS - 1 and members.add_button.isEnabled()
