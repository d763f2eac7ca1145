"""Health check start: what it is, privacy in one line, and which measurement (or all). GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout

from core.health.model import ORDER, Measure
from core.visit import Visit
from screens.health import texts
from screens.health.widgets import shrinkable
from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scaled, scrolling_body
from screens.widgets.basics import big_button, label, title
from screens.widgets.fit_row import FitRow

if TYPE_CHECKING:
    from screens.health.controller import HealthController


class HealthChooseScreen(Screen):
    screen_id = "health"
    controller: HealthController | None
    chosen = Signal(list)  # list[Measure]
    entered = Signal()
    consult_requested = Signal()

    def build(self) -> None:
        outer = QVBoxLayout(self)
        page_margins(outer, 72, 24)
        layout = scrolling_body(outer)  # the choices are the content: "Measure everything" comes first
        self.heading = title()
        self.intro = label(name="Subtitle")
        self.privacy = label(name="OkText")
        self.all_button = big_button(role="primary")
        self.all_button.setObjectName("HealthAll")
        self.all_button.clicked.connect(lambda: self.chosen.emit([m for m in ORDER if self._available.get(m)]))
        grid = FitRow(spacing=scaled(20))  # as many per row as their words allow (one column in large text)
        self.buttons: dict[Measure, object] = {}
        for measure in ORDER:
            button = shrinkable(big_button(role="secondary"))
            button.setObjectName(f"HealthOne_{measure.value}")
            button.clicked.connect(lambda _=False, m=measure: self.chosen.emit([m]))
            self.buttons[measure] = button
            grid.add(button)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.privacy)
        self.consult_button = shrinkable(big_button(role="secondary"))
        self.consult_button.setObjectName("HealthConsultTile")
        self.consult_button.clicked.connect(self.consult_requested)
        top = FitRow(spacing=20)  # side by side, or one above the other when the words need the room
        top.add(self.all_button, 3)
        top.add(self.consult_button, 2)
        layout.addLayout(top)
        self.or_label = label(name="Body")
        layout.addWidget(self.or_label)
        layout.addLayout(grid)
        self.missing = label(name="Body")
        layout.addWidget(self.missing)
        layout.addStretch(1)
        self._available: dict[Measure, bool] = dict.fromkeys(ORDER, True)

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.entered.emit()  # the controller refreshes which devices are there

    def set_available(self, available: dict[Measure, bool]) -> None:
        self._available = dict(available)
        for measure, button in self.buttons.items():
            button.setVisible(self._available.get(measure, False))  # the line below says what is missing
        self.all_button.setEnabled(any(self._available.values()))
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Health check"))
        self.intro.setText(self.tr("Measure your blood pressure, blood oxygen, height and weight, and temperature. "
                                   "It is free and takes about 10 minutes. The results are for reference only and "
                                   "are not a diagnosis."))
        self.privacy.setText(self.tr("Anonymous: nothing is saved unless you ask for it at the end."))
        self.all_button.setText(self.tr("Measure everything"))
        self.or_label.setText(self.tr("Or choose one measurement:"))
        self.consult_button.setText(self.tr("Talk to a doctor online"))
        for measure, button in self.buttons.items():
            button.setText(texts.short_name(measure))
        missing = [texts.short_name(m) for m in ORDER if not self._available.get(m, True)]
        self.missing.setVisible(bool(missing))
        self.missing.setText(self.tr("Not available right now: %1.").replace("%1", ", ".join(missing)))
