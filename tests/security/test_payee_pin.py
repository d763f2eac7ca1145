"""Issue 13: money goes only where the ward says. A payment QR is made only for the payee pinned in the kiosk's
configuration or signed with the ward's Ed25519 key, whatever a (real) hub process answers; a refusal is logged
for the technician, explained to the resident and reported to the hub."""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
import qr_pay
from hypothesis import given, settings
from hypothesis import strategies as st

from central.local import LocalHub
from core.payee import PayeeDocumentError, generate_keypair, read_payee_document, sign_payee, verify_payee_document
from screens.payment.model import Payee, PayeePolicy, check_payee, payee_from
from screens.receipt.station_cache import CACHE_FILE
from tests.resident.conftest import hub_settings, wait_enrolled
from tests.resident.test_cli_payment import kiosk
from tests.security.helpers import station

HUB_PAYEE = Payee("970436", "0071000123456", "CONG AN PHUONG BEN NGHE", "HCM")  # what the demo hub hands out
WARD = {"bank_bin": "970418", "account": "1234567890", "name": "UBND PHUONG BEN NGHE", "city": "HCM"}
ISSUED = "2026-12-03T09:00:00+00:00"


@pytest.fixture(scope="module")
def module_hub(tmp_path_factory: pytest.TempPathFactory):
    """A demo hub: it answers with its own (demo) payee, unsigned."""
    with LocalHub(tmp_path_factory.mktemp("demo-hub"), startup_timeout=120.0) as hub:  # slow on a loaded machine
        yield hub


@pytest.fixture(scope="module")
def ward_key() -> tuple[str, str]:
    return generate_keypair()


def answer(doc: dict) -> Payee | None:
    """A hub's payee answer carrying ``doc``: the plain fields it names, and the document (as the hub serves it)."""
    return payee_from(dict(read_payee_document(doc), signed=doc))


def tampered(doc: dict, **change: str) -> dict:
    """The document with its payload changed and the ward's signature kept."""
    body = json.loads(base64.b64decode(doc["payload"])) | change
    return dict(doc, payload=base64.b64encode(json.dumps(body).encode()).decode())


def flipped(doc: dict) -> dict:
    sig = bytearray(base64.b64decode(doc["signature"]))
    sig[7] ^= 0x01
    return dict(doc, signature=base64.b64encode(bytes(sig)).decode())


# -- the policy, pure --------------------------------------------------------------------------------------------

def test_only_the_pinned_account_is_allowed() -> None:
    pinned = PayeePolicy("970436", "0071000123456")
    assert check_payee(HUB_PAYEE, pinned) == (HUB_PAYEE, "")
    assert check_payee(HUB_PAYEE, PayeePolicy("970418", "0071000123456")) == (None, "mismatch")  # another bank
    assert check_payee(HUB_PAYEE, PayeePolicy("970436", "0071000999999")) == (None, "mismatch")  # another account
    assert check_payee(None, pinned) == (None, "missing")
    assert check_payee(HUB_PAYEE, PayeePolicy(demo=True)) == (HUB_PAYEE, "")  # the demo hub on 127.0.0.1
    assert check_payee(HUB_PAYEE, PayeePolicy()) == (None, "not_pinned")  # a real hub alone decides nothing


def test_a_signed_payee_is_accepted_and_anything_else_refused(ward_key) -> None:
    private, public = ward_key
    doc = sign_payee(private, WARD, ISSUED, "Phường Bến Nghé")
    policy = PayeePolicy(public_key=public)
    trusted, why = check_payee(answer(doc), policy)
    assert why == "" and (trusted.bank_bin, trusted.account, trusted.name) == ("970418", "1234567890", WARD["name"])
    assert check_payee(answer(flipped(doc)), policy) == (None, "bad_signature")
    assert check_payee(answer(tampered(doc, account="9999999999")), policy) == (None, "bad_signature")
    other_private, other_public = generate_keypair()
    assert check_payee(answer(sign_payee(other_private, WARD, ISSUED)), policy) == (None, "bad_signature")
    assert check_payee(Payee(**WARD), policy) == (None, "unsigned")  # a hub that serves no document
    assert check_payee(Payee(**WARD, signed={"alg": "none"}), policy) == (None, "unsigned")
    # plain fields that say another account than the signed ones: never the plain ones
    assert check_payee(Payee("970436", "0071000123456", "X", signed=doc), policy) == (None, "mismatch")
    # a key and a pinned account: both must agree
    both = PayeePolicy("970436", "0071000123456", public)
    assert check_payee(answer(doc), both) == (None, "mismatch")
    assert verify_payee_document(doc, public)["account"] == "1234567890"
    with pytest.raises(PayeeDocumentError):
        verify_payee_document(doc, other_public + "x")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                           max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(doc=json_values | st.fixed_dictionaries({"alg": st.just("Ed25519"), "payload": st.text(),
                                                "signature": st.text()}),
       key=st.text(max_size=60))
def test_verification_is_total_on_any_input(ward_key, doc, key) -> None:
    for public in (ward_key[1], key):
        try:
            verify_payee_document(doc, public)
        except PayeeDocumentError:
            pass
    policy = PayeePolicy(public_key=ward_key[1])
    assert payee_from(doc if isinstance(doc, dict) else {}) is None or isinstance(doc, dict)
    assert check_payee(Payee(**WARD, signed=doc if isinstance(doc, dict) else None), policy)[0] is None


# -- configuration -----------------------------------------------------------------------------------------------

def _check(tmp_path: Path, toml: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "kiosk.toml"
    path.write_text(toml, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "kiosk", "config", "check", str(path)], capture_output=True,
                          text=True, timeout=60)


def test_config_check_wants_a_pinned_payee_outside_demo_mode(tmp_path: Path, ward_key) -> None:
    from core.pin import hash_pin

    real = (f"[hub]\nurl = 'https://hub.phuong.example.vn'\nlocal_hub = false\n[station]\ncode = 'BNG07'\n"
            f"[security]\ntechnician_pin_hash = '{hash_pin('482913')}'\n")
    refused = _check(tmp_path, real)
    assert refused.returncode == 1 and "no payee is pinned" in refused.stderr
    assert _check(tmp_path, real + "payee_bank_bin = '970436'\npayee_account = '0071000123456'\n").returncode == 0
    assert _check(tmp_path, real + f"payee_public_key = '{ward_key[1]}'\n").returncode == 0
    half = _check(tmp_path, real + "payee_bank_bin = '970436'\n")
    assert half.returncode == 1 and "set both" in half.stderr
    bad_key = _check(tmp_path, real + "payee_public_key = 'not a key'\n")
    assert bad_key.returncode == 1 and "payee_public_key" in bad_key.stderr
    bad_bin = _check(tmp_path, real + "payee_bank_bin = '97043'\npayee_account = '0071000123456'\n")
    assert bad_bin.returncode == 1 and "6 digits" in bad_bin.stderr
    demo = _check(tmp_path, "[station]\ncode = 'HB02'\n")  # local demo hub: allowed, with a warning
    assert demo.returncode == 0 and "no payee is pinned" in demo.stderr and "demo mode only" in demo.stderr


# -- against real hub processes ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ward_hubs(tmp_path_factory: pytest.TempPathFactory, ward_key):
    """Two demo hubs: one serving the ward's signed payee, one serving it with a forged signature."""
    folder = tmp_path_factory.mktemp("ward")
    doc = sign_payee(ward_key[0], WARD, ISSUED, "Phường Bến Nghé")
    good, forged = folder / "payee.json", folder / "forged.json"
    good.write_text(json.dumps(doc), encoding="utf-8")
    forged.write_text(json.dumps(flipped(doc)), encoding="utf-8")
    with LocalHub(folder / "signed", extra_args=["--payee-document", str(good)], startup_timeout=120.0) as signed, \
            LocalHub(folder / "forged", extra_args=["--payee-document", str(forged)], startup_timeout=120.0) as forger:
        yield signed, forger


def _config(tmp_path: Path, hub: LocalHub, security: str) -> Path:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{data}"\n[station]\ncode = "{station()}"\n[hub]\nurl = "{hub.url}"\n'
                    f'local_hub = false\nenrolment_code = "{hub.demo_code}"\nconnect_timeout_seconds = 1.0\n'
                    f'read_timeout_seconds = 3.0\n[security]\n{security}', encoding="utf-8")
    return path


def test_the_signed_payee_is_served_and_accepted(tmp_path: Path, capsys, ward_key, ward_hubs) -> None:
    signed_hub, _ = ward_hubs
    enrolled = signed_hub.enroll(station_code=station())
    assert enrolled["payee"]["account"] == WARD["account"] and enrolled["payee"]["signed"]["alg"] == "Ed25519"
    config = _config(tmp_path, signed_hub, f"payee_public_key = '{ward_key[1]}'\n")
    done = kiosk(capsys, config, "--amount", "20000", "--reference", "HS-2026-000123", "--json", "--source", "hub")
    assert done.returncode == 0, done.stderr
    decoded = qr_pay.decode(json.loads(done.stdout)["payload"])
    assert (decoded["bin_id"], decoded["consumer_id"]) == (WARD["bank_bin"], WARD["account"])
    # the cache keeps the document, and a payee edited on the station's disk is refused for "pay later"
    cache = tmp_path / "data" / CACHE_FILE
    doc = json.loads(cache.read_text(encoding="utf-8"))
    assert doc["payee"]["signed"]["signature"]
    doc["payee"]["account"] = "5555555555"
    cache.write_text(json.dumps(doc), encoding="utf-8")
    edited = kiosk(capsys, config, "--amount", "20000", "--reference", "HS-2026-000123", "--source", "cache")
    assert edited.returncode == 1 and "000201" not in edited.stdout


def test_a_forged_signature_is_refused(tmp_path: Path, capsys, ward_key, ward_hubs) -> None:
    _, forger = ward_hubs
    config = _config(tmp_path, forger, f"payee_public_key = '{ward_key[1]}'\n")
    done = kiosk(capsys, config, "--amount", "20000", "--reference", "HS-2026-000123", "--source", "hub")
    assert done.returncode == 1 and "does not verify" in done.stderr and "000201" not in done.stdout
    assert not (tmp_path / "data" / CACHE_FILE).exists()  # a refused payee is not kept for later either


def test_an_unsigned_hub_payee_is_refused_outside_demo_mode(tmp_path: Path, capsys, ward_key,
                                                            module_hub) -> None:
    keyed = _config(tmp_path, module_hub, f"payee_public_key = '{ward_key[1]}'\n")
    done = kiosk(capsys, keyed, "--amount", "20000", "--reference", "HS-2026-000123", "--source", "hub")
    assert done.returncode == 1 and "is not signed" in done.stderr and "000201" not in done.stdout
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    unpinned = _config(nothing, module_hub, "")
    done = kiosk(capsys, unpinned, "--amount", "20000", "--reference", "HS-2026-000123", "--source", "hub")
    assert done.returncode == 1 and "cannot be checked" in done.stderr and "000201" not in done.stdout
    other = tmp_path / "other"
    other.mkdir()
    pinned_other = _config(other, module_hub, "payee_bank_bin = '970418'\npayee_account = '1234567890'\n")
    done = kiosk(capsys, pinned_other, "--amount", "20000", "--reference", "HS-2026-000123", "--source", "hub")
    assert done.returncode == 1 and "not the payee pinned" in done.stderr and "000201" not in done.stdout


def _pay_screen(qtbot, app, amount: int = 20000):
    wait_enrolled(qtbot, app)
    app.flow.go("payment", {"reference": f"{app.config.station.code}-261203-0001", "amount": amount})
    return app.navigator.current


def test_a_hub_payee_other_than_the_pinned_one_never_becomes_a_qr(make_app, qtbot, caplog,
                                                                 module_hub) -> None:
    caplog.set_level(logging.ERROR, logger="screens.payment.controller")
    app = make_app(services=True, hub=hub_settings(module_hub, heartbeat_interval_seconds=1),
                   security={"payee_bank_bin": "970418", "payee_account": "1234567890"})
    reported = []
    app.ctx.bus.device_state_changed.connect(lambda name, state, detail: reported.append((name, state, detail)))
    pay = _pay_screen(qtbot, app)
    qtbot.waitUntil(lambda: pay.state == "payee_refused", timeout=8000)  # the counter or later, explained
    assert not pay.qr_box.isVisible() and not pay.qr.payload
    assert pay.message.text() == pay.tr("For your safety, this station cannot show a payment code right now.")
    assert pay.message.text() != "For your safety, this station cannot show a payment code right now."  # in Vietnamese
    assert pay.finish_button.isVisible()
    assert ("payee", "mismatch", "hub") in reported
    assert any("refused (mismatch)" in r.getMessage() for r in caplog.records)  # the technician's log line
    # and the hub hears of it with the next heartbeat (after the next sync run)
    kiosk_id = json.loads((app.data_dir / "hub_token.json").read_text())["kiosk_id"]

    def devices() -> dict:
        return next((k["devices"] or {} for k in module_hub.fleet()["kiosks"] if k["kiosk_id"] == kiosk_id), {})

    app.ctx.services.sync.sync_now()
    qtbot.waitUntil(lambda: devices().get("payee") == "mismatch", timeout=15000)


def test_the_payment_screen_shows_the_ward_signed_payee(make_app, qtbot, ward_key, ward_hubs) -> None:
    signed_hub, _ = ward_hubs
    app = make_app(services=True, hub=hub_settings(signed_hub),
                   security={"payee_bank_bin": "", "payee_account": "", "payee_public_key": ward_key[1]})
    app.ctx.bus.device_state_changed.emit("payee", "unsigned", "hub")  # refused earlier, before the ward signed
    pay = _pay_screen(qtbot, app)
    qtbot.waitUntil(lambda: pay.state == "qr", timeout=8000)
    decoded = qr_pay.decode(pay.qr.payload)
    assert (decoded["bin_id"], decoded["consumer_id"]) == (WARD["bank_bin"], WARD["account"])
    assert WARD["name"] in pay.payee.text()
    assert app.ctx.bus.device_states["payee"] == "ok"  # the report clears once the payee is accepted again


def test_the_payment_screen_refuses_a_forged_signature(make_app, qtbot, ward_key, ward_hubs) -> None:
    _, forger = ward_hubs
    app = make_app(services=True, hub=hub_settings(forger),
                   security={"payee_bank_bin": "", "payee_account": "", "payee_public_key": ward_key[1]})
    reported = []
    app.ctx.bus.device_state_changed.connect(lambda name, state, detail: reported.append((name, state)))
    pay = _pay_screen(qtbot, app)
    qtbot.waitUntil(lambda: pay.state == "payee_refused", timeout=8000)
    assert not pay.qr.payload and ("payee", "bad_signature") in reported
