"""Health results: value, unit, category in words with colour and icon; urgent help when needed. GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout

from core.health.journey import Journey, MeasureResult
from core.health.model import Measure
from core.health.rules import Level
from core.visit import Visit
from screens.health import texts
from screens.health.widgets import ResultCard, UrgentBanner, action_button, button_row
from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scaled, scrolling_body
from screens.widgets.basics import label, restyle, title


class HealthResultsScreen(Screen):
    screen_id = "health.results"
    # Health values are private: once the resident steps away they must not stay on show. 25 s without a
    # touch opens the idle warning (its countdown and "I'm still here" button); with the station's 30 s
    # warning the results are wiped 55 s after the last touch (issue 17: 30-60 s, not 3.5 min).
    idle_seconds = 25

    print_requested = Signal()
    save_requested = Signal()
    finish_requested = Signal()
    consult_requested = Signal()

    def build(self) -> None:
        self.results: list[MeasureResult] = []
        self._step: tuple[int, int] | None = None
        self._print_state = ""
        self.staff_phone = ""
        outer = QVBoxLayout(self)
        page_margins(outer, 72, 32, spacing=16)
        body = scrolling_body(outer)  # title, advice and cards scroll; the buttons stay below
        self.heading = title()
        self.disclaimer = label(name="Subtitle")
        self.urgent = UrgentBanner()
        body.addWidget(self.heading)
        body.addWidget(self.urgent)
        body.addWidget(self.disclaimer)
        self.card_box = QVBoxLayout()
        self.card_box.setSpacing(scaled(16))
        body.addLayout(self.card_box)
        body.addStretch(1)
        self.print_status = label(name="OkText")
        outer.addWidget(self.print_status)
        self.finish_button = action_button("secondary", "HealthFinish", self.finish_requested)
        self.save_button = action_button("secondary", "HealthSave", self.save_requested)
        self.print_button = action_button("primary", "HealthPrint", self.print_requested)
        self.consult_button = action_button("secondary", "HealthConsult", self.consult_requested)
        outer.addLayout(button_row(self.finish_button, self.save_button, self.consult_button, self.print_button))
        self.cards: dict[Measure, ResultCard] = {}

    def set_results(self, results: list[MeasureResult], step: tuple[int, int], staff_phone: str = "",
                    can_save: bool = True) -> None:
        self.results = list(results)
        self._step = step
        self.staff_phone = staff_phone
        self._print_state = ""
        self.save_button.setVisible(can_save and any(r.measurement for r in results))
        self.retranslate()

    def set_print_state(self, state: str) -> None:
        """"" | printing | printed | failed"""
        self._print_state = state
        self.print_button.setEnabled(state != "printing")
        self._render_print_state()

    def _render_print_state(self) -> None:
        text = {"printing": self.tr("Printing…"), "printed": self.tr("Please take your slip."),
                "failed": self.tr("The slip could not be printed. Please take a photo of this screen.")}
        self.print_status.setText(text.get(self._print_state, ""))
        self.print_status.setVisible(bool(self.print_status.text()))  # no empty line above the buttons
        self.print_status.setObjectName("ErrorText" if self._print_state == "failed" else "OkText")
        restyle(self.print_status)

    def _build_cards(self) -> None:
        old, self.cards = list(self.cards.values()), {}
        for card in old:
            self.card_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        for r in self.results:
            card = ResultCard()
            card.add_heading(texts.measure_name(r.measure))
            if r.measurement is None:
                card.add_note(texts.problem_text(r.problem))
            else:
                self._fill(card, r)
            self.cards[r.measure] = card
            self.card_box.addWidget(card)
            card.show()  # at once, not on the next event loop turn (a layout shows a new child later)

    def _fill(self, card: ResultCard, r: MeasureResult) -> None:
        v, cats = r.measurement.values, r.categories
        if r.measure is Measure.BLOOD_PRESSURE:
            c = cats["blood_pressure"]
            card.add_value(texts.value_label("blood_pressure"), f"{v['systolic']}/{v['diastolic']}", "mmHg",
                           c.level, texts.category_text(c.code))
            if r.measurement.count > 1:
                card.add_note(self.tr("Average of %1 readings.").replace("%1", str(r.measurement.count)))
            else:
                card.add_note(self.tr("Only one reading: please measure again on another day to confirm."))
        elif r.measure is Measure.SPO2:
            c = cats["spo2"]
            card.add_value(texts.value_label("spo2"), *texts.format_value("spo2", v["spo2"]), c.level,
                           texts.category_text(c.code))
            card.add_note(self.tr("SpO2 from a finger sensor is an estimate: the real value may differ by a few "
                                  "percent (more with cold hands, nail polish or dark skin)."))
        elif r.measure is Measure.BODY:
            card.add_value(texts.value_label("weight_kg"), *texts.format_value("weight_kg", v["weight_kg"]))
            if v.get("height_cm"):
                card.add_value(texts.value_label("height_cm"), *texts.format_value("height_cm", v["height_cm"]))
            if "bmi" in cats:
                c = cats["bmi"]
                card.add_value(texts.value_label("bmi"), *texts.format_value("bmi", v["bmi"]), c.level,
                               texts.category_text(c.code))
        elif r.measure is Measure.TEMPERATURE:
            c = cats["temperature"]
            card.add_value(texts.value_label("celsius"), *texts.format_value("celsius", v["celsius"]), c.level,
                           texts.category_text(c.code))
        if "pulse" in cats:
            c = cats["pulse"]
            card.add_value(texts.value_label("pulse"), *texts.format_value("pulse", v["pulse"]), c.level,
                           texts.category_text(c.code))
        card.add_note(texts.level_advice(r.level))
        for note in r.notes:
            card.add_note("⚠ " + texts.device_note(note))

    def step_info(self) -> tuple[int, int] | None:
        return self._step

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("sample"):  # screenshots/self-test
            self.set_results(sample_results(), (5, 5), "028 3822 1234")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": True}

    def reset(self) -> None:
        super().reset()
        self.results, self._print_state = [], ""
        self.print_button.setEnabled(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your results"))
        self.disclaimer.setText(self.tr("For reference only, not a diagnosis. If you feel unwell or a value is "
                                        "outside the usual range, please see a doctor."))
        crisis = any(r.crisis for r in self.results)
        self.urgent.setVisible(crisis)
        self.urgent.heading.setText(self.tr("Please get medical help now"))
        self.urgent.set_alert_state(self.urgent.state)  # its words follow the language too
        phone = self.tr(" Staff phone: %1.").replace("%1", self.staff_phone) if self.staff_phone else ""
        self.urgent.body.setText(self.tr("One of your values is in the dangerous range. Call 115 (emergency) or ask "
                                         "the ward staff for help right away.") + phone)
        self.print_button.setText(self.tr("Print the results slip"))
        self.save_button.setText(self.tr("Save to my record"))
        self.finish_button.setText(self.tr("Finish"))
        self.consult_button.setText(self.tr("Talk to a doctor online"))
        self._build_cards()
        self._render_print_state()

    def worst_level(self) -> Level:
        order = list(Level)
        return max((r.level for r in self.results if r.measurement), key=order.index, default=Level.GOOD)


def sample_results() -> list[MeasureResult]:
    """Typical results for screenshots: a raised blood pressure, the rest in range."""
    from core.health.model import Measurement
    from core.health.reading import DeviceInfo

    dev = DeviceInfo("sim-demo", model="Demo", validated=False)
    j = Journey(list(Measure))
    for values in ({"systolic": 146, "diastolic": 92, "pulse": 78}, {"systolic": 142, "diastolic": 90, "pulse": 76}):
        j.record(Measurement(Measure.BLOOD_PRESSURE, values, device=dev))
    j.record(Measurement(Measure.SPO2, {"spo2": 97, "pulse": 74}, device=dev))
    j.record(Measurement(Measure.BODY, {"weight_kg": 63.4, "height_cm": 162.0, "bmi": 24.2}, device=dev))
    j.record(Measurement(Measure.TEMPERATURE, {"celsius": 36.7}, device=dev))
    return j.results()
