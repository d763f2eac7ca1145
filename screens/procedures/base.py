"""What every procedures screen shares: the catalogue (read at each use: it is switched between visits), the way
to a procedure's page, and a procedure's list row. GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from screens.procedures.model import CatalogueGetter, list_fees, money
from screens.shell.screen import Screen
from screens.widgets.blocks import ItemButton, Orientable, ui_language

if TYPE_CHECKING:
    from core.catalogue import Catalogue
    from core.catalogue.models import Procedure


def procedure_button(procedure: Procedure, on_click: Callable[[str], None]) -> ItemButton:
    """A list row: the name, and the fee under it (the portal's code is for staff: residents never see it)."""
    name = procedure.name_en if ui_language() == "en" else procedure.name_vi
    free = QCoreApplication.translate("Procedures", "free of charge")
    amounts = list_fees(procedure)
    fee = QCoreApplication.translate("Procedures", "Fee: %1").replace(
        "%1", " – ".join(money(f, free, "") for f in amounts)) if amounts else ""
    button = ItemButton(procedure.code, name, fee)
    button.clicked.connect(lambda _=False, c=procedure.code: on_click(c))
    return button


class CatalogueScreen(Orientable, Screen):
    def __init__(self, catalogue: CatalogueGetter) -> None:
        self._catalogue = catalogue
        super().__init__()

    @property
    def catalogue(self) -> Catalogue | None:
        return self._catalogue()

    def open_detail(self, code: str) -> None:
        self.navigate.emit("procedures.detail", {"code": code})
