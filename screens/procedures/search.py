"""Search for a procedure with the on-screen keyboard (Telex, no accents, a code): matches appear as you type.
GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QVBoxLayout, QWidget

from screens.keyboard import OnScreenKeyboard
from screens.procedures.base import CatalogueScreen, procedure_button
from screens.procedures.model import SEARCH_LIMIT
from screens.widgets.basics import label, title
from screens.widgets.blocks import ItemButton, ScrollPanel, page_layout


class ProcedureSearchScreen(CatalogueScreen):
    """Type a few words (Telex, no accents, a code): matching procedures appear as you type."""

    screen_id = "procedures.search"

    def build(self) -> None:
        outer = page_layout(self, (40, 20, 40, 16), 14)
        self.heading = title()
        self.query = QLineEdit()
        self.query.setMaxLength(80)
        self.query.textChanged.connect(self._search)
        self.status = label(name="Subtitle")
        self.panel = ScrollPanel()
        self.keyboard = OnScreenKeyboard()
        self.keyboard.set_target(self.query, "letters", telex=True)
        # Landscape: the question and its results beside the keyboard (a 768-pixel-high panel has no room to stack
        # them); portrait: the keyboard under them. The results scroll; the box being typed in stays in view.
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(24)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.heading)
        left.addWidget(self.query)
        left.addWidget(self.status)
        left.addWidget(self.panel, 1)
        self.left = QWidget()
        self.left.setLayout(left)
        self.split.addWidget(self.left, 4)
        self.split.addWidget(self.keyboard, 5, Qt.AlignmentFlag.AlignBottom)
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        outer.addLayout(self.split, 1)
        self.results: dict[str, ItemButton] = {}

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.query.setText(str(params.get("query", "")))
        self._search()

    def reset(self) -> None:
        super().reset()
        self.query.clear()
        self.panel.clear()
        self.results = {}

    def _search(self) -> None:
        self.panel.clear()
        self.results = {}
        text = self.query.text().strip()
        cat = self.catalogue
        if not text or cat is None:
            self.status.setText(self.tr("Type a few words, e.g. “thuong tru”; accents are not needed."))
            return
        hits = cat.search(text, limit=SEARCH_LIMIT)
        for proc in hits:
            button = procedure_button(proc, self.open_detail)
            self.results[proc.code] = button
            self.panel.add(button)
        self.panel.body.addStretch(1)
        self.panel.to_top()
        self.status.setText(self.tr("Found: %1").replace("%1", str(len(hits))) if hits else
                            self.tr("Nothing found. Try other words, or ask the staff."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Search for a procedure"))
        self.query.setPlaceholderText(self.tr("What do you need to do?"))
        if self.visit is not None:
            self._search()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"query": "đăng ký thường trú"}
