"""Nộp hồ sơ end to end: ID card → form → consent → saved → receipt → hub (exactly once) → tracking."""

from __future__ import annotations

import re

from tests.printer.helpers import qr_texts
from tests.resident.conftest import (
    card_payloads,
    click,
    hub_settings,
    hub_submissions,
    module_hub,  # noqa: F401
    wait_enrolled,
    wait_step,
)
from tests.resident.journeys import ANSWERS, fill, fill_form_and_submit, scan_card, start_dossier, track


def test_dossier_online_reaches_the_hub_once_and_the_receipt_carries_the_tracking_code(
        make_app, qtbot, sample_data, module_hub):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub))
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    form = app.navigator.screen("dossier.form")
    assert form.rows["full_name"].value() == "Nguyễn Văn An"
    assert form.rows["date_of_birth"].value() == "15/03/1985"
    assert form.rows["gender"].value() == "Nam"
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    ref = done.reference.text()
    assert ref.startswith(app.config.station.code + "-") and done.qr.payload == f"TCDS|1|{ref}"
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=10000)
    assert done.params["printed"] is True
    printer = app.ctx.services.printer
    # the hub accepted within seconds: the slip says "Đã tiếp nhận" and its QR carries the hub's reference too
    printed = qr_texts(printer.last_output(), app.config.printer.paper_width_dots)
    receipt = app.ctx.services.submit.last_receipt
    assert receipt.status == "accepted" and re.fullmatch(r"HS-\d{4}-\d{6,9}", receipt.hub_reference)
    assert any(t.startswith(f"TCDS|1|{ref}") for t in printed), printed
    qtbot.waitUntil(lambda: any(r[1] == ref for r in hub_submissions(module_hub)), timeout=15000)
    qtbot.waitUntil(lambda: done.params.get("status") == "sent", timeout=20000)
    assert "Đã tiếp nhận" in done.status.text()
    assert [r for r in hub_submissions(module_hub) if r[1] == ref].__len__() == 1
    tracking = track(qtbot, app, ref)
    assert tracking.view.state == "hub" and tracking.view.status == "received"
    assert tracking.message.text() == "Đã tiếp nhận" and ref in tracking.detail.text()


def test_a_document_photo_is_checked_kept_and_reaches_the_hub(make_app, qtbot, sample_data, module_hub):  # noqa: F811
    import sqlite3

    import pytest

    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "BN02"})  # codes are unique
    if not hasattr(app.ctx.services.scanner, "capture_still"):
        pytest.skip("the scanner service has no still capture on this build")
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[3])
    form = app.navigator.current
    for key, text in ANSWERS.items():
        fill(form.rows[key], text)
    click(qtbot, form.next_button)
    wait_step(qtbot, app, "dossier.photos")
    photos = app.navigator.current
    assert photos.camera.isVisible() and photos.take_button.isVisible()
    # "Chụp ảnh" is the one primary button; skipping stays possible in the secondary style.
    assert (photos.take_button.text(), photos.take_button.property("role")) == ("Chụp ảnh", "primary")
    assert photos.next_button.text().startswith("Bỏ qua") and photos.next_button.property("role") == "secondary"
    click(qtbot, photos.take_button)
    qtbot.waitUntil(lambda: photos.take_button.isEnabled(), timeout=10000)
    if photos.keep_button.isVisible():  # the simulated view may be judged glaring: the resident may keep it
        assert photos.check.isVisible() and photos.check.text()
        assert photos.take_button.property("role") == "primary"  # retaking is the suggested step
        assert photos.keep_button.property("role") == photos.next_button.property("role") == "secondary"
        click(qtbot, photos.keep_button)
    assert len(app.flow.visit.data["dossier"].photos) == 1 and "1" in photos.count.text()
    assert photos.next_button.text().startswith("Tiếp tục") and photos.next_button.property("role") == "primary"
    assert photos.take_button.property("role") == "secondary"
    click(qtbot, photos.next_button)
    wait_step(qtbot, app, "dossier.review")
    review = app.navigator.current
    assert "1" in review.photos.text()
    click(qtbot, review.next_button)
    consent = app.navigator.current
    click(qtbot, consent.agree)
    click(qtbot, consent.submit_button)
    wait_step(qtbot, app, "receipt.done")
    ref = app.navigator.current.reference.text()
    qtbot.waitUntil(lambda: any(r[1] == ref for r in hub_submissions(module_hub)), timeout=15000)

    def attachments() -> list[tuple[str, int]]:
        conn = sqlite3.connect(f"file:{module_hub.db_path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT a.name, a.size FROM attachments a JOIN submissions s "
                                "ON a.submission_seq = s.seq WHERE s.local_ref = ?", (ref,)).fetchall()
        finally:
            conn.close()

    qtbot.waitUntil(lambda: len(attachments()) == 1, timeout=15000)
    name, size = attachments()[0]
    assert name == "page-1.jpg" and size > 1000
