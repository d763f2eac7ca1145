"""The household members to cover (screen id ``bhyt.members``): the list, add (scan or type) and remove.

GUI thread; renders the list the controller gives and emits intents. The head of household comes pre-filled
from the ID card scanned in the identity step. Birth dates are shown, ID numbers with their last digits only
(someone may be standing behind the resident).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from core.visit import Visit
from screens.bhyt.model import MAX_MEMBERS, Member
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, scroll_area, title
from screens.widgets.blocks import Orientable


def masked(id_number: str) -> str:
    return "•" * 8 + id_number[-4:]


class ListArea(QWidget):
    """The list in a scroll area with the theme's touch scroll bar: a short panel shows two rows, an upright one
    all ten."""

    def __init__(self) -> None:
        super().__init__()
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.body.setSpacing(10)
        self.body.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll_area(inner))

    def clear(self) -> None:
        """Every row goes; the instruction on top of the list stays."""
        while self.body.count() > 2:
            item = self.body.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()

    def add(self, widget: QWidget) -> None:
        self.body.insertWidget(self.body.count() - 1, widget)
        widget.show()


class BhytMembersScreen(Orientable, Screen):
    screen_id = "bhyt.members"
    add_requested = Signal()
    remove_requested = Signal(int)  # index in the list
    continue_requested = Signal()

    def build(self) -> None:
        self.members: list[Member] = []
        self.remove_buttons: list[Any] = []
        self.sample = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 16)
        outer.setSpacing(14)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.count = label(name="Body", wrap=False)
        self.list = ListArea()
        self.empty = label(name="Body")
        self.error = label(name="ErrorText")
        self.error.hide()
        self.actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.actions.setSpacing(24)
        self.add_button, self.next_button = big_button(role="secondary"), big_button(role="ok")
        self.actions.addWidget(self.add_button)
        self.actions.addWidget(self.next_button)
        self.orient(self.actions, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(top)
        self.list.body.insertWidget(0, self.hint)  # scrolls with the list: a short panel keeps its buttons
        outer.addWidget(self.list, 1)
        outer.addWidget(self.empty)
        outer.addWidget(self.error)
        outer.addLayout(self.actions)
        self.add_button.clicked.connect(self.add_requested)
        self.next_button.clicked.connect(self.continue_requested)

    def show_members(self, members: list[Member]) -> None:
        self.members = list(members)
        self.list.clear()
        self.remove_buttons = []
        for index, member in enumerate(self.members):
            self.list.add(self._row(index, member))
        self.empty.setVisible(not self.members)
        self.add_button.setEnabled(len(self.members) < MAX_MEMBERS)
        self.next_button.setEnabled(bool(self.members))
        self._texts()

    def _row(self, index: int, member: Member) -> QFrame:
        frame = QFrame()
        frame.setObjectName("Card")
        row = QHBoxLayout(frame)
        row.setContentsMargins(24, 12, 24, 12)
        text = label(name="Body")
        text.setTextFormat(Qt.TextFormat.PlainText)  # names come from a scanned or typed text: never markup
        born = member.date_of_birth.strftime("%d/%m/%Y") if member.date_of_birth else "—"
        text.setText(f"{index + 1}. {member.full_name}\n"
                     + self.tr("ID number %1 · born %2").replace("%1", masked(member.id_number)).replace("%2", born))
        remove = big_button(self.tr("Remove"), role="secondary")
        remove.clicked.connect(lambda _=False, i=index: self.remove_requested.emit(i))
        self.remove_buttons.append(remove)
        row.addWidget(text, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignVCenter)
        return frame

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def nobody_text(self) -> str:
        return self.tr("Please add at least one person.")

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.sample = bool(params.get("sample"))  # screenshots: sample rows, the controller leaves them be
        if self.sample:
            self.show_members(list(params["sample"]))
        self.show_error(str(params.get("message") or ""))

    def reset(self) -> None:
        super().reset()
        self.show_members([])
        self.show_error("")

    def title(self) -> str:
        return self.tr("Household members")

    def _texts(self) -> None:
        self.count.setText(self.tr("%1 of at most %2 people").replace("%1", str(len(self.members)))
                           .replace("%2", str(MAX_MEMBERS)))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Household members to cover"))
        self.hint.setText(self.tr("Please add each person to cover. Scanning each person's own ID card is "
                                  "quickest; you can also type their details."))
        self.empty.setText(self.tr("Nobody is on the list yet."))
        self.add_button.setText(self.tr("＋  Add a person"))
        self.next_button.setText(self.tr("Continue"))
        if hasattr(self, "members"):
            self.show_members(self.members)

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        import datetime as dt

        return {"sample": [Member("Nguyễn Văn An", "001085012345", dt.date(1986, 3, 15), "card"),
                           Member("Trần Thị Bình", "001188004321", dt.date(1988, 9, 2), "card"),
                           Member("Nguyễn Minh Châu", "001212009876", dt.date(2012, 5, 20), "typed")]}
