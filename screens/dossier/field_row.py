"""One question of the dossier form: its label, the input, and its error. GUI thread.

Typing is the exception (issue 17): a choice field is big buttons; a free-text field the catalogue has usual
answers for shows them as buttons with "write something else" as the fallback; an address field offers this
building's floors and flats (screens/dossier/address.py). A row with a problem gets the ``invalid`` property,
which the theme draws as a red border (no inline style).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screens.dossier.address import StationAddress
from screens.dossier.common import choice_label, field_label
from screens.dossier.model import check_answer
from screens.widgets.basics import big_button, label, px, restyle

INPUT_HINTS = {"date": Qt.InputMethodHint.ImhDate, "phone": Qt.InputMethodHint.ImhDialableCharactersOnly,
               "id_number": Qt.InputMethodHint.ImhDigitsOnly}
FIXED_LENGTH = ("phone", "id_number", "date")  # answers that are complete once they check out
CHOICE_COLUMNS = 3
FLOOR_COLUMNS = 10  # floors and flats are short numbers: ten 96 px buttons fit a portrait row


def choice_button(text: str = "") -> QPushButton:
    """A checkable answer button; the theme shows the checked one filled (``choice`` property)."""
    b = big_button(text, role="secondary")
    b.setCheckable(True)
    b.setProperty("choice", True)
    return b


def button_grid(values: list[str], columns: int, on_click: Any) -> tuple[QWidget, dict[str, QPushButton]]:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(px(10))
    group = QButtonGroup(box)
    buttons: dict[str, QPushButton] = {}
    for i, value in enumerate(values):
        b = choice_button(value)
        b.clicked.connect(lambda _=False, v=value: on_click(v))
        group.addButton(b)
        buttons[value] = b
        grid.addWidget(b, i // columns, i % columns)
    return box, buttons


def check_only(buttons: dict[str, QPushButton], value: str) -> None:
    for v, b in buttons.items():
        group = b.group()
        if group is not None:
            group.setExclusive(False)
        b.setChecked(v == value)
        if group is not None:
            group.setExclusive(True)


class AddressPicker(QWidget):
    """Building (when there are several), floor, then flat; ``picked`` carries the full address."""

    picked = Signal(str)
    flats_shown = Signal(object)  # the flats of the floor just chosen (to scroll them into view)

    def __init__(self, place: StationAddress) -> None:
        super().__init__()
        self.place = place
        self.building = place.buildings[0] if place.buildings else ""
        self.floor = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(8))
        self.building_caption = label(name="Subtitle")
        self.floor_caption = label(name="Subtitle")
        self.flat_caption = label(name="Subtitle")
        self.building_box, self.building_buttons = button_grid(list(place.buildings), CHOICE_COLUMNS,
                                                               self._building)
        floors = [str(n) for n in range(1, place.floors + 1)]
        self.floor_box, self.floor_buttons = button_grid(floors, FLOOR_COLUMNS, lambda v: self._floor(int(v)))
        widest = max((len(place.flats(n)) for n in range(1, place.floors + 1)), default=0)
        self.flat_box, self.flat_buttons = button_grid([str(i) for i in range(widest)], FLOOR_COLUMNS, self._flat)
        several = len(place.buildings) > 1
        self.building_caption.setVisible(several)
        self.building_box.setVisible(several)
        for w in (self.building_caption, self.building_box, self.floor_caption, self.floor_box,
                  self.flat_caption, self.flat_box):
            layout.addWidget(w)
        check_only(self.building_buttons, self.building)
        self._show_flats()

    def _building(self, building: str) -> None:
        self.building = building
        self._show_flats()

    def _floor(self, floor: int) -> None:
        self.floor = floor
        self._show_flats()
        self.flats_shown.emit(self.flat_box)

    def _show_flats(self, chosen: str = "") -> None:
        flats = self.place.flats(self.floor)
        for i, b in enumerate(self.flat_buttons.values()):  # the buttons are reused for every floor
            b.setVisible(i < len(flats))
            b.setText(flats[i] if i < len(flats) else "")
            b.setProperty("flatNumber", flats[i] if i < len(flats) else "")
            b.setChecked(False)
            if i < len(flats) and flats[i] == chosen:
                b.setChecked(True)
        self.flat_caption.setVisible(bool(flats))
        self.flat_box.setVisible(bool(flats))

    def _flat(self, index: str) -> None:
        flat = self.flat_buttons[index].property("flatNumber") or ""
        address = self.place.compose(self.building, self.floor, flat)
        if address:
            self.picked.emit(address)

    def flat_button(self, flat: str) -> QPushButton | None:
        return next((b for b in self.flat_buttons.values() if b.isVisible() and b.property("flatNumber") == flat), None)

    def show_value(self, text: str) -> None:
        """Mark the buttons of an address this picker wrote (none for a typed or card address)."""
        parsed = self.place.parse(text)
        building, floor, flat = parsed if parsed else (self.building, 0, "")
        self.building, self.floor = building, floor
        check_only(self.building_buttons, building)
        check_only(self.floor_buttons, str(floor) if floor else "")
        self._show_flats(flat)

    def retranslate(self) -> None:
        self.building_caption.setText(self.tr("Building"))
        self.floor_caption.setText(self.tr("Floor"))
        self.flat_caption.setText(self.tr("Flat"))


class FieldRow(QFrame):
    """One question: its label, the input (text box, long text, or big buttons), and its error."""

    changed = Signal(str, str)  # key, text
    keyboard_requested = Signal(object, str)  # input widget, field type
    answered = Signal(str)  # key: an answer is complete (a choice, a flat, all digits of a number)
    reveal = Signal(object)  # a part of this row that should be scrolled into view

    def __init__(self, f: Any, language: str, place: StationAddress | None = None) -> None:
        super().__init__()
        self.field = f
        self.setObjectName("FieldRow")
        self.setProperty("invalid", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(12), px(8), px(12), px(8))
        layout.setSpacing(px(6))
        self.caption = label(name="FieldCaption")
        self.source = label(name="Subtitle")
        self.error = label(name="ErrorText")
        self.error.hide()
        self.source.hide()
        layout.addWidget(self.caption)
        self.buttons: dict[str, QPushButton] = {}  # a choice field's answers, or a text field's usual answers
        self.editor: QLineEdit | QPlainTextEdit | None = None
        self.picker: AddressPicker | None = None
        self.other_button: QPushButton | None = None
        self.pick_button: QPushButton | None = None  # opens the picker when the card gave another address
        self._touch_targets: set[QWidget] = set()
        if f.choices:
            values = [c.value for c in f.choices]
            box, self.buttons = button_grid(values, CHOICE_COLUMNS, self._chose)
            layout.addWidget(box)
        if f.type == "address" and place is not None and place.usable:
            self.picker = AddressPicker(place)
            self.picker.picked.connect(self._picked)
            self.picker.flats_shown.connect(self.reveal)
            self.pick_button = big_button(role="secondary")
            self.pick_button.clicked.connect(lambda: (self.picker.show(), self.pick_button.hide()))
            self.pick_button.hide()
            layout.addWidget(self.pick_button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.picker)
        if f.type != "choice" or not f.choices:
            self._add_editor(layout)
        layout.addWidget(self.source)
        layout.addWidget(self.error)
        self.retranslate(language)

    def _add_editor(self, layout: QVBoxLayout) -> None:
        f = self.field
        if f.type == "textarea":
            self.editor = QPlainTextEdit()
            self.editor.setFixedHeight(px(170))
            self.editor.textChanged.connect(lambda: self._typed(self.editor.toPlainText()))
        else:
            self.editor = QLineEdit()
            if f.type in INPUT_HINTS:
                self.editor.setInputMethodHints(INPUT_HINTS[f.type])
            self.editor.textChanged.connect(self._typed)
        if self.buttons:  # usual answers first; "something else" opens the box
            self.other_button = big_button(role="secondary")
            self.other_button.clicked.connect(self._write_other)
            layout.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.editor.hide()
        layout.addWidget(self.editor)
        # a touch on a long-text box lands on its viewport, not on the box itself
        self._touch_targets = {self.editor, getattr(self.editor, "viewport", lambda: self.editor)()}
        for target in self._touch_targets:
            target.installEventFilter(self)
        self.editor.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched in self._touch_targets and event.type() == QEvent.Type.MouseButtonRelease:
            self.keyboard_requested.emit(self.editor, self.field.type)
        return False

    # -- intents -------------------------------------------------------------------------------------------
    def _chose(self, value: str) -> None:
        if self.editor is not None:
            self._set_editor(value)
            self.editor.hide()
        self.changed.emit(self.field.key, value)
        self.answered.emit(self.field.key)

    def _picked(self, address: str) -> None:
        self._set_editor(address)
        if self.picker is not None:
            self.picker.show_value(address)
        self.answered.emit(self.field.key)

    def _typed(self, text: str) -> None:
        if self.buttons:
            check_only(self.buttons, text)
        self.changed.emit(self.field.key, text)
        # a number is complete when it checks out (a phone's ten digits): no "Done" key needed
        if self.field.type in FIXED_LENGTH and check_answer(self.field, text) is None and text.strip():
            self.answered.emit(self.field.key)

    def _write_other(self) -> None:
        if self.editor is None:
            return
        check_only(self.buttons, "")
        self._set_editor("")
        self.editor.show()
        self.keyboard_requested.emit(self.editor, self.field.type)

    # -- state ---------------------------------------------------------------------------------------------
    def _set_editor(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
        elif isinstance(self.editor, QLineEdit) and self.editor.text() != text:
            self.editor.setText(text)

    def value(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()
        return next((v for v, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, text: str) -> None:
        self._set_editor(text)
        check_only(self.buttons, text)
        if self.editor is not None and self.other_button is not None:
            self.editor.setVisible(bool(text) and text not in self.buttons)
        if self.picker is not None and self.pick_button is not None:
            self.picker.show_value(text)
            own = not text or self.picker.place.parse(text) is not None
            self.picker.setVisible(own)  # an address from the card: the list only on request
            self.pick_button.setVisible(not own)

    def set_problem(self, text: str) -> None:
        """Show ``text`` under the question with the red border ('' clears both)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if bool(self.property("invalid")) != bool(text):
            self.setProperty("invalid", bool(text))
            restyle(self)
            if self.editor is not None:  # the box's border follows its row's (a descendant selector)
                restyle(self.editor)

    def retranslate(self, language: str) -> None:
        f = self.field
        self.caption.setText(field_label(f, language) + (" *" if f.required else ""))
        for v, b in self.buttons.items():
            b.setText(choice_label(f, v, language))
        if self.other_button is not None:
            self.other_button.setText(self.tr("✎  Write something else"))
        if self.picker is not None and self.pick_button is not None:
            self.picker.retranslate()
            self.pick_button.setText(self.tr("Choose a flat in this building"))
