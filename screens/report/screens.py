"""Phản ánh ANTT: the resident tells the ward police about a security or order problem in five steps —
what, where, what happened, anonymous or named, review + consent. GUI thread; screens only render and emit.

Every step shows the emergency numbers first: a kiosk report is not for emergencies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from screens.keyboard import OnScreenKeyboard
from screens.report import model
from screens.shell.screen import Screen
from screens.widgets.action_page import page_margins, scaled, scrolling_body
from screens.widgets.basics import big_button, card, label, panel_is_portrait, restyle, title
from screens.widgets.blocks import FocusWatcher, ItemButton, Orientable, plain_label

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


class ReportCategoryScreen(_ReportScreen):
    """The home tile's page (step 1): what kind of problem."""

    screen_id = "report"
    step_key = "category"

    def build(self) -> None:
        _outer, body = self.page(side=48, top=20, bottom=16, spacing=14)
        self.hint = label(name="Subtitle")
        self.grid, self.buttons = self.grid_of(list(model.CATEGORIES), category_label, self.choose, 3)
        body.addWidget(self.hint)
        body.addLayout(self.grid)
        body.addStretch(1)

    def choose(self, key: str) -> None:
        self.draft["category"] = key
        self.navigate.emit("report.location", {})

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Report a security or order problem"))
        self.hint.setText(self.tr("Your report goes to the ward police. What is it about?"))
        for key, button in self.buttons.items():
            button.title.setText(category_label(key))

    def title(self) -> str:
        return self.tr("Report a security or order problem")


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


class ReportLocationScreen(_SplitScreen):
    screen_id = "report.location"
    step_key = "location"

    def build(self) -> None:
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        fields = QHBoxLayout()
        self.edits: dict[str, QLineEdit] = {}
        self._focus_filter = FocusWatcher(self._focus)
        for key in ("block", "floor", "apartment"):
            edit = QLineEdit()
            edit.setMaxLength(20)
            edit.installEventFilter(self._focus_filter)
            self.edits[key] = edit
            fields.addWidget(edit)
        box.addLayout(fields)
        self.keyboard = OnScreenKeyboard(diacritics=False)  # block, floor, flat: no tones, and a short screen
        box.addWidget(self.keyboard)
        box.addStretch(1)
        body = self.split_page(right)
        self.grid, self.buttons = self.grid_of(list(model.AREAS), area_label, self.choose, 2)
        body.addLayout(self.grid)
        body.addStretch(1)
        self._focus(self.edits["block"])

    def _focus(self, edit: QObject) -> None:
        if isinstance(edit, QLineEdit):
            self.keyboard.set_target(edit, "letters", telex=False)

    def choose(self, key: str) -> None:
        self.draft["area"] = key
        self._render()

    def _render(self) -> None:
        area = self.draft.get("area", "")
        for key, button in self.buttons.items():
            button.setProperty("role", "ok" if key == area else "secondary")
            restyle(button)
            restyle(button.title)
        self.next.setEnabled(area in model.AREAS)

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        for key, edit in self.edits.items():
            edit.setText(self.draft.get(key, ""))
        self._render()

    def go_on(self) -> None:
        for key, edit in self.edits.items():
            self.draft[key] = model.clean(edit.text(), 20)
        self.navigate.emit("report.description", {})

    def reset(self) -> None:
        super().reset()
        for edit in self.edits.values():
            edit.clear()
        self._render()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Where is it happening?"))
        for key, button in self.buttons.items():
            button.title.setText(area_label(key))
        self.edits["block"].setPlaceholderText(self.tr("Block (if known)"))
        self.edits["floor"].setPlaceholderText(self.tr("Floor"))
        self.edits["apartment"].setPlaceholderText(self.tr("Apartment"))
        self.next.setText(self.tr("Continue  ▶"))


class ReportDescriptionScreen(_SplitScreen):
    screen_id = "report.description"
    step_key = "description"

    def build(self) -> None:
        self.keyboard = OnScreenKeyboard()
        box = self.split_page(self.keyboard)
        self.hint = label(name="Subtitle")
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(scaled(200))
        self.text.textChanged.connect(self._render)
        self.too_short = label(name="ErrorText")
        box.addWidget(self.hint)
        box.addWidget(self.text, 1)
        box.addWidget(self.too_short)
        self.keyboard.set_target(self.text, "letters", telex=True)

    def _render(self) -> None:
        long_enough = len(model.clean(self.text.toPlainText(), model.MAX_DESCRIPTION)) >= model.MIN_DESCRIPTION
        self.next.setEnabled(long_enough)
        self.too_short.setVisible(not long_enough and bool(self.text.toPlainText().strip()))

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.text.setPlainText(self.draft.get("description", ""))
        self._render()

    def go_on(self) -> None:
        self.draft["description"] = model.clean(self.text.toPlainText(), model.MAX_DESCRIPTION)
        self.navigate.emit(self.next_step(), {})

    def reset(self) -> None:
        super().reset()
        self.text.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("What happened?"))
        self.hint.setText(self.tr("Describe it in a few words: what, when, how many people."))
        self.too_short.setText(self.tr("Please write a little more."))
        self.next.setText(self.tr("Continue  ▶"))


class ReportWhoScreen(_ReportScreen):
    screen_id = "report.identity"
    step_key = "identity"

    def build(self) -> None:
        _outer, body = self.page(side=48, top=20, bottom=16, spacing=18)
        self.anonymous = ItemButton("anonymous", "")
        self.named = ItemButton("named", "")
        self.anonymous.clicked.connect(self.choose_anonymous)
        self.named.clicked.connect(self.choose_named)
        body.addWidget(self.anonymous)
        body.addWidget(self.named)
        body.addStretch(1)

    def choose_anonymous(self) -> None:
        self.draft["anonymous"] = True
        self.navigate.emit("report.review", {})

    def choose_named(self) -> None:
        self.draft["anonymous"] = False
        self.navigate.emit("identity.scan", {"return_to": "report.review", "purpose": "report",
                                             "step": list(self.step_info())})

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Do you want to give your name?"))
        self.anonymous.title.setText(self.tr("Send without my name (anonymous)"))
        self.anonymous.subtitle.setText(self.tr("No name or ID number is sent. The police cannot contact you."))
        self.named.title.setText(self.tr("Send with my name"))
        self.named.subtitle.setText(self.tr("Scan your ID card, so the police can contact you if needed."))
        for button in (self.anonymous, self.named):
            button.subtitle.show()


class ReportReviewScreen(_ReportScreen):
    screen_id = "report.review"
    step_key = "review"
    submit_requested = Signal()

    def build(self) -> None:
        outer, body = self.page(side=48, top=16, bottom=12, spacing=12)
        frame, summary = card()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.names, self.values = {}, {}
        for row, key in enumerate(("category", "location", "description", "photos", "sender")):
            self.names[key] = label(name="Subtitle")
            self.values[key] = plain_label(name="Body")
            grid.addWidget(self.names[key], row, 0)
            grid.addWidget(self.values[key], row, 1)
        grid.setColumnStretch(1, 1)
        summary.addLayout(grid)
        self.consent_text = label()
        self.consent = QCheckBox()
        # As wide as its box and words: a touch anywhere on it toggles it, and nowhere else.
        self.consent.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.consent.toggled.connect(self._consent_changed)
        self.status = label(name="OkText")
        # "primary", not "ok": the theme greys out a disabled primary button, and it stays disabled until consent
        self.submit = big_button()
        self.submit.clicked.connect(self._submit)
        body.addWidget(frame)
        body.addWidget(self.consent_text)
        body.addStretch(1)
        outer.addWidget(self.status)
        bar = QHBoxLayout()  # the tick and the button it unlocks stay together under the scrolling summary
        bar.setSpacing(scaled(24))
        bar.addWidget(self.consent)
        bar.addWidget(self.submit, 1)
        outer.addLayout(bar)
        self.busy = False

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.busy = False
        self.consent.setChecked(bool(self.draft.get("consent")))
        self._render()

    def _consent_changed(self, on: bool) -> None:
        self.draft["consent"] = bool(on)
        self._render()

    def _render(self) -> None:
        draft = self.draft
        self.values["category"].setText(category_label(draft.get("category", "")))
        self.values["location"].setText(location_label(draft))
        text = draft.get("description", "")
        self.values["description"].setText(text if len(text) <= 240 else text[:240] + "…")
        photos = len(draft.get("photos") or ())
        self.values["photos"].setText(str(photos))
        for part in (self.names["photos"], self.values["photos"]):
            part.setVisible(bool(photos))
        identity = self.visit.identity if self.visit is not None else None
        if draft.get("anonymous") or identity is None:
            self.values["sender"].setText(self.tr("Anonymous: no name is sent"))
        else:
            self.values["sender"].setText(f"{identity.full_name} · {self.tr('ID number')} "
                                          f"…{identity.id_number[-4:]}")
        self.status.setVisible(self.busy)
        self.submit.setEnabled(not self.busy and not model.problems(draft) and
                               (bool(draft.get("anonymous")) or identity is not None))

    def _submit(self) -> None:
        if self.busy or not self.submit.isEnabled():
            return
        self.busy = True
        self._render()
        self.submit_requested.emit()

    def save_failed(self) -> None:
        self.busy = False
        self._render()

    def reset(self) -> None:
        super().reset()
        self.busy = False
        self.consent.setChecked(False)
        for value in self.values.values():
            value.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Check and send"))
        for key, name in (("category", self.tr("About")), ("location", self.tr("Where")),
                          ("description", self.tr("What happened")), ("photos", self.tr("Pictures")),
                          ("sender", self.tr("Sent by"))):
            self.names[key].setText(name)
        self.consent_text.setText(self.tr("I agree that this report is sent to the ward police to check and "
                                          "handle it. If I gave my name, they may use my name and ID number "
                                          "to contact me."))
        self.consent.setText(self.tr("I agree"))
        self.status.setText(self.tr("Saving your report…"))
        self.submit.setText(self.tr("Send the report"))
        if self.visit is not None:
            self._render()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": True}
