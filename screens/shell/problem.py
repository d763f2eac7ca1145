"""The one failsafe screen (DESIGN §3.5): what happened, what to do, and the reference if data was saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from core.visit import Visit
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, px, title


class ProblemScreen(Screen):
    screen_id = "problem"
    show_nav = False

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(96), px(64), px(96), px(64))
        layout.setSpacing(px(32))
        self.heading = title()
        self.message = label()
        self.reference = label(name="OkText")
        self.advice = label(name="Subtitle")
        self.home_button = big_button()
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.reference)
        layout.addWidget(self.advice)
        layout.addStretch(1)
        layout.addWidget(self.home_button)
        self.home_button.clicked.connect(self.home_requested)
        self._code = "internal_error"
        self._ref: str | None = None

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self._code = str(params.get("code") or "internal_error")
        self._ref = params.get("reference")
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self._code, self._ref = "internal_error", None
        self.retranslate()

    def _message(self) -> str:
        messages = {
            "device_failed": self.tr("A device of this station is not working right now."),
            "save_failed": self.tr("This station could not save your request. Nothing was sent."),
            "print_failed": self.tr("The receipt could not be printed."),
            "unknown_step": self.tr("This part of the station is not available."),
        }
        return messages.get(self._code, self.tr("Something went wrong on this station."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sorry, something went wrong"))
        self.message.setText(self._message())
        if self._ref:
            self.reference.setText(self.tr("Your request was saved. Your reference number is %1. "
                                           "Please write it down or take a photo.").replace("%1", self._ref))
            self.reference.show()
        else:
            self.reference.hide()
        self.advice.setText(self.tr("Please try again, or ask the ward staff for help. "
                                    "The screen will return to the start by itself."))
        self.home_button.setText(self.tr("Back to the start"))

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"code": "print_failed", "reference": "BN01-261121-0007"}
