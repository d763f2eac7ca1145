"""The resident's health journey through the real app: simulators → results → slip → consent → queue."""

from __future__ import annotations

import dataclasses
import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.health.model import Measure
from kiosk.services.health import HealthService
from screens.health.check import GUIDE
from tests.health.conftest import FAST_SESSIONS, FAST_SIMS, FAST_WORKERS, health_config

ID_CARD = "026099000003||Lương Văn Bình|30121999|Nam|Thôn Tây, Tân Phú, Vĩnh Tường, Vĩnh Phúc|01082024||||"
FAST = {"bp_rest_seconds": 0, "bp_between_seconds": 0}


def _app(make_app, **health):
    from kiosk.services.setup import build_services, start_services

    h = health_config(**{**FAST, **health}).health
    app = make_app(health={f.name: getattr(h, f.name) for f in dataclasses.fields(h)})
    ctx = app.ctx
    # the health service with fast simulators; every other facade is the real one from the app's setup
    ctx.services.health = HealthService(ctx.config, ctx.threads, ctx.bus, sim_options=FAST_SIMS,
                                        session_options=FAST_SESSIONS, worker_options=FAST_WORKERS)
    build_services(ctx)
    start_services(ctx.services)
    return app


def _click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _measure_all(app, qtbot):
    nav = app.navigator
    _click(qtbot, app.home_screen.tiles["health"])
    choose = nav.screen("health")
    assert nav.current is choose
    _click(qtbot, choose.all_button)
    check = nav.screen("health.check")
    seen = []
    for _ in range(8):
        if nav.current.screen_id == "health.results":
            break
        assert nav.current is check and check.pages.currentIndex() == GUIDE
        seen.append((check.measure, check.reading, app.window.nav_bar.step.text()))
        _click(qtbot, check.start_button)
        last = seen[-1][:2]
        qtbot.waitUntil(lambda last=last: nav.current.screen_id == "health.results" or (
            check.pages.currentIndex() == GUIDE and (check.measure, check.reading) != last), timeout=20000)
    return seen


def _counts(qtbot, storage):
    got = []
    storage.counts(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return sum(got[0].values())


def test_measure_all_then_print_and_nothing_is_stored_without_consent(make_app, qtbot):
    app = _app(make_app)
    seen = _measure_all(app, qtbot)
    assert [(m, r) for m, r, _ in seen] == [(Measure.BLOOD_PRESSURE, 1), (Measure.BLOOD_PRESSURE, 2),
                                            (Measure.SPO2, 1), (Measure.BODY, 1), (Measure.TEMPERATURE, 1)]
    assert seen[0][2] != "" and "1" in seen[0][2] and "5" in seen[0][2]  # "step 1 of 5" in the nav bar
    results = app.navigator.current
    by = {r.measure: r for r in results.results}
    bp = by[Measure.BLOOD_PRESSURE]
    assert bp.measurement.values == {"systolic": 126, "diastolic": 81, "pulse": 71} and bp.measurement.count == 2
    assert bp.categories["blood_pressure"].code == "bp.esh.normal"
    assert by[Measure.SPO2].categories["spo2"].code == "spo2.normal"
    assert by[Measure.BODY].categories["bmi"].code == "bmi.overweight"  # BMI 23.0: Asian cut-off
    assert by[Measure.TEMPERATURE].measurement.values["celsius"] == 36.6
    assert not results.urgent.isVisible()
    # every value is marked as coming from a simulated, unvalidated device without a calibration date
    assert "device.simulated" in bp.notes and "device.unvalidated" in bp.notes

    _click(qtbot, results.print_button)
    printer = app.ctx.services.printer
    qtbot.waitUntil(lambda: results._print_state in ("printed", "failed"), timeout=20000)
    assert results._print_state == "printed"
    assert len(printer.last_output()) > 1000  # the Dummy printer got the raster slip
    receipt = app.navigator.screen("health").controller.last_receipt
    assert receipt.kind == "health" and receipt.local_reference == "" and receipt.status == ""
    values = {i.value for i in receipt.items}
    assert {"126/81", "97", "62,5", "23,0", "36,6"} <= values  # Vietnamese decimal comma
    assert any("mô phỏng" in n for n in receipt.notes)

    assert _counts(qtbot, app.ctx.services.storage) == 0  # anonymous: nothing was queued
    _click(qtbot, app.window.nav_bar.back)  # Back from the results: nothing left to measure → the choice
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "health", timeout=10000)
    _click(qtbot, app.window.nav_bar.back)
    assert app.navigator.current.screen_id == "home"
    assert _counts(qtbot, app.ctx.services.storage) == 0


def test_saving_needs_the_unticked_box_and_an_id_card(make_app, qtbot):
    app = _app(make_app, scale={"kind": "none"}, thermometer={"kind": "none"}, oximeter={"kind": "none"})
    _measure_all(app, qtbot)
    results = app.navigator.current
    # "measure everything" means every device that is there; the missing ones cannot be chosen
    assert [r.measure for r in results.results] == [Measure.BLOOD_PRESSURE]
    choose = app.navigator.screen("health")
    assert choose.buttons[Measure.SPO2].isHidden() and choose.missing.isVisibleTo(choose)
    _click(qtbot, results.save_button)
    consent = app.navigator.current
    assert consent.screen_id == "health.consent"
    assert not consent.checkbox.isChecked() and not consent.scan_button.isEnabled()
    consent.checkbox.setChecked(True)
    _click(qtbot, consent.scan_button)
    app.ctx.services.scanner.inject(ID_CARD)
    qtbot.waitUntil(lambda: consent._state in ("saved", "failed"), timeout=20000)
    assert consent._state == "saved" and consent._reference.startswith(app.config.station.code)
    assert _counts(qtbot, app.ctx.services.storage) == 1
    found = []
    app.ctx.services.storage.lookup(consent._reference, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    assert found[0].kind == "health"
    _click(qtbot, consent.print_button)  # the slip now carries the reference
    qtbot.waitUntil(lambda: consent._print_state in ("printed", "failed"), timeout=20000)
    receipt = app.navigator.screen("health").controller.last_receipt
    assert consent._print_state == "printed"
    assert receipt.local_reference == consent._reference and receipt.status == "queued"
    _click(qtbot, consent.finish_button)
    # the next resident finds the box unticked again
    assert not app.navigator.screen("health.consent").checkbox.isChecked()


def test_crisis_values_show_the_urgent_message(make_app, qtbot, caplog):
    app = _app(make_app, scale={"kind": "none"}, thermometer={"kind": "none"}, oximeter={"kind": "none"})
    app.ctx.services.health.simulator("blood_pressure").behaviour.script = itertools.repeat((186, 118, 90))
    seen = _measure_all(app, qtbot)
    check = app.navigator.screen("health.check")
    assert len(seen) == 2 and check.urgent.isVisibleTo(check)  # said right after the first reading
    results = app.navigator.current
    assert results.urgent.isVisible() and "115" in results.urgent.body.text()
    assert any("urgent blood_pressure value" in r.message for r in caplog.records)
    assert not any("Lương" in r.message for r in caplog.records)
    assert results.urgent.heading.text() == "Hãy tìm trợ giúp y tế ngay"
    _click(qtbot, app.window.header.language)  # every text follows the language switch
    assert results.urgent.heading.text() == "Please get medical help now"
    assert "Very high" in " ".join(lab.text() for lab in results.cards[Measure.BLOOD_PRESSURE].findChildren(QLabel))


def test_going_home_mid_measurement_stops_the_device_and_forgets_the_visit(make_app, qtbot):
    app = _app(make_app)
    health = app.ctx.services.health
    _click(qtbot, app.home_screen.tiles["health"])
    _click(qtbot, app.navigator.screen("health").buttons[Measure.SPO2])
    check = app.navigator.screen("health.check")
    _click(qtbot, check.start_button)
    qtbot.waitUntil(lambda: "97" in check.live.text(), timeout=20000)  # live values on screen
    sim = health.simulator("oximeter")
    sim.received.clear()
    _click(qtbot, app.window.nav_bar.home)
    assert app.navigator.current.screen_id == "home"
    assert health.measuring is None and check.live.text() == ""
    qtbot.waitUntil(lambda: b"\x7d\x81\xa2" in sim.received, timeout=10000)  # stop command on the wire
    assert app.navigator.screen("health").controller.journey is None


def test_results_clear_within_a_minute_after_the_resident_walks_away(make_app, qtbot) -> None:
    """Results wipe 30-60 s after the last touch, after a visible countdown with "Tôi vẫn ở đây"."""
    from screens.health.results import HealthResultsScreen

    app = make_app()
    flow = app.flow.flow
    app.flow.go("health.results", HealthResultsScreen.sample_params())
    results = app.navigator.current
    assert 30 <= flow.idle_for("health.results") + flow.warning_seconds <= 60  # the station's own timings
    assert results.screen_id == "health.results" and results.results
    # shorten the timeouts as tests/shell does, then walk away
    flow.warning_seconds = 3
    flow.register("health.results", 0.2)
    app.flow.activity()
    overlay = app.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    assert overlay.countdown.isVisible() and overlay.countdown.text().isdigit()
    assert overlay.more_button.isVisible() and overlay.more_button.text() == "Tôi vẫn ở đây"
    qtbot.mouseClick(overlay.more_button, Qt.MouseButton.LeftButton)  # the resident was only reading
    assert not overlay.isVisible() and app.navigator.current is results and results.results
    qtbot.waitUntil(overlay.isVisible, timeout=3000)  # ...and now walks away for good
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "home", timeout=6000)
    assert results.results == [] and not results.cards
