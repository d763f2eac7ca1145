"""The procedures home page (the home tile): search, scan a poster, or browse by field (lĩnh vực) with counts.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from screens.procedures.base import CatalogueScreen
from screens.widgets.basics import big_button, label, title
from screens.widgets.blocks import ItemButton, ScrollPanel, ui_language


class ProceduresScreen(CatalogueScreen):
    """The home tile's page: search, scan a poster, or browse by field (lĩnh vực) with counts."""

    screen_id = "procedures"

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 20)
        outer.setSpacing(18)
        self.heading = title()
        self.hint = label(name="Subtitle")
        actions = QHBoxLayout()
        actions.setSpacing(24)
        self.search_button = big_button()
        self.scan_button = big_button(role="secondary")
        self.search_button.clicked.connect(lambda: self.navigate.emit("procedures.search", {}))
        self.scan_button.clicked.connect(lambda: self.navigate.emit("procedures.scan", {}))
        actions.addWidget(self.search_button, 1)
        actions.addWidget(self.scan_button, 1)
        self.fields_heading = label(name="SectionHeading")
        self.panel = ScrollPanel()
        self.message = label(name="ErrorText")
        self.message.hide()
        for widget in (self.heading, self.hint):
            outer.addWidget(widget)
        outer.addLayout(actions)
        outer.addWidget(self.fields_heading)
        outer.addWidget(self.message)
        outer.addWidget(self.panel, 1)
        self.field_buttons: dict[str, ItemButton] = {}

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self._fill()

    def _fill(self) -> None:
        self.panel.clear()
        self.field_buttons = {}
        cat = self.catalogue
        self.message.setVisible(cat is None)
        if cat is None:
            return
        en = ui_language() == "en"
        for info in cat.fields():
            button = ItemButton(info.key, info.name_en if en else info.name_vi,
                                self.tr("Procedures: %1").replace("%1", str(info.count)))
            button.clicked.connect(lambda _=False, k=info.key: self.navigate.emit("procedures.list", {"field": k}))
            self.field_buttons[info.key] = button
            self.panel.add(button)
        self.panel.body.addStretch(1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Administrative procedures"))
        self.hint.setText(self.tr("Find out which papers to bring, the fee and the steps."))
        self.search_button.setText(self.tr("⌕  Find a procedure"))
        self.scan_button.setText(self.tr("▣  Scan a poster"))
        self.fields_heading.setText(self.tr("Or choose a field:"))
        self.message.setText(self.tr("The list of procedures is not available right now. Please ask the staff."))
        if self.visit is not None:
            self._fill()

    def title(self) -> str:
        return self.tr("Administrative procedures")
