"""Report step 1 "what": the kind of problem, as big choices. GUI thread; renders and emits."""

from __future__ import annotations

from screens.report import model
from screens.report.base import (
    _ReportScreen,
    category_label,
)
from screens.widgets.basics import label


class ReportCategoryScreen(_ReportScreen):
    """The home tile's page (step 1): what kind of problem."""

    screen_id = "report"
    step_key = "category"

    def build(self) -> None:
        _outer, body = self.page(side=48, top=20, bottom=16, spacing=14)
        self.hint = label(name="Subtitle")
        self.grid, self.buttons = self.grid_of(list(model.CATEGORIES), category_label, self.choose, 3)
        body.addWidget(self.hint)
        body.addLayout(self.grid)
        body.addStretch(1)

    def choose(self, key: str) -> None:
        self.draft["category"] = key
        self.navigate.emit("report.location", {})

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Report a security or order problem"))
        self.hint.setText(self.tr("Your report goes to the ward police. What is it about?"))
        for key, button in self.buttons.items():
            button.title.setText(category_label(key))

    def title(self) -> str:
        return self.tr("Report a security or order problem")
