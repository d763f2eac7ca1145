"""Step 1 of "Nộp hồ sơ" (screen id ``dossier``): choose the procedure from a list, by typing, or by scanning
the code on its poster. GUI thread; renders state and emits intents (the dossier controller acts).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
)

from core.visit import Visit
from screens.dossier.common import STEPS
from screens.keyboard import OnScreenKeyboard
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, px, title

MAX_LISTED = 40


class ProcedurePickScreen(Screen):
    screen_id = "dossier"

    chosen = Signal(str)  # procedure code
    scan_requested = Signal(object)  # the ScanWidget to show the camera in
    scan_stopped = Signal()
    search_changed = Signal(str)

    def build(self) -> None:
        self.language = "vi"
        self.preselected = ""  # a code handed over by the procedure detail screen
        self._preselected_name = ""
        self._procedures: list[Any] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(48), px(32), px(48), px(24))
        layout.setSpacing(px(20))
        self.heading = title()
        self.hint = label(name="Subtitle")
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("SearchField")
        self.search.textChanged.connect(self.search_changed)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.search.installEventFilter(self)
        self.type_button = big_button(role="secondary")
        self.scan_button = big_button(role="secondary")
        row.addWidget(self.search, 1)
        row.addWidget(self.type_button)
        row.addWidget(self.scan_button)
        layout.addLayout(row)
        self.chosen_card, chosen_layout = card()
        chosen_row = QHBoxLayout()
        self.chosen_name = label(name="Strong")
        self.continue_button = big_button()
        chosen_row.addWidget(self.chosen_name, 1)
        chosen_row.addWidget(self.continue_button)
        chosen_layout.addLayout(chosen_row)
        self.chosen_card.hide()
        self.continue_button.clicked.connect(lambda: self.chosen.emit(self.preselected))
        layout.addWidget(self.chosen_card)
        self.pages = QStackedWidget()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = label(name="Subtitle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan = ScanWidget()
        # the camera view takes the room there is: it must not make the window taller than the screen
        self.scan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scan.cancelled.connect(self.stop_scan)
        self.scan.manual_entry_requested.connect(self.stop_scan)
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.scan)
        layout.addWidget(self.pages, 1)
        self.keyboard = OnScreenKeyboard(enter_key=True)
        self.keyboard.hide()
        self.keyboard.submitted.connect(self.keyboard.hide)
        layout.addWidget(self.keyboard)
        self.type_button.clicked.connect(self.open_keyboard)
        self.scan_button.clicked.connect(self.start_scan)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.search and event.type() == QEvent.Type.MouseButtonRelease and self.keyboard.isHidden():
            self.open_keyboard()
        return False

    # -- state in ------------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if self.pages.currentWidget() is self.scan:
            self.pages.setCurrentWidget(self.list)
        self.preselected = str(params.get("code") or "")
        self.chosen_card.setVisible(bool(self.preselected))

    def show_preselected(self, name: str) -> None:
        """The procedure handed over by the detail screen (shown above the list with "Continue")."""
        self._preselected_name = name
        self.chosen_card.setVisible(bool(self.preselected and name))
        self.retranslate()

    def leave(self) -> None:
        self.stop_scan()

    def reset(self) -> None:
        super().reset()
        self.stop_scan()
        self.keyboard.hide()
        self.preselected = self._preselected_name = ""
        self.chosen_card.hide()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.search_changed.emit("")

    def show_procedures(self, procedures: list[Any], language: str) -> None:
        self.language = language
        self._procedures = list(procedures)[:MAX_LISTED]
        self.list.clear()
        for p in self._procedures:
            name = p.name_en if language == "en" and p.name_en else p.name_vi
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, p.code)
            self.list.addItem(item)
        if self.pages.currentWidget() is not self.scan:
            self.pages.setCurrentWidget(self.list if self._procedures else self.empty)

    def open_keyboard(self) -> None:
        self.stop_scan()
        self.keyboard.set_target(self.search, "letters", telex=True)
        self.keyboard.setVisible(not self.keyboard.isVisible())

    def start_scan(self) -> None:
        self.keyboard.hide()
        self.pages.setCurrentWidget(self.scan)
        self.scan_requested.emit(self.scan)

    def stop_scan(self) -> None:
        if self.pages.currentWidget() is self.scan:
            self.pages.setCurrentWidget(self.list if self._procedures else self.empty)
            self.scan_stopped.emit()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Submit a dossier"))
        self.hint.setText(self.tr("Choose the procedure: touch it in the list, type a few words, or scan the "
                                  "code on its poster."))
        self.search.setPlaceholderText(self.tr("Search, e.g. thường trú"))
        self.type_button.setText(self.tr("⌨  Type"))
        self.scan_button.setText(self.tr("▣  Scan poster"))
        self.chosen_name.setText(self.tr("You chose: %1").replace("%1", self._preselected_name))
        self.continue_button.setText(self.tr("Continue  ▶"))
        self.empty.setText(self.tr("No procedure matches. Try other words, or ask the staff."))
        self.scan.set_prompt(self.tr("Hold the code of the procedure poster in front of the camera"))
        if self._procedures:
            self.show_procedures(self._procedures, self.language)

    def step_info(self) -> tuple[int, int]:
        return 1, STEPS

    def title(self) -> str:
        return self.tr("Submit a dossier")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {}

