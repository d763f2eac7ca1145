"""The procedures home page (the home tile): search, scan a poster, or browse by field (lĩnh vực) with counts.
GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from screens.procedures.base import CatalogueScreen
from screens.widgets.basics import big_button, label, title
from screens.widgets.blocks import ItemButton, ScrollPanel, page_layout, panel_is_short, ui_language


class ProceduresScreen(CatalogueScreen):
    """The home tile's page: search, scan a poster, or browse by field (lĩnh vực) with counts."""

    screen_id = "procedures"

    def build(self) -> None:
        outer = page_layout(self, (48, 28, 48, 20), 18)
        self.heading = title()
        self.hint = label(name="Subtitle")
        actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # portrait: one under the other (long words)
        actions.setSpacing(24)
        self.search_button = big_button()
        self.scan_button = big_button(role="secondary")
        self.search_button.clicked.connect(lambda: self.navigate.emit("procedures.search", {}))
        self.scan_button.clicked.connect(lambda: self.navigate.emit("procedures.scan", {}))
        actions.addWidget(self.search_button, 1)
        actions.addWidget(self.scan_button, 1)
        self.orient(actions, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        self.fields_heading = label(name="SectionHeading")
        self.short = panel_is_short()
        self.fields_heading.setVisible(not self.short)
        self.panel = ScrollPanel()
        self.message = label(name="ErrorText")
        self.message.hide()
        # On a short landscape panel (1366×768) the two buttons go beside the title instead of under it.
        words = QVBoxLayout()
        words.addWidget(self.heading)
        words.addWidget(self.hint)
        self.top = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.top.setSpacing(18)
        self.top.addLayout(words, 3)
        self.top.addLayout(actions, 2)
        self.orient(self.top, QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.TopToBottom,
                    short=QBoxLayout.Direction.LeftToRight)
        outer.addLayout(self.top)
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
        if self.short:  # no height for the heading above the list: it scrolls with it
            self.panel.add(label(self.fields_heading.text(), "SectionHeading"))
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
