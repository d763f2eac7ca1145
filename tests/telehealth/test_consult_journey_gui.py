"""The resident's side through the whole app: the health tile's "Talk to a doctor online", consent, no doctor on
duty (told by a real hub), the duty hours, a call-back request queued like any submission and synced to the
hub, where it reaches the doctors' list; and the call screen's messages for a network blip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.telehealth.conftest import sign_in_health_worker
from tests.telehealth.helpers import wait_for


def _click(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _app(make_app: Any, hub: Any, qtbot: Any) -> Any:
    from offline_queue.runtime import make_client

    app = make_app(services=True, hub={"url": hub.url, "enrolment_code": hub.demo_code,
                                       "sync_interval_seconds": 600})
    # the sync worker enrols the kiosk at start (demo code); the call uses the token it saves
    qtbot.waitUntil(lambda: make_client(app.ctx.config, app.ctx.data_dir).token is not None, timeout=20000)
    return app


def test_no_doctor_on_duty_offers_the_duty_hours_and_a_call_back_that_reaches_the_doctors_list(
        make_app: Any, local_hub: Any, qtbot: Any) -> None:
    app = _app(make_app, local_hub, qtbot)
    nav = app.navigator
    _click(qtbot, app.home_screen.tiles["health"])
    choose = nav.screen("health")
    _click(qtbot, choose.consult_button)
    consent = nav.screen("consult.consent")
    assert nav.current is consent
    assert "kết quả ông/bà vừa đo" not in consent.shared.text()  # nothing measured: no readings are shared
    assert not consent.call_button.isEnabled()  # silence is not consent
    consent.checkbox.setChecked(True)
    _click(qtbot, consent.call_button)

    status = nav.screen("consult.status")
    qtbot.waitUntil(lambda: nav.current is status and status.phone.isVisible(), timeout=30000)
    assert "Hiện không có bác sĩ trực" in status.body.text()
    assert "Giờ trực: 7 giờ 30" in status.body.text()

    status.phone.setText("0901 234 56")  # one digit short
    _click(qtbot, status.callback_button)
    assert "10 chữ số" in status.status.text()
    status.phone.setText("0901 234 567")
    _click(qtbot, status.callback_button)
    qtbot.waitUntil(lambda: "Mã tra cứu" in status.body.text(), timeout=10000)

    app.ctx.services.sync.sync_now()
    doctor = {"Cookie": sign_in_health_worker(local_hub)}
    listed = wait_for(lambda: (local_hub.request("GET", "/telehealth/api/list", headers=doctor)[1]
                               .get("callbacks")), 30, "the call-back request at the hub", pump=lambda: qtbot.wait(200))
    assert listed[0]["phone"] == "0901234567" and listed[0]["reason"] == "no-doctor"
    missed = local_hub.request("GET", "/telehealth/api/list", headers=doctor)[1]["missed"]
    assert len(missed) == 1  # the request itself is on the list as a missed call


def test_the_call_screen_says_when_it_reconnects_and_when_sound_only(make_app: Any, local_hub: Any,
                                                                    qtbot: Any) -> None:
    app = _app(make_app, local_hub, qtbot)
    service, call = app.ctx.services.consult, app.navigator.screen("consult.call")
    app.navigator.screen("health").controller.consult.open({}, {})  # as the health tile does
    service.event.emit("accepted", {"doctor": "BS. Lan"})
    assert app.navigator.current is call
    service.event.emit("connected", {})
    assert "BS. Lan" in call.banner.text()
    service.event.emit("reconnecting", {"seconds": 15})
    assert "Đang kết nối lại" in call.banner.text()
    service.event.emit("resumed", {})
    assert "đang nói chuyện với BS. Lan" in call.banner.text()
    service.event.emit("degraded", {})
    assert "chỉ có tiếng" in call.banner.text()
    service.event.emit("caption", {"text": "Ông uống thuốc đều nhé"})
    assert call.caption.isVisible() and call.caption.text() == "Ông uống thuốc đều nhé"
    service.event.emit("ended", {"by": "network"})
    status = app.navigator.screen("consult.status")
    assert app.navigator.current is status and "Mất kết nối" in status.body.text()


def test_a_resident_with_an_id_card_may_link_the_call_and_the_hub_keeps_only_a_keyed_hash(
        make_app: Any, local_hub: Any, qtbot: Any) -> None:
    import hashlib
    import hmac
    import sqlite3

    from core.formats.cccd import parse_cccd

    app = _app(make_app, local_hub, qtbot)
    card = parse_cccd("001085012345|012345678|Nguyễn Văn An|15031985|Nam|Số 12 Ngõ 5 Phố Huế, Hà Nội|22062022")
    nav = app.navigator
    _click(qtbot, app.home_screen.tiles["health"])
    app.flow.visit.identity = card  # as after scanning the ID card
    _click(qtbot, nav.screen("health").consult_button)
    consent = nav.screen("consult.consent")
    assert consent.link_checkbox.isVisible() and not consent.link_checkbox.isChecked()  # optional, unticked
    assert "không lưu chính số căn cước" in consent.link_explain.text()
    consent.checkbox.setChecked(True)
    consent.link_checkbox.setChecked(True)
    _click(qtbot, consent.call_button)
    status = nav.screen("consult.status")
    qtbot.waitUntil(lambda: nav.current is status and status.phone.isVisible(), timeout=30000)  # nobody on duty

    with sqlite3.connect(local_hub.db_path) as db:
        (key,), = db.execute("SELECT secret FROM telehealth_keys WHERE name = 'resident'").fetchall()
        rows = db.execute("SELECT * FROM consultations").fetchall()
    assert [r for r in rows if hmac.new(bytes.fromhex(key), card.id_number.encode(), hashlib.sha256).hexdigest()
            in r], "the consultation carries the resident's keyed hash"
    assert card.id_number not in repr(rows) and card.full_name in repr(rows)  # the name was shared; the number not

    # the next resident finds both boxes unticked
    app.flow.home("finished")
    assert not consent.checkbox.isChecked() and not consent.link_checkbox.isChecked()
