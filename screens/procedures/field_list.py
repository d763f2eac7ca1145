"""The procedures of one field, as big rows with their fees. Params: {"field": key}. GUI thread.
"""

from __future__ import annotations

from typing import Any

from screens.procedures.base import CatalogueScreen, procedure_button
from screens.widgets.basics import label, title
from screens.widgets.blocks import ItemButton, ScrollPanel, page_layout, ui_language


class ProcedureListScreen(CatalogueScreen):
    """The procedures of one field. Params: {"field": key}."""

    screen_id = "procedures.list"

    def build(self) -> None:
        outer = page_layout(self, (48, 28, 48, 20), 18)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.panel = ScrollPanel()
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        outer.addWidget(self.panel, 1)
        self.field = ""
        self.items: dict[str, ItemButton] = {}

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.field = str(params.get("field", ""))
        self._fill()
        self.panel.to_top()

    def _fill(self) -> None:
        self.panel.clear()
        self.items = {}
        cat = self.catalogue
        if cat is None:
            return
        self.heading.setText(cat.field_name(self.field, ui_language()))
        for proc in cat.by_field(self.field):
            button = procedure_button(proc, self.open_detail)
            self.items[proc.code] = button
            self.panel.add(button)
        self.panel.body.addStretch(1)

    def reset(self) -> None:
        super().reset()
        self.field = ""
        self.panel.clear()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Touch a procedure to see the papers, fee and steps."))
        if self.visit is not None:
            self._fill()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"field": "cu_tru"}
