"""A screen whose words scroll inside it while its actions stay put (issue 17: layouts that fit).

A 1366×768 panel leaves a stage of about 480 px under the header; large text makes every line taller. The
content of a step (explanations, pictures, result cards) then scrolls in its own area, and the buttons that
move the resident on sit in a fixed bar below it, inside the screen: never under the footer, never scrolled away.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QScrollArea, QVBoxLayout, QWidget

from screens.shell import theme
from screens.widgets.basics import scroll_area


def scaled(value: float) -> int:
    """A size set in code (margin, picture, fixed height) on this panel: 1366×768 draws at 0.75 (theme.py)."""
    return round(value * theme.screen_panel_scale())


def scrolling_body(outer: QBoxLayout, spacing: int = 16, stretch: int = 1) -> QVBoxLayout:
    """Add a scroll area to ``outer`` and return the column inside it; add the fixed action bar to ``outer``
    after it."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(scaled(spacing))
    area: QScrollArea = scroll_area(holder)
    area.setObjectName("ScrollingBody")
    area.setMinimumHeight(scaled(120))  # not the scroll bar's own taller minimum: the fixed bar keeps its room
    outer.addWidget(area, stretch)
    return box


def page_margins(layout: QBoxLayout, side: float, top: float, bottom: float | None = None,
                 spacing: float | None = None) -> None:
    """The screen's own margins and spacing, at this panel's scale."""
    layout.setContentsMargins(scaled(side), scaled(top), scaled(side), scaled(top if bottom is None else bottom))
    if spacing is not None:
        layout.setSpacing(scaled(spacing))
