"""Add one household member (screen id ``bhyt.member``): scan THEIR ID card (preferred), or type their name,
ID number and birth date with the on-screen keyboard. GUI thread; the controller checks and adds.

The scan page opens first; "type instead" (the scan view's own way out) shows the typed page. A code that is not
an ID card gets the scan view's feedback and changes nothing; a refused member (duplicate, too many, a young
child the state covers, a wrong number) gets a translated message from the controller.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from core.visit import Visit
from screens.identity.model import MAX_NAME, format_dob
from screens.keyboard import OnScreenKeyboard
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen, sentences
from screens.widgets.basics import big_button, label, panel_is_portrait, scroll_area, title
from screens.widgets.blocks import FocusWatcher, Orientable

FIELDS = ("full_name", "id_number", "date_of_birth")
SHORT_PANEL = 900  # px high: below this the keyboard leaves out its row of marks (a 1366×768 panel)


class BhytMemberScreen(Orientable, Screen):
    screen_id = "bhyt.member"
    idle_seconds = 180  # typing a child's details takes a while
    scan_requested = Signal(object)  # the ScanWidget
    scan_stopped = Signal()
    typed = Signal(str, str, str)  # name, ID number, birth date text

    def build(self) -> None:
        self.page = "scan"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 16, 40, 12)
        outer.setSpacing(10)
        self.heading = title()
        self.hint = label(name="Subtitle")
        self.error = label(name="ErrorText")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.pages = QStackedWidget()
        self.scan = ScanWidget()
        self.scan.manual_entry_requested.connect(lambda: self.show_page("type"))
        self.scan.cancelled.connect(self.back_requested)
        self.pages.addWidget(self.scan)
        self.pages.addWidget(self._build_typed())
        for w in (self.heading, self.hint, self.error):
            outer.addWidget(w)
        outer.addWidget(self.pages, 1)

    def _build_typed(self) -> QWidget:
        """The form beside the keyboard (under it on an upright panel). The page carries its own instruction:
        on a short landscape panel (1366×768) the screen's heading gives way to the keyboard while typing."""
        page = QWidget()
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.names: dict[str, Any] = {}
        self.edits: dict[str, QLineEdit] = {}
        self._watcher = FocusWatcher(self._focus)
        for row, key in enumerate(FIELDS):
            self.names[key] = label(name="Body")
            edit = QLineEdit()
            edit.setMaxLength({"full_name": MAX_NAME, "id_number": 12, "date_of_birth": 10}[key])
            edit.installEventFilter(self._watcher)
            self.edits[key] = edit
            form.addWidget(self.names[key], row, 0)
            form.addWidget(edit, row, 1)
        form.setColumnStretch(1, 1)
        self.edits["date_of_birth"].textChanged.connect(self._format_dob)
        self.type_hint = label(name="Subtitle")
        self.add_button = big_button(role="ok")
        self.add_button.clicked.connect(self._typed)
        self.scan_instead = big_button(role="secondary")
        self.scan_instead.clicked.connect(lambda: self.show_page("scan"))
        screen = QGuiApplication.primaryScreen()
        size = screen.geometry() if screen is not None else None
        # The row of marks needs more room than a short landscape panel's height or an upright panel's width
        # (in large text); without it Telex still types every Vietnamese letter.
        marks = size is None or (size.height() >= SHORT_PANEL and size.width() > size.height())
        self.keyboard = OnScreenKeyboard(diacritics=marks)
        self.keyboard.submitted.connect(self._typed)
        fields = QWidget()  # in large text on a short panel the fields scroll; the buttons stay in sight
        box = QVBoxLayout(fields)
        box.setContentsMargins(0, 0, 8, 0)
        box.addWidget(self.type_hint)
        box.addLayout(form)
        box.addStretch(1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        self.fields_area = scroll_area(fields)
        left.addWidget(self.fields_area, 1)
        left.addWidget(self.add_button)
        left.addWidget(self.scan_instead)
        self.left = QWidget()
        self.left.setLayout(left)
        split = self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        split.setContentsMargins(0, 0, 0, 0)
        split.setSpacing(24)
        split.addWidget(self.left, 2)
        split.addWidget(self.keyboard, 3, Qt.AlignmentFlag.AlignBottom)
        self.orient(split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        return page

    def resizeEvent(self, event: Any) -> None:
        # upright, the keyboard takes only its own height and the fields get the rest (no gap above the keys)
        self.split.setStretchFactor(self.keyboard, 0 if panel_is_portrait(self) else 3)
        super().resizeEvent(event)

    # -- pages ---------------------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        if name == self.page and self.pages.currentIndex() == (0 if name == "scan" else 1):
            return
        self.page = name
        self.error.hide()
        typing = name == "type"
        self.heading.setVisible(not typing)
        self.hint.setVisible(not typing)
        if name == "scan":
            self.pages.setCurrentIndex(0)
            self.scan_requested.emit(self.scan)
        else:
            self.scan_stopped.emit()
            self.pages.setCurrentIndex(1)
            self._focus(self.edits["full_name"])
        self._texts()
        self.step_info_changed.emit()  # another instruction to read aloud

    def _focus(self, edit: QObject) -> None:
        key = next((k for k, e in self.edits.items() if e is edit), None)
        if key is None:
            return
        if key == "full_name":
            self.keyboard.set_target(self.edits[key], "letters", telex=True, auto_capitalize=True)
        else:
            self.keyboard.set_target(self.edits[key], "digits", telex=False, modes=("digits",))
        self.edits[key].setCursorPosition(len(self.edits[key].text()))
        self.edits[key].setFocus()
        self.fields_area.ensureWidgetVisible(self.edits[key])  # the next field after an error, in large text

    def _format_dob(self, text: str) -> None:
        formatted = format_dob(text)
        if formatted != text:
            self.edits["date_of_birth"].setText(formatted)

    def _typed(self) -> None:
        self.typed.emit(*(self.edits[k].text() for k in FIELDS))

    def show_error(self, text: str, field: str = "") -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if field in self.edits and self.page == "type":
            self._focus(self.edits[field])

    def error_text(self, code: str, max_members: int, state_paid_age: int) -> str:
        """The resident's words for a refused member (codes of screens.bhyt.model.check_member)."""
        texts = {
            "name.empty": self.tr("Please type the person's full name."),
            "name.invalid": self.tr("Please type the name in letters only (at most 60)."),
            "id.length": self.tr("The ID number has 12 digits. Please check it."),
            "dob.format": self.tr("Please type the birth date as day/month/year, for example 05/09/2015."),
            "dob.future": self.tr("The birth date cannot be in the future."),
            "dob.too_old": self.tr("Please check the year of birth."),
            "member.duplicate": self.tr("This person is already on the list."),
            "member.too_many": self.tr("The station takes at most %1 people. For a larger household, please "
                                       "ask the staff.").replace("%1", str(max_members)),
            "member.state_paid": self.tr("Children under %1 get their health insurance card from the State free "
                                         "of charge; they are not added here. Please ask the staff.")
            .replace("%1", str(state_paid_age)),
        }
        return texts.get(code, self.tr("Please check the details."))

    # -- screen life ---------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        for edit in self.edits.values():
            edit.clear()
        self.page = ""
        self.show_page(str(params.get("page") or "scan"))

    def leave(self) -> None:
        self.scan_stopped.emit()
        super().leave()

    def reset(self) -> None:
        super().reset()
        for edit in self.edits.values():
            edit.clear()
        self.error.hide()

    def title(self) -> str:
        return self.tr("Add a person")

    def _texts(self) -> None:
        self.hint.setText(self.tr("Please hold this person's own ID card to the camera."))
        self.type_hint.setText(self.tr("Please type this person's full name, 12-digit ID number and birth date."))

    def spoken_text(self) -> str:
        hint = self.type_hint if self.page == "type" else self.hint
        return sentences([self.title(), hint.text()])

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Add a person"))
        self._texts()
        self.scan.set_prompt(self.tr("Show the QR code on this person's ID card"))
        self.names["full_name"].setText(self.tr("Full name"))
        self.names["id_number"].setText(self.tr("ID number"))
        self.names["date_of_birth"].setText(self.tr("Date of birth"))
        self.edits["id_number"].setPlaceholderText(self.tr("12 digits"))
        self.edits["date_of_birth"].setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.add_button.setText(self.tr("✓  Add this person"))
        self.scan_instead.setText(self.tr("Scan their card"))

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"page": "type"}
