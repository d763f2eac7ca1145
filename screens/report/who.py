"""Report step "who": anonymous or named (then identified by the ID card). GUI thread; renders and emits."""

from __future__ import annotations

from screens.report.base import (
    _ReportScreen,
)
from screens.widgets.blocks import ItemButton


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
