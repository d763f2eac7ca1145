"""Report step "review": everything the resident said, consent, and send. GUI thread; renders and emits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
)

from screens.report import model
from screens.report.base import (
    _ReportScreen,
    category_label,
    location_label,
)
from screens.widgets.action_page import scaled
from screens.widgets.basics import big_button, card, label
from screens.widgets.blocks import plain_label


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
