"""Issue 13: money goes only where the ward says — a payee pinned in the kiosk's configuration wins over the hub."""

from __future__ import annotations

from screens.payment.model import Payee, payee_allowed
from tests.resident.conftest import card_payloads, click, hub_settings, module_hub, wait_enrolled, wait_step  # noqa: F401
from tests.resident.journeys import fill_form_and_submit, scan_card, start_dossier

HUB_PAYEE = Payee("970436", "0071000123456", "CONG AN PHUONG BEN NGHE", "HCM")  # what the demo hub hands out


def test_only_the_pinned_payee_is_allowed() -> None:
    assert payee_allowed(HUB_PAYEE, "970436", "0071000123456")
    assert not payee_allowed(HUB_PAYEE, "970418", "0071000123456")  # another bank
    assert not payee_allowed(HUB_PAYEE, "970436", "0071000999999")  # another account
    assert not payee_allowed(None, "970436", "0071000123456")
    assert payee_allowed(HUB_PAYEE, "", "")  # nothing pinned: the hub's payee (demo set-ups)


def test_a_hub_payee_other_than_the_pinned_one_never_becomes_a_qr(make_app, qtbot, sample_data,
                                                                 module_hub) -> None:  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub),
                   security={"payee_bank_bin": "970418", "payee_account": "1234567890"})
    reported = []
    app.ctx.bus.device_state_changed.connect(lambda name, state, detail: reported.append((name, state, detail)))
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[1])
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    click(qtbot, done.pay_button)
    wait_step(qtbot, app, "payment")
    pay = app.navigator.current
    qtbot.waitUntil(lambda: pay.state == "counter", timeout=8000)  # pay at the counter instead
    assert not pay.qr.isVisible() or not pay.qr.payload
    assert ("payee", "mismatch", "hub") in reported
    # and the heartbeat carries it to the hub's dashboard
    qtbot.waitUntil(lambda: app.ctx.services.sync._device_states.get("payee") == "mismatch", timeout=5000)


def test_the_payment_cli_makes_no_qr_for_another_payee(tmp_path, capsys, module_hub) -> None:  # noqa: F811
    from tests.resident.test_cli_payment import kiosk, write_config

    config = write_config(tmp_path, module_hub.url, module_hub.demo_code)
    config.write_text(config.read_text(encoding="utf-8").replace("[hub]", "[station]\ncode = 'PP01'\n[hub]")
                      + "[security]\npayee_bank_bin = '970418'\npayee_account = '1234567890'\n", encoding="utf-8")
    done = kiosk(capsys, config, "--amount", "20000", "--reference", "PP01-261203-0001")
    assert done.returncode == 1 and "not the payee pinned" in done.stderr and "000201" not in done.stdout
