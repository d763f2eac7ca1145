"""One measurement at a time: guidance (picture, steps, rest countdown), live values, retry. GUI thread.

The screen only shows what the health controller tells it and emits what the resident pressed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from core.health.model import Measure
from core.health.sessions import Progress
from core.visit import Visit
from screens.health import texts
from screens.health.widgets import Picture, PlethView, UrgentBanner, action_button, button_row
from screens.shell.screen import Screen, sentences
from screens.widgets.action_page import page_margins, scrolling_body
from screens.widgets.basics import label, title
from screens.widgets.fit_row import FitRow

GUIDE, MEASURING, PROBLEM = 0, 1, 2


class _Pages(QStackedWidget):
    """The guide, measuring and problem pages, which scroll; each page's buttons sit in a bar below the scroll
    area (``bars``), shown with their page."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[QWidget] = []

    def add(self, page: QWidget, row: FitRow) -> None:
        self.addWidget(page)
        bar = QWidget()
        bar.setLayout(row)
        self.bars.append(bar)

    def setCurrentIndex(self, index: int) -> None:
        super().setCurrentIndex(index)
        for i, bar in enumerate(self.bars):
            bar.setVisible(i == index)


class HealthCheckScreen(Screen):
    screen_id = "health.check"
    idle_seconds = 420  # resting for blood pressure takes up to 5 minutes

    entered = Signal()
    left = Signal()
    start_pressed = Signal()
    skip_pressed = Signal()
    retry_pressed = Signal()
    alert_requested = Signal()  # the resident agreed to send the crisis reading to the ward's health worker

    def build(self) -> None:
        self.measure: Measure | None = None
        self.sample: str | None = None
        self.reading, self.readings = 1, 1
        self._step: tuple[int, int] | None = None
        self._rest_left = 0
        self._between = False
        self._problem = ""
        self._rest_timer = QTimer(self)
        self._rest_timer.setInterval(1000)
        self._rest_timer.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        page_margins(outer, 72, 32, spacing=16)
        body = scrolling_body(outer)  # the words and the picture scroll; each page's buttons stay below
        self.heading = title()
        self.sub = label(name="Subtitle")
        body.addWidget(self.heading)
        body.addWidget(self.sub)
        self.urgent = UrgentBanner()  # shown at once after a crisis value, while the check goes on
        self.urgent.hide()
        self.urgent.alert_button.clicked.connect(self.alert_requested)
        self.alert_state = ""  # "" | sending | sent | acknowledged | offline (screens/health/alert.py)
        self.staff_phone = ""
        body.addWidget(self.urgent)
        self.pages = _Pages()
        body.addWidget(self.pages, 1)

        # guide page: picture left, numbered steps right, rest countdown, start
        guide = QWidget()
        g = QVBoxLayout(guide)
        g.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.picture = Picture()
        row.addWidget(self.picture, 1)
        steps_box = QVBoxLayout()
        self.step_labels = [label(name="Body") for _ in range(4)]
        for lab in self.step_labels:
            steps_box.addWidget(lab)
        steps_box.addStretch(1)
        row.addLayout(steps_box, 1)
        g.addLayout(row, 1)
        self.rest_label = label(name="Subtitle")
        self.rest_label.setObjectName("HealthRest")
        g.addWidget(self.rest_label)
        self.skip_button = action_button("secondary", "HealthSkip", self.skip_pressed)
        self.rested_button = action_button("secondary", "HealthRested", self._end_rest)
        self.start_button = action_button("primary", "HealthStart", self.start_pressed, stretch=2)
        self.pages.add(guide, button_row(self.skip_button, self.rested_button, self.start_button))

        # measuring page: live values, pulse wave, what to do
        meas = QWidget()
        m = QVBoxLayout(meas)
        m.setContentsMargins(0, 0, 0, 0)
        self.live = label(name="HealthLive", wrap=False)
        self.pleth = PlethView()
        self.hint = label(name="Subtitle")
        self.skip_button2 = action_button("secondary", "HealthSkip", self.skip_pressed)
        m.addWidget(self.live)
        m.addWidget(self.pleth, 1)
        m.addWidget(self.hint)
        self.pages.add(meas, button_row(self.skip_button2))

        # problem page: the value was impossible or nothing came; retry or skip
        prob = QWidget()
        p = QVBoxLayout(prob)
        p.setContentsMargins(0, 0, 0, 0)
        self.problem_label = label(name="ErrorText")
        p.addWidget(self.problem_label)
        p.addStretch(1)
        self.skip_button3 = action_button("secondary", "HealthSkip", self.skip_pressed)
        self.retry_button = action_button("primary", "HealthRetry", self.retry_pressed, stretch=2)
        self.pages.add(prob, button_row(self.skip_button3, self.retry_button))
        for bar in self.pages.bars:
            outer.addWidget(bar)
        self.pages.setCurrentIndex(GUIDE)

    # -- state from the controller -------------------------------------------------------------
    def show_guide(self, measure: Measure, step: tuple[int, int], reading: int = 1, readings: int = 1,
                   rest_seconds: int = 0, between: bool = False) -> None:
        self.measure, self.reading, self.readings = measure, reading, readings
        self._between = between
        self.set_step(step)
        picture, _ = texts.guide(measure)
        first_bp = measure is Measure.BLOOD_PRESSURE and reading == 1 and rest_seconds > 0
        self.picture.show_file("bp_rest.svg" if first_bp else picture)
        self._rest_left = rest_seconds
        if rest_seconds > 0:
            self._rest_timer.start()
        else:
            self._rest_timer.stop()
        self.pages.setCurrentIndex(GUIDE)
        self.retranslate()

    def show_measuring(self, measure: Measure) -> None:
        self.measure = measure
        self._rest_timer.stop()
        self.pleth.clear()
        self.pleth.setVisible(measure is Measure.SPO2)
        self.live.setText("…")
        self.hint.setText(texts.hint_text("waiting" if measure is not Measure.SPO2 else "finger_out"))
        self.pages.setCurrentIndex(MEASURING)
        self.retranslate()

    def show_progress(self, progress: Progress) -> None:
        if progress.pleth:
            self.pleth.add(progress.pleth)
        if progress.values:
            self.live.setText(self._live_text(progress.values))
        if progress.hint:
            self.hint.setText(texts.hint_text(progress.hint))

    def show_problem(self, code: str) -> None:
        self._problem = code
        self.pages.setCurrentIndex(PROBLEM)
        self.retranslate()

    def set_urgent(self, on: bool, staff_phone: str = "") -> None:
        self.staff_phone = staff_phone
        self.urgent.setVisible(on)
        if not on:
            self.alert_state = ""
        self.retranslate()

    def set_alert_state(self, state: str) -> None:
        self.alert_state = state
        self.retranslate()

    def set_step(self, step: tuple[int, int] | None) -> None:
        self._step = step
        self.step_info_changed.emit()

    def _live_text(self, values: dict[str, Any]) -> str:
        parts = []
        for key in ("spo2", "pulse", "weight_kg", "celsius"):
            if values.get(key) is not None:
                number, unit = texts.format_value(key, values[key])
                parts.append(f"{texts.value_label(key)} {number} {unit}")
        return "   ".join(parts)

    # -- rest countdown ------------------------------------------------------------------------
    def _tick(self) -> None:
        self._rest_left = max(0, self._rest_left - 1)
        if self._rest_left == 0:
            self._rest_timer.stop()
        self._update_rest()

    def _end_rest(self) -> None:
        self._rest_left = 0
        self._rest_timer.stop()
        self._update_rest()

    def _update_rest(self) -> None:
        resting = self._rest_left > 0
        self.start_button.setEnabled(not resting)
        self.rested_button.setVisible(resting)
        if resting:
            minutes, seconds = divmod(self._rest_left, 60)
            clock = f"{minutes}:{seconds:02d}"
            text = (self.tr("Keep the cuff on and sit still. Next reading in %1.") if self._between
                    else texts.rest_text() + " " + self.tr("Time left: %1.")).replace("%1", clock)
            self.rest_label.setText(text)
        else:
            self.rest_label.setText(self.tr("Ready. Press “Start measuring”.") if self.measure else "")

    # -- Screen --------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.sample = params.get("sample")
        if self.sample:  # screenshots/self-test: a guide page without a journey
            self.show_guide(Measure(self.sample), (1, 5), 1, 2, rest_seconds=180)
            return
        self.entered.emit()

    def leave(self) -> None:
        self._rest_timer.stop()
        self.left.emit()

    def reset(self) -> None:
        super().reset()
        self._rest_timer.stop()
        self.measure, self._step, self._problem = None, None, ""
        self.urgent.hide()
        self.pleth.clear()
        self.live.setText("")
        self.pages.setCurrentIndex(GUIDE)
        self.retranslate()

    def step_info(self) -> tuple[int, int] | None:
        return self._step

    def spoken_text(self) -> str:
        """The measure and what to do now: the numbered steps (guide), the live hint, or the problem."""
        page = self.pages.currentIndex()
        if page == MEASURING:
            detail = [self.hint.text()]
        elif page == PROBLEM:
            detail = [self.problem_label.text()]
        else:
            detail = [lab.text() for lab in self.step_labels if lab.text()]
        return sentences([self.heading.text(), *detail])

    def retranslate(self) -> None:
        m = self.measure
        self.heading.setText(texts.measure_name(m) if m else self.tr("Health check"))
        if m is Measure.BLOOD_PRESSURE:
            self.sub.setText(self.tr("Reading %1 of %2. We take at least two readings and use their average.")
                             .replace("%1", str(self.reading)).replace("%2", str(self.readings)))
        else:
            self.sub.setText("")
        steps = texts.guide(m)[1] if m else []
        for i, lab in enumerate(self.step_labels):
            lab.setVisible(i < len(steps))
            lab.setText(f"{i + 1}. {steps[i]}" if i < len(steps) else "")
        self.urgent.heading.setText(self.tr("This value is very high"))
        phone = self.tr(" Staff phone: %1.").replace("%1", self.staff_phone) if self.staff_phone else ""
        self.urgent.body.setText(self.tr("If you feel unwell (chest pain, shortness of breath, severe headache, "
                                         "weakness), call 115 now or ask the ward staff.") + phone)
        self.urgent.set_alert_state(getattr(self, "alert_state", ""))  # retranslate runs in __init__ too
        self.start_button.setText(self.tr("Start measuring"))
        self.rested_button.setText(self.tr("I have already rested"))
        for button in (self.skip_button, self.skip_button2, self.skip_button3):
            button.setText(self.tr("Skip this one"))
        self.retry_button.setText(self.tr("Measure again"))
        self.problem_label.setText(texts.problem_text(self._problem) if self._problem else "")
        self._update_rest()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": Measure.BLOOD_PRESSURE.value}
