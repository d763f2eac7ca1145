"""The health journey controller: screens' intents → HealthService, printer, scanner, storage. GUI thread.

Owns the pure ``Journey`` (core/health/journey.py) for the current visit and nothing else; the
visit ending (home, timeout) drops it, cancels a running measurement and releases the camera.
Urgent values are logged with the visit's random id and the category only (no identity).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from core.health import journey as jr
from core.health import rules
from core.health.model import ORDER, Measure
from core.health.sessions import Finished, Rejected
from screens.health import texts
from screens.health.check import HealthCheckScreen
from screens.health.choose import HealthChooseScreen
from screens.health.consent import HealthConsentScreen
from screens.health.results import HealthResultsScreen
from screens.scan.routing import begin_scan, end_scan

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.health import Outcome as MeasureOutcome
    from kiosk.services.printer import PrintOutcome
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)


class HealthController(QObject):
    def __init__(self, ctx: AppContext, choose: HealthChooseScreen, check: HealthCheckScreen,
                 results: HealthResultsScreen, consent: HealthConsentScreen, consult: Any = None) -> None:
        super().__init__()
        self.consult = consult  # screens.consult.controller.ConsultController (video consultation)
        self.ctx = ctx
        self.settings = ctx.config.health
        self.choose, self.check, self.results_screen, self.consent = choose, check, results, consent
        self.journey: jr.Journey | None = None
        self.language = ctx.config.station.language
        self.saved_reference = ""
        self.last_receipt: Any = None
        choose.chosen.connect(self.start)
        choose.entered.connect(self.refresh_available)
        check.entered.connect(self._check_entered)
        check.left.connect(self._cancel_measurement)
        check.start_pressed.connect(self.begin_measure)
        check.retry_pressed.connect(self.begin_measure)
        from screens.health.alert import HealthAlert

        self.alert = HealthAlert(ctx, self._alert_state)
        results.urgent.alert_button.clicked.connect(self._send_alert)
        self._crisis_readings: list[Any] = []  # this visit's crisis measurements (sent only on the resident's tap)
        check.alert_requested.connect(self._send_alert)
        check.skip_pressed.connect(lambda: self._after(self.journey.skip("skipped")) if self.journey else None)
        results.print_requested.connect(lambda: self.print_slip(with_reference=False))
        results.save_requested.connect(self._ask_consent)
        results.finish_requested.connect(lambda: ctx.flow.home("finished"))
        results.consult_requested.connect(self._consult)
        choose.consult_requested.connect(self._consult)
        consent.scan_requested.connect(self._scan)
        consent.consent_changed.connect(self._consent_changed)
        consent.print_requested.connect(lambda: self.print_slip(with_reference=True))
        consent.finish_requested.connect(lambda: ctx.flow.home("finished"))
        consent.left.connect(self._end_scan)
        consent.scan_widget.cancelled.connect(self._scan_cancelled)
        consent.scan_widget.manual_button.hide()  # health records are saved from the card only
        ctx.flow.visit_reset.connect(self._visit_reset)
        ctx.bus.language_changed.connect(self._language)
        ctx.bus.large_text_changed.connect(self._large_text)
        self.refresh_available()

    # -- services ------------------------------------------------------------------------------
    @property
    def health(self) -> Any:
        return self.ctx.services.health

    def refresh_available(self) -> None:
        self.choose.set_available({m: bool(self.health and self.health.available(m)) for m in ORDER})
        self.choose.consult_button.setVisible(bool(self.consult and self.consult.available))

    # -- journey -------------------------------------------------------------------------------
    def start(self, measures: list[Measure]) -> None:
        self.journey = jr.Journey(measures, bp_scheme=self.settings.bp_scheme)
        self.alert.reset()
        self._crisis_readings: list[Any] = []
        self._alert_state("")
        self.check.set_urgent(False)
        self.saved_reference, self.last_receipt = "", None
        log.info("visit %s: health check started (%s)", self.ctx.flow.visit.id,
                 ",".join(m.value for m in self.journey.measures))
        self._skip_unavailable()
        if self.journey.current is None:
            self._show_results()
        else:
            self.ctx.flow.go("health.check")

    def _skip_unavailable(self) -> None:
        j = self.journey
        while j.current is not None and not (self.health and self.health.available(j.current)):
            j.skip("device_missing")

    def _check_entered(self) -> None:
        j = self.journey
        if j is None or j.current is None:
            # reached by Back from the results: there is nothing to measure, so one more step back
            # (to the choice). Deferred: the navigator is still in the middle of showing this screen.
            QTimer.singleShot(0, self._back_if_idle)
            return
        self._show_guide()

    def _back_if_idle(self) -> None:
        if self.ctx.flow.step == "health.check" and (self.journey is None or self.journey.current is None):
            self.ctx.flow.back()

    def _show_guide(self, between: bool = False) -> None:
        j = self.journey
        m = j.current
        bp = m is Measure.BLOOD_PRESSURE
        if bp:
            rest = self.settings.bp_between_seconds if between else (
                self.settings.bp_rest_seconds if j.reading_number == 1 else 0)
        else:
            rest = 0
        readings = max(j.bp_min, j.reading_number) if bp else 1
        self.check.show_guide(m, j.step, j.reading_number, readings, rest, between)
        if bp and j.reading_number == 1 and not between:
            self.ctx.bus.cue_requested.emit("cuff-on")  # a tone that says "now the cuff" to someone not looking

    def begin_measure(self) -> None:
        j = self.journey
        if j is None or j.current is None or self.health is None:
            return
        measure = j.current
        self.check.show_measuring(measure)
        if measure is Measure.BLOOD_PRESSURE:
            self.ctx.bus.cue_requested.emit("hold-still")  # the cuff inflates
        self.health.measure(measure, self.check.show_progress, lambda outcome: self._measured(measure, outcome))

    def _alert_state(self, state: str) -> None:
        self.check.set_alert_state(state)
        self.results_screen.urgent.set_alert_state(state)

    def _send_alert(self) -> None:
        from screens.health.alert import readings_for

        self.alert.send(readings_for(self._crisis_readings))

    def _measured(self, measure: Measure, outcome: MeasureOutcome) -> None:
        j = self.journey
        if j is None or j.current is not measure:
            return  # the resident left or skipped meanwhile
        if isinstance(outcome, Finished):
            if measure is Measure.BLOOD_PRESSURE:
                self.ctx.bus.cue_requested.emit("cuff-done")
            if rules.is_crisis(outcome.measurement):
                # do not wait for the results page: say it now, and keep measuring (a second reading confirms)
                log.warning("visit %s: crisis %s reading; urgent help shown", self.ctx.flow.visit.id, measure.value)
                self._crisis_readings.append(outcome.measurement)
                self.check.set_urgent(True, self.ctx.config.station.staff_phone)
            self._after(j.record(outcome.measurement), between=True)
        elif isinstance(outcome, Rejected):
            log.info("visit %s: %s reading rejected as implausible (%s)", self.ctx.flow.visit.id, measure.value,
                     ",".join(outcome.errors))
            nxt = j.reject(outcome.errors)
            if nxt == jr.AGAIN:
                self.check.show_problem("rejected")
            else:
                self._after(nxt)
        elif outcome.code == "device_missing":
            self._after(j.skip("device_missing"))
        elif outcome.code == "timeout":
            self.check.show_problem("timeout")

    def _after(self, nxt: str, between: bool = False) -> None:
        if nxt == jr.AGAIN:
            self._show_guide(between=between)
            return
        self._skip_unavailable()
        if self.journey.current is None:
            self._show_results()
        else:
            self._show_guide()

    def _show_results(self) -> None:
        j = self.journey
        results = j.results()
        for r in j.crises():
            log.warning("visit %s: urgent %s value shown (%s); 115 and staff call offered", self.ctx.flow.visit.id,
                        r.measure.value, ",".join(c.code for c in r.categories.values()))
        can_save = self.ctx.services.storage is not None
        self.results_screen.set_results(results, j.step, self.ctx.config.station.staff_phone, can_save)
        self.results_screen.consult_button.setVisible(bool(self.consult and self.consult.available))
        self.ctx.flow.go("health.results")

    def _consult(self) -> None:
        """"Talk to a doctor online": with the results just measured (if any) and the ID card's name and age."""
        if self.consult is None:
            return
        from screens.consult.model import age_on, readings_from_results

        readings = readings_from_results(self.journey.results()) if self.journey else {}
        card = self.ctx.flow.visit.identity
        resident = {"name": card.full_name, "age": age_on(card.date_of_birth, dt.date.today())} if card else {}
        self.consult.open(readings, resident)

    def _cancel_measurement(self) -> None:
        if self.health is not None:
            self.health.cancel()

    # -- slip ----------------------------------------------------------------------------------
    def print_slip(self, with_reference: bool) -> None:
        printer = self.ctx.services.printer
        screen = self.consent if with_reference else self.results_screen
        if self.journey is None:
            return
        receipt = self.build_receipt(with_reference)
        self.last_receipt = receipt
        if printer is None or receipt is None:
            screen.set_print_state("failed")
            return
        screen.set_print_state("printing")

        def done(outcome: PrintOutcome) -> None:
            screen.set_print_state("printed" if outcome.ok else "failed")

        printer.print_receipt(receipt, done)

    def build_receipt(self, with_reference: bool) -> Any:
        submit = self.ctx.services.submit
        if submit is None:
            return None
        items, notes = slip_lines(self.journey.results())
        return submit.slip("health", self.tr("Health check"), items, notes,
                           local_reference=self.saved_reference if with_reference else "",
                           status="queued" if with_reference and self.saved_reference else "")

    # -- consent and saving --------------------------------------------------------------------
    def _ask_consent(self) -> None:
        storage, scanner = self.ctx.services.storage, self.ctx.services.scanner
        self.ctx.flow.go("health.consent")
        self.consent.set_state("ask" if storage is not None and scanner is not None else "unavailable")

    def _consent_changed(self, on: bool) -> None:
        if not on and self.consent._state == "scanning":
            self._end_scan()
            self.consent.set_state("ask")

    def _scan(self) -> None:
        scanner = self.ctx.services.scanner
        if not self.consent.consent or scanner is None:
            return
        from core.formats import Kind

        self.consent.set_state("scanning")
        self.consent.scan_widget.set_prompt(self.tr("Scan the QR code on your ID card"))
        begin_scan(self.ctx, self.consent.scan_widget, {Kind.ID_CARD}, self._scanned)

    def _scanned(self, result: Any) -> None:
        self._end_scan()
        if not self.consent.consent or self.journey is None:
            return  # consent was withdrawn meanwhile: nothing is saved
        card = result.value
        storage = self.ctx.services.storage
        payload = jr.to_payload(self.journey.results(), self.settings.bp_scheme)
        payload["station"] = self.ctx.config.station.code
        payload["consent"] = {"given_at": dt.datetime.now().isoformat(timespec="seconds"), "text_version": 1}
        personal = {"id_number": card.id_number, "full_name": card.full_name,
                    "date_of_birth": card.date_of_birth.isoformat()}
        self.consent.set_state("saving")
        storage.enqueue("health", payload, personal, (), self._saved)

    def _saved(self, outcome: EnqueueOutcome) -> None:
        if outcome.ok:
            self.saved_reference = outcome.local_ref or ""
            log.info("visit %s: health results saved with consent (%s)", self.ctx.flow.visit.id, outcome.uuid)
            self.consent.set_state("saved", self.saved_reference)
        else:
            self.consent.set_state("failed", error=outcome.error_code or "")

    def _scan_cancelled(self) -> None:
        self._end_scan()
        self.consent.set_state("ask")

    def _end_scan(self) -> None:
        end_scan(self.ctx)
        self.consent.scan_widget.stop_scan()

    # -- visit ---------------------------------------------------------------------------------
    def _visit_reset(self, reason: str) -> None:
        self._cancel_measurement()
        self._end_scan()
        self.journey, self.saved_reference, self.last_receipt = None, "", None
        self.alert.reset()
        self._crisis_readings = []
        self.refresh_available()

    def _language(self, language: str) -> None:
        self.language = language

    def _large_text(self, _on: bool) -> None:
        # our big numbers and result cards have their own sizes: rebuild them at the new scale
        self.results_screen.retranslate()
        self.consent.retranslate()


def slip_lines(results: list[jr.MeasureResult]) -> tuple[list, list[str]]:
    """Receipt items (label, value, unit, category words) and notes for the slip, in the UI language."""
    from kiosk.services.submit import ReceiptLine

    items, notes = [], []
    by_note: dict[str, list[str]] = {}
    for r in results:
        name = texts.measure_name(r.measure)
        if r.measurement is None:
            items.append(ReceiptLine(name, "—", "", texts.problem_text(r.problem)))
            continue
        v, cats = r.measurement.values, r.categories

        def item(key: str, cat_key: str | None = None, label: str | None = None, v=v, cats=cats) -> None:
            number, unit = texts.format_value(key, v.get(key))
            cat = cats.get(cat_key) if cat_key else None
            note = f"{texts.LEVEL_STYLE[cat.level][1]} {texts.category_text(cat.code)}" if cat else ""
            items.append(ReceiptLine(label or texts.value_label(key), number, unit, note))

        if r.measure is Measure.BLOOD_PRESSURE:
            c = cats["blood_pressure"]
            items.append(ReceiptLine(texts.value_label("blood_pressure"), f"{v['systolic']}/{v['diastolic']}",
                                     "mmHg", f"{texts.LEVEL_STYLE[c.level][1]} {texts.category_text(c.code)}"))
            item("pulse", "pulse")
        elif r.measure is Measure.SPO2:
            item("spo2", "spo2")
            item("pulse", "pulse")
        elif r.measure is Measure.BODY:
            item("weight_kg")
            if v.get("height_cm"):
                item("height_cm")
            if v.get("bmi") is not None:
                item("bmi", "bmi")
        else:
            item("celsius", "temperature")
        if r.measure is Measure.BLOOD_PRESSURE:
            notes.append(texts.average_note(r.measurement.count))
        elif r.measure is Measure.SPO2:
            notes.append(texts.spo2_estimate_note())
        for note in r.notes:
            by_note.setdefault(note, []).append(texts.short_name(r.measure))
    # one line per device note, naming the measures it applies to (not the same sentence four times)
    notes += [f"{texts.device_note(note)} ({', '.join(names)})" for note, names in by_note.items()]
    return items, notes
