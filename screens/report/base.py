"""Phản ánh ANTT: what the five report steps share — the step names, the sample draft for screenshots, the words for
categories and places, the grid of choices that takes as many columns as its words allow, and the two page bases
(one column; choices beside a keyboard). GUI thread.

Every step shows the emergency numbers first: a kiosk report is not for emergencies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from screens.report import model
from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scaled, scrolling_body
from screens.widgets.basics import big_button, label, panel_is_portrait, title
from screens.widgets.blocks import ItemButton, Orientable

STEP_SCREENS = {"category": "report", "location": "report.location", "description": "report.description",
                "photo": "report.photo", "identity": "report.identity", "review": "report.review"}
SAMPLE_DRAFT = {**model.new_draft(), "category": "disorder_noise", "area": "parking", "block": "A", "floor": "B2",
                "description": "Nhóm thanh niên tụ tập, nẹt pô xe máy trong hầm xe từ 23 giờ đêm qua.",
                "anonymous": True}


def category_label(key: str) -> str:
    return {
        "disorder_noise": QCoreApplication.translate("Report", "Disorder or noise"),
        "theft": QCoreApplication.translate("Report", "Theft"),
        "fighting": QCoreApplication.translate("Report", "Fighting or harassment"),
        "gathering": QCoreApplication.translate("Report", "Large crowd gathering"),
        "fire_risk": QCoreApplication.translate("Report", "Fire or explosion risk"),
        "drugs": QCoreApplication.translate("Report", "Drugs"),
        "fraud": QCoreApplication.translate("Report", "Fraud or scam"),
        "traffic": QCoreApplication.translate("Report", "Traffic violation in the residential area"),
        "other": QCoreApplication.translate("Report", "Something else"),
    }.get(key, key)


def area_label(key: str) -> str:
    return {
        "lobby": QCoreApplication.translate("Report", "Lobby"),
        "parking": QCoreApplication.translate("Report", "Parking basement"),
        "elevator": QCoreApplication.translate("Report", "Elevator"),
        "corridor": QCoreApplication.translate("Report", "Corridor or stairs"),
        "apartment": QCoreApplication.translate("Report", "An apartment"),
        "yard": QCoreApplication.translate("Report", "Yard or grounds"),
        "street": QCoreApplication.translate("Report", "Street or path around the building"),
        "other": QCoreApplication.translate("Report", "Somewhere else"),
    }.get(key, key)


def location_label(draft: dict[str, Any]) -> str:
    parts = [area_label(draft.get("area", ""))] if draft.get("area") else []
    words = {"block": QCoreApplication.translate("Report", "Block %1"),
             "floor": QCoreApplication.translate("Report", "Floor %1"),
             "apartment": QCoreApplication.translate("Report", "Apartment %1")}
    for key, word in words.items():
        value = model.clean(draft.get(key, ""), 20)
        if value:
            parts.append(word.replace("%1", value))
    return " · ".join(parts)


class GridFitter:
    """Lays choice buttons out in as many columns (up to ``most``) as their longest word allows: large text or a
    narrow column gets fewer, so no word is cut. Decided when the screen is entered, from the panel's width."""

    def __init__(self, grid: QGridLayout, buttons: list[ItemButton], most: int) -> None:
        self.grid, self.buttons, self.most = grid, buttons, most
        self.columns = 0
        self._place(most)

    def _place(self, columns: int) -> None:
        for button in self.buttons:
            self.grid.removeWidget(button)
        self.columns = columns
        for i, button in enumerate(self.buttons):
            self.grid.addWidget(button, i // columns, i % columns)
        for c in range(self.most):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def needed(self) -> int:
        """The width of a cell whose title's longest word fits on its own line."""
        need = 0
        for button in self.buttons:
            button.title.ensurePolished()  # the font of the current text size
            words = button.title.text().split() or [""]
            metrics = QFontMetrics(button.title.font())
            margins = button.layout().contentsMargins()
            need = max(need, max(metrics.horizontalAdvance(w) for w in words) + margins.left() + margins.right() + 8)
        return need

    def fit(self, width: int) -> None:
        """``width``: the room the grid has on this panel."""
        if width <= 0:
            return
        need, gap = self.needed(), self.grid.horizontalSpacing()
        columns = next((c for c in range(self.most, 1, -1) if (width - gap * (c - 1)) / c >= need), 1)
        if columns != self.columns:
            self._place(columns)


class _ReportScreen(Orientable, Screen):
    step_key = "category"

    def __init__(self) -> None:
        # () -> bool: the camera service can take photos (set by install(); the photo step exists only then)
        self.photo_available = lambda: False
        super().__init__()

    def steps(self) -> list[str]:
        if self.step_key == "photo" or self.photo_available():
            return list(STEP_SCREENS)
        return [k for k in STEP_SCREENS if k != "photo"]

    def next_step(self) -> str:
        steps = self.steps()
        return STEP_SCREENS[steps[steps.index(self.step_key) + 1]]

    def page(self, side: int, top: int, bottom: int, spacing: int) -> tuple[QVBoxLayout, QVBoxLayout]:
        """The screen's column and, inside it, the scrolling body that starts with what every report step starts
        with: the emergency line and the title. A fixed bar of buttons goes into the column after the body."""
        outer = QVBoxLayout(self)
        page_margins(outer, side, top, bottom, spacing)
        return outer, self.head(scrolling_body(outer, spacing))

    def head(self, body: QVBoxLayout) -> QVBoxLayout:
        self.emergency = label(name="Emergency")
        self.heading = title()
        body.addWidget(self.emergency)
        body.addWidget(self.heading)
        return body

    @property
    def draft(self) -> dict[str, Any]:
        if self.visit is None:
            return model.new_draft()
        return self.visit.data.setdefault(model.DRAFT_KEY, model.new_draft())

    def step_info(self) -> tuple[int, int]:
        steps = self.steps()
        return steps.index(self.step_key) + 1, len(steps)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        if params.get("sample"):  # screenshots: show the step with a plausible report in it
            visit.data[model.DRAFT_KEY] = dict(SAMPLE_DRAFT)
        fitter = getattr(self, "grid_fitter", None)
        if fitter is not None:
            fitter.fit(self.grid_width())

    def grid_width(self) -> int:
        """The width of the choices' column on this panel (the stage's width, less the margins and scroll bar)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        panel = screen.geometry().width() if screen is not None else 1920
        return panel - scaled(2 * 48 + 2 * 40)

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": True}

    def retranslate(self) -> None:
        self.emergency.setText(self.tr("In an emergency, call 113 (police) · 114 (fire) · 115 (ambulance)"))

    def grid_of(self, keys: list[str], labels, on_click, columns: int) -> tuple[QGridLayout, dict[str, ItemButton]]:
        grid = QGridLayout()
        grid.setSpacing(scaled(14))
        buttons = {}
        for key in keys:
            button = ItemButton(key, labels(key))
            button.clicked.connect(lambda _=False, k=key: on_click(k))
            buttons[key] = button
        self.grid_fitter = GridFitter(grid, list(buttons.values()), columns)
        return grid, buttons




class _SplitScreen(_ReportScreen):
    """Landscape: content left, keyboard right; portrait: content above the keyboard. The content (emergency line,
    title, choices) scrolls in its column above the fixed "Continue" button; the keyboard has the full height."""

    def split_page(self, keyboard_side: QWidget) -> QVBoxLayout:
        """Build the screen; returns the content column (already holding the emergency line and the title)."""
        outer = QVBoxLayout(self)
        page_margins(outer, 40, 16, 12, 10)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(scaled(10))
        body = self.head(scrolling_body(column, 10))
        self.next = big_button()
        self.next.clicked.connect(self.go_on)
        column.addWidget(self.next)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(scaled(24))
        self.split.addWidget(left, 4)
        self.split.addWidget(keyboard_side, 5)  # the diacritics row's keys need a little more than half
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        outer.addLayout(self.split, 1)
        return body

    def go_on(self) -> None:
        raise NotImplementedError

    def grid_width(self) -> int:
        """Landscape: the content column's share (4 of 9) beside the keyboard."""
        width = super().grid_width()
        return width if panel_is_portrait(self) else (width - scaled(24)) * 4 // 9
