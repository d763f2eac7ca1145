"""DESIGN §3.10: a whole dossier journey leaves no personal data in the logs (only UUIDs and references)."""

from __future__ import annotations

import logging

from core.formats import classify
from tests.resident.conftest import card_payloads, hub_settings, module_hub, wait_enrolled  # noqa: F401
from tests.resident.journeys import fill_form_and_submit, scan_card, start_dossier


def test_a_dossier_journey_logs_no_personal_data(make_app, qtbot, sample_data, module_hub, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG)
    payload = card_payloads(sample_data)[0]
    card = classify(payload).value
    app = make_app(services=True, hub=hub_settings(module_hub))
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, payload)
    fill_form_and_submit(qtbot, app)
    done = app.navigator.current
    reference = done.reference.text()
    qtbot.waitUntil(lambda: done.params.get("status") == "sent", timeout=20000)
    logged = caplog.text
    assert reference in logged, "the reference is what the technician can follow in the log"
    for secret in (card.full_name, card.id_number, card.address, card.date_of_birth.strftime("%d%m%Y"),
                   card.date_of_birth.strftime("%d/%m/%Y"), payload):
        assert secret not in logged, f"personal data in the log: {secret!r}"
