"""The ward's side of the station, end to end: a real hub process, Debian's chromium as the officer, and the
kiosk app (pytest-qt) as the resident. Status and notes flow back to the kiosk; crisis readings and calls for
help reach a person and the kiosk learns that someone is coming."""

from __future__ import annotations

import itertools
import re

from playwright.sync_api import expect

from tests.resident.conftest import (
    card_payloads,
    click,
    hub_settings,
    hub_submissions,
    module_hub,  # noqa: F401
    wait_enrolled,
)
from tests.resident.journeys import fill_form_and_submit, scan_card, start_dossier, track

NOTE = "Vui lòng bổ sung bản sao giấy khai sinh của người đăng ký."


def test_officer_asks_for_more_documents_and_the_kiosk_tracking_shows_the_note(
        make_app, qtbot, sample_data, module_hub, officer):  # noqa: F811
    # station codes are unique across the fleet: each test's kiosk on the shared hub has its own
    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "OF01"})
    wait_enrolled(qtbot, app)
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    fill_form_and_submit(qtbot, app)
    local_ref = app.navigator.current.reference.text()
    qtbot.waitUntil(lambda: any(r[1] == local_ref for r in hub_submissions(module_hub)), timeout=20000)

    page = officer
    page.goto(module_hub.url + "/office/dossiers")
    expect(page.locator("h1")).to_have_text("Hồ sơ thủ tục")
    page.fill("input[name=q]", local_ref)
    page.click("form.filters button[type=submit]")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Nguyễn Văn An")
    rows.first.locator("a").first.click()
    expect(page.locator("h1")).to_contain_text("Đã tiếp nhận")
    hub_ref = re.search(r"HS-\d{4}-\d{6,9}", page.locator("h1").inner_text()).group(0)
    page.check("input[name=status][value=needs_info]")
    page.fill("#note", NOTE)
    page.click("form.move button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Cần bổ sung hồ sơ")
    expect(page.locator("ul.history")).to_contain_text(NOTE)

    tracking = track(qtbot, app, local_ref)
    assert tracking.view.state == "hub" and tracking.view.status == "needs_info"
    assert tracking.message.text().startswith("Cần bổ sung")
    assert tracking.detail.text().startswith(f"Ghi chú của cán bộ phường: {NOTE}")
    # one code for the resident: the one on the receipt, not the office's number beside it (issue 17)
    assert local_ref in tracking.detail.text() and hub_ref not in tracking.detail.text()
    assert NOTE in tracking.history.text()


def test_a_crisis_reading_raises_an_alert_that_goes_away_when_acknowledged(
        make_app, qtbot, module_hub, health_worker, officer):  # noqa: F811
    import dataclasses

    from kiosk.services.health import HealthService
    from kiosk.services.setup import build_services, start_services
    from tests.health.conftest import FAST_SESSIONS, FAST_SIMS, FAST_WORKERS, health_config

    h = health_config(bp_rest_seconds=0, bp_between_seconds=0, scale={"kind": "none"},
                      thermometer={"kind": "none"}, oximeter={"kind": "none"}).health
    app = make_app(health={f.name: getattr(h, f.name) for f in dataclasses.fields(h)}, hub=hub_settings(module_hub),
                   station={"code": "OF02"})
    ctx = app.ctx
    ctx.services.health = HealthService(ctx.config, ctx.threads, ctx.bus, sim_options=FAST_SIMS,
                                        session_options=FAST_SESSIONS, worker_options=FAST_WORKERS)
    build_services(ctx)
    start_services(ctx.services)
    wait_enrolled(qtbot, app)
    ctx.services.health.simulator("blood_pressure").behaviour.script = itertools.repeat((186, 121, 90))
    click(qtbot, app.home_screen.tiles["health"])
    click(qtbot, app.navigator.screen("health").all_button)
    check = app.navigator.screen("health.check")
    click(qtbot, check.start_button)
    qtbot.waitUntil(lambda: check.urgent.isVisibleTo(check), timeout=20000)
    page = health_worker
    page.goto(module_hub.url + "/office/alerts")
    expect(page.locator("article.alert")).to_have_count(0)  # nothing leaves the kiosk without the resident's tap
    click(qtbot, check.urgent.alert_button)
    qtbot.waitUntil(lambda: check.alert_state not in ("", "sending"), timeout=15000)
    assert check.alert_state == "sent", check.alert_state

    page.goto(module_hub.url + "/office/alerts")
    card = page.locator("article.alert")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Chỉ số sức khỏe nguy hiểm")
    expect(card).to_contain_text("186")
    expect(card).to_contain_text("OF02")
    expect(card).to_contain_text("thiết bị trình diễn")  # a simulator's reading is labelled as such
    officer.goto(module_hub.url + "/office/alerts")  # health data: not for the one-stop officer
    expect(officer.locator("article.alert")).to_have_count(0)
    page.goto(module_hub.url + "/")
    expect(page.locator("#alert-count")).to_have_text("1")
    page.goto(module_hub.url + "/office/alerts")
    card.locator("button").click()
    expect(page.locator("article.alert")).to_have_count(0)
    qtbot.waitUntil(lambda: check.alert_state == "acknowledged", timeout=15000)
    assert check.urgent.alert_status.text() == "Cán bộ y tế đã nhận kết quả, đang đến."


def test_call_for_help_round_trips_to_an_acknowledgement_on_the_kiosk(
        make_app, qtbot, module_hub, officer):  # noqa: F811
    app = make_app(services=True, hub=hub_settings(module_hub), station={"code": "OF03"})
    wait_enrolled(qtbot, app)
    click(qtbot, app.home_screen.tiles["tracking"])
    header = app.window.header
    assert header.call_staff.text() == "Gọi cán bộ hỗ trợ"
    click(qtbot, header.call_staff)
    overlay = app.window.call_staff_overlay
    qtbot.waitUntil(lambda: overlay.state == "waiting", timeout=15000)

    page = officer
    page.goto(module_hub.url + "/")
    expect(page.locator("main")).to_contain_text("Gọi cán bộ hỗ trợ")
    page.goto(module_hub.url + "/office/alerts")
    card = page.locator("article.alert")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("OF03")
    expect(card).to_contain_text("Tra cứu hồ sơ")  # the screen the resident is on, in words
    card.locator("button").click()
    expect(page.locator("article.alert")).to_have_count(0)

    qtbot.waitUntil(lambda: overlay.state == "acknowledged", timeout=15000)
    assert overlay.heading.text() == "Cán bộ đã nhận yêu cầu, đang đến"
    assert overlay.phone.isVisible() and app.config.station.staff_phone in overlay.phone.text()


def test_call_for_help_without_the_hub_shows_the_staff_phone_and_prints_a_slip(make_app, qtbot, tmp_path) -> None:
    from central.local import free_port

    dead = {"url": f"http://127.0.0.1:{free_port()}", "enrolment_code": "DEMO-0000", "connect_timeout_seconds": 0.5,
            "read_timeout_seconds": 1.0, "request_timeout_seconds": 1.0}
    app = make_app(services=True, hub=dead)
    click(qtbot, app.window.header.call_staff)
    overlay = app.window.call_staff_overlay
    qtbot.waitUntil(lambda: overlay.state == "offline", timeout=15000)
    assert app.config.station.staff_phone in overlay.phone.text() and overlay.phone.isVisible()
    printer = app.ctx.services.printer
    before = printer.last_output()
    click(qtbot, overlay.print_button)
    qtbot.waitUntil(lambda: printer.last_output() not in (None, b"", before), timeout=10000)
