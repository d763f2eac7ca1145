"""A catalogue published on a real hub changes what a running kiosk shows after its next sync, without a restart,
and never under a resident mid-visit; a refused one leaves the last good version on screen and tells the
technician. The whole app (pytest-qt) with its real sync worker against a real hub process on 127.0.0.1."""

from __future__ import annotations

import copy
import json

from central.local import KIOSK_CATALOGUE
from tests.citizen.conftest import click, texts

FULL = json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))


def corrected() -> dict:
    """A corrected fee for 1.004222 (in person 20.000 đ → 25.000 đ) and a renamed field."""
    doc = copy.deepcopy(FULL)
    proc = next(p for p in doc["procedures"] if p["code"] == "1.004222")
    proc["channels"][0]["fees"][0]["amount"] = 25000
    doc["fields"]["cu_tru"]["vi"] = "Cư trú (cập nhật)"
    return doc


def kiosk(make_app, hub):  # type: ignore[no-untyped-def]
    return make_app(services=True, hub={"url": hub.url, "enrolment_code": hub.demo_code, "sync_interval_seconds": 3600,
                                        "heartbeat_interval_seconds": 3600})


def detail_text(app, qtbot) -> str:  # type: ignore[no-untyped-def]
    click(qtbot, app.home_screen.tiles["procedures"])
    click(qtbot, app.navigator.current.field_buttons["cu_tru"])
    click(qtbot, app.navigator.current.items["1.004222"])
    return "\n".join(texts(app.navigator.current))


def sync_now(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitCallback(timeout=20000) as done:
        app.ctx.services.sync.sync_now(done)
    assert done.args[0]["ok"], done.args


def test_a_published_catalogue_reaches_a_running_kiosk_between_visits(make_app, qtbot, local_hub) -> None:
    app = kiosk(make_app, local_hub)
    updates = app.ctx.services.catalogue_updates
    qtbot.waitUntil(lambda: updates.info.get("source") == "hub", timeout=20000)  # the first sync pulled it
    first_version = updates.info["version"]
    assert "Nộp trực tiếp: lệ phí 20.000 đ" in detail_text(app, qtbot)

    status, body = local_hub.request("PUT", "/admin/catalog", corrected())
    assert status == 201, body
    # A resident is reading the procedure while the kiosk syncs: the new version waits for the visit to end.
    sync_now(app, qtbot)
    qtbot.waitUntil(lambda: updates.pending_version == body["version"], timeout=10000)
    assert updates.info["version"] == first_version
    click(qtbot, app.window.nav_bar.back)
    assert app.navigator.current.screen_id == "procedures.list"
    assert app.navigator.current.heading.text() == FULL["fields"]["cu_tru"]["vi"]  # still the old version

    app.flow.home("button")  # the visit ends: the next resident gets the new catalogue
    assert updates.info["version"] == body["version"] and updates.pending_version is None
    shown = detail_text(app, qtbot)
    assert "Nộp trực tiếp: lệ phí 25.000 đ" in shown
    app.flow.home("button")
    click(qtbot, app.home_screen.tiles["procedures"])
    assert app.navigator.current.field_buttons["cu_tru"].title.text() == "Cư trú (cập nhật)"

    # The technician sees which version is in use (in the station's language).
    app.flow.go("technician")
    shown = app.tech_screen.sync_labels["catalogue"][1].text()
    assert f"{body['version']} " in shown and ("hub" in shown or "máy chủ" in shown), shown


def test_a_restarted_kiosk_starts_with_the_last_good_hub_version(make_app, qtbot, local_hub) -> None:
    status, body = local_hub.request("PUT", "/admin/catalog", corrected())
    assert status == 201
    app = kiosk(make_app, local_hub)
    updates = app.ctx.services.catalogue_updates
    qtbot.waitUntil(lambda: updates.info.get("version") == body["version"], timeout=20000)
    app.shutdown()
    # offline now: the stored version is what the next start shows
    local_hub.stop()
    again = kiosk(make_app, local_hub)
    assert again.ctx.services.catalogue_updates.info["version"] == body["version"]
    assert "Nộp trực tiếp: lệ phí 25.000 đ" in detail_text(again, qtbot)


def test_a_refused_version_keeps_the_last_good_one_and_the_technician_sees_why(make_app, qtbot) -> None:
    from kiosk.services.catalogue import CatalogueUpdates

    app = make_app()
    good = app.ctx.services.catalogue
    updates = CatalogueUpdates(app.ctx.services, app.flow, {"source": "hub", "version": 3,
                                                            "fetched_at": "2026-12-03T08:00:00+00:00"}, app.bus)
    updates.received({"catalogue": None, "refused": {
        "version": 4, "problem": "$.procedures[0].channels[0].fees[0].amount: expected integer/null, got string"}})
    assert app.ctx.services.catalogue is good and updates.info["version"] == 3
    shown = app.tech_screen.sync_labels["catalogue"][1].text()
    assert "3" in shown and "4" in shown and "$.procedures[0].channels[0].fees[0].amount" in shown


def test_the_sync_service_process_brings_a_published_catalogue_to_a_running_kiosk(make_app, qtbot, local_hub,
                                                                                     tmp_path) -> None:
    """As installed (hub.sync_in_gui = false): the headless sync service, its own process, pulls; the running
    app notices the stored version from its sync thread and switches between visits, without a restart."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    app = make_app(services=True, hub={"url": local_hub.url, "sync_in_gui": False, "sync_interval_seconds": 5,
                                       "heartbeat_interval_seconds": 3600})
    updates = app.ctx.services.catalogue_updates
    assert updates.info["source"] == "built-in"
    toml = tmp_path / "kiosk.toml"
    toml.write_text(f'data_dir = "{app.ctx.data_dir}"\n[station]\ncode = "{app.ctx.config.station.code}"\n'
                    f'[hub]\nurl = "{local_hub.url}"\nsync_in_gui = false\nenrolment_code = "{local_hub.demo_code}"\n'
                    'sync_interval_seconds = 5\nconnect_timeout_seconds = 2.0\n', encoding="utf-8")
    service = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(toml), "sync-service"],
                               cwd=Path(__file__).resolve().parents[2], env=dict(os.environ),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        qtbot.waitUntil(lambda: updates.info.get("source") == "hub", timeout=60000)  # the service's first pull
        first_version = updates.info["version"]
        assert app.ctx.services.sync.worker._sends() is False  # the app itself never talked to the hub
        assert "Nộp trực tiếp: lệ phí 20.000 đ" in detail_text(app, qtbot)

        status, body = local_hub.request("PUT", "/admin/catalog", corrected())
        assert status == 201, body
        # A resident is reading a procedure: the version the service stored waits for the visit to end.
        qtbot.waitUntil(lambda: updates.pending_version == body["version"], timeout=60000)
        assert updates.info["version"] == first_version
        app.flow.home("button")
        assert updates.info["version"] == body["version"]
        assert "Nộp trực tiếp: lệ phí 25.000 đ" in detail_text(app, qtbot)
        app.flow.home("button")

    finally:
        service.send_signal(signal.SIGTERM)
        code = service.wait(30)
    assert code == 0, service.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
