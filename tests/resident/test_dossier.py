"""Nộp hồ sơ end to end: ID card → form → consent → saved → receipt → hub (exactly once) → tracking."""

from __future__ import annotations

from tests.printer.helpers import qr_texts
from tests.resident.conftest import (
    card_payloads,
    hub_settings,
    hub_submissions,
    module_hub,  # noqa: F401
    wait_enrolled,
)
from tests.resident.journeys import fill_form_and_submit, scan_card, start_dossier, track


def test_dossier_online_reaches_the_hub_once_and_the_receipt_carries_the_tracking_code(
        make_app, qtbot, shared_data, module_hub):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub))
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(shared_data)[0])
    form = app.navigator.screen("dossier.form")
    assert form.rows["full_name"].value() == "Nguyễn Văn An"
    assert form.rows["date_of_birth"].value() == "15/03/1985"
    assert form.rows["gender"].value() == "Nam"
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    ref = done.reference.text()
    assert ref.startswith("BN01-") and done.qr.payload == f"TCDS|1|{ref}"
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    assert done.params["printed"] is True
    printer = app.ctx.services.printer
    assert f"TCDS|1|{ref}" in qr_texts(printer.last_output(), app.config.printer.paper_width_dots)
    qtbot.waitUntil(lambda: any(r[1] == ref for r in hub_submissions(module_hub)), timeout=15000)
    qtbot.waitUntil(lambda: done.params.get("status") == "sent", timeout=10000)
    assert "Đã tiếp nhận" in done.status.text()
    assert [r for r in hub_submissions(module_hub) if r[1] == ref].__len__() == 1
    tracking = track(qtbot, app, ref)
    assert tracking.view.state == "hub" and tracking.view.status == "received"
    assert tracking.message.text() == "Đã tiếp nhận" and ref in tracking.detail.text()
