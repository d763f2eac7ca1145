"""Procedures: the start page (fields with counts, search, scan), a field's list, search with the keyboard,
and scanning a poster's QR code. GUI thread; the catalogue is pure and in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from core.formats import Kind, ScanResult
from screens.keyboard import OnScreenKeyboard
from screens.procedures.widgets import ItemButton, Orientable, ScrollPanel, money, plain_label, ui_language
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, title

CatalogueGetter = Callable[[], Any]  # () -> core.catalogue.Catalogue | None
SEARCH_LIMIT = 8


def procedure_button(procedure: Any, on_click: Callable[[str], None]) -> ItemButton:
    """A list row: the name, and the fee under it (the portal's code is for staff: residents never see it)."""
    name = procedure.name_en if ui_language() == "en" else procedure.name_vi
    free = QCoreApplication.translate("Procedures", "free of charge")
    fees = sorted({ch.fee for ch in procedure.channels if ch.fee is not None})
    fee = QCoreApplication.translate("Procedures", "Fee: %1").replace(
        "%1", " – ".join(money(f, free, "") for f in fees)) if fees else ""
    button = ItemButton(procedure.code, name, fee)
    button.clicked.connect(lambda _=False, c=procedure.code: on_click(c))
    return button


class _CatalogueScreen(Orientable, Screen):
    def __init__(self, catalogue: CatalogueGetter) -> None:
        self._catalogue = catalogue
        super().__init__()

    @property
    def catalogue(self) -> Any:
        return self._catalogue()

    def open_detail(self, code: str) -> None:
        self.navigate.emit("procedures.detail", {"code": code})


class ProceduresScreen(_CatalogueScreen):
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


class ProcedureListScreen(_CatalogueScreen):
    """The procedures of one field. Params: {"field": key}."""

    screen_id = "procedures.list"

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 20)
        outer.setSpacing(18)
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


class ProcedureSearchScreen(_CatalogueScreen):
    """Type a few words (Telex, no accents, a code): matching procedures appear as you type."""

    screen_id = "procedures.search"

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 16)
        outer.setSpacing(14)
        self.heading = title()
        self.query = QLineEdit()
        self.query.setMaxLength(80)
        self.query.textChanged.connect(self._search)
        self.status = label(name="Subtitle")
        self.panel = ScrollPanel()
        self.keyboard = OnScreenKeyboard()
        self.keyboard.set_target(self.query, "letters", telex=True)
        # Landscape: results beside the keyboard; portrait: results above it (switched on resize).
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(24)
        left = QVBoxLayout()
        left.addWidget(self.query)
        left.addWidget(self.status)
        left.addStretch(1)
        left.addWidget(self.keyboard)
        self.left = QWidget()
        self.left.setLayout(left)
        self.split.addWidget(self.left, 5)
        self.split.addWidget(self.panel, 4)
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.BottomToTop)
        outer.addWidget(self.heading)
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


class ProcedureScanScreen(_CatalogueScreen):
    """Scan the QR code on a ward poster (an official portal link) or a printed procedure code."""

    screen_id = "procedures.scan"
    scan_requested = Signal(object, object)  # ScanWidget, purposes
    scan_finished = Signal()

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 16)
        outer.setSpacing(14)
        self.heading = title()
        self.message = plain_label(name="ErrorText")
        self.message.hide()
        self.scan = ScanWidget()
        self.scan.manual_entry_requested.connect(lambda: self.navigate.emit("procedures.search", {}))
        self.scan.cancelled.connect(self.back_requested)
        outer.addWidget(self.heading)
        outer.addWidget(self.message)
        outer.addWidget(self.scan, 1)
        self.message_code = ""

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self._show("")
        self.scan_requested.emit(self.scan, {Kind.PROCEDURE})

    def leave(self) -> None:
        self.scan_finished.emit()
        super().leave()

    def reset(self) -> None:
        super().reset()
        self._show("")

    def on_scan_result(self, result: ScanResult) -> None:
        """A procedure code or an official link was read (untrusted links never get here)."""
        cat = self.catalogue
        proc = cat.resolve(result.value) if cat is not None else None
        if proc is None:
            self._show("unknown")
            self.scan_requested.emit(self.scan, {Kind.PROCEDURE})  # keep looking: another code may follow
            return
        self.navigate.emit("procedures.detail", {"code": proc.code})

    def scanner_unavailable(self) -> None:
        self.scan.set_camera_state("absent")
        self.scan.state = "idle"

    def _show(self, code: str) -> None:
        self.message_code = code
        self.message.setVisible(bool(code))
        self.message.setText(self.tr("This code is official, but the procedure is not in this station's list "
                                     "yet. Please ask the staff.") if code == "unknown" else "")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Scan the code on a poster"))
        self.scan.set_prompt(self.tr("Hold the poster's QR code in front of the camera"))
        self._show(self.message_code)
