"""Around the call: finding a doctor (who is on duty, the expected wait), no doctor / network lost (duty hours
and a call-back request), and after the call (the doctor's advice, printed). GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from screens.consult.model import wait_minutes
from screens.health.widgets import action_button, button_row
from screens.keyboard import OnScreenKeyboard
from screens.shell.screen import Screen
from screens.widgets.basics import label, title

STATES = ("connecting", "waiting", "unavailable", "callback_saved", "ended")


class ConsultStatusScreen(Screen):
    screen_id = "consult.status"
    idle_seconds = 0  # waiting for a doctor is not idleness; the controller's own wait timeout ends it

    cancel_requested = Signal()
    callback_requested = Signal(str)  # the phone number as typed
    print_requested = Signal()
    finish_requested = Signal()

    def build(self) -> None:
        self._state, self._info, self._print_state = "connecting", {}, ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(72, 32, 72, 32)
        layout.setSpacing(18)
        self.heading = title()
        self.body = label(name="Body")
        self.body.setObjectName("ConsultStatusBody")
        self.advice = label(name="Body")
        self.advice.setObjectName("ConsultAdvice")
        self.phone = QLineEdit()
        self.phone.setObjectName("ConsultPhone")
        self.phone.setMaxLength(16)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.set_target(self.phone, mode="digits", modes=("digits",))
        self.status = label(name="OkText")
        for w in (self.heading, self.body, self.advice, self.phone, self.keyboard, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        self.cancel_button = action_button("secondary", "ConsultCancel", self.cancel_requested)
        self.print_button = action_button("secondary", "ConsultPrint", self.print_requested)
        self.callback_button = action_button("primary", "ConsultCallback",
                                             lambda: self.callback_requested.emit(self.phone.text()))
        self.finish_button = action_button("primary", "ConsultFinish", self.finish_requested)
        layout.addLayout(button_row(self.cancel_button, self.print_button, self.callback_button, self.finish_button))

    def enter(self, visit: Any, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("sample"):  # screenshots/self-test: waiting for the doctor on duty
            self.set_state("waiting", on_duty=["BS. Trần Thị Lan"], expected_wait_seconds=240)

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"sample": True}

    def set_state(self, state: str, **info: object) -> None:
        assert state in STATES, state
        self._state, self._info = state, dict(info)
        self._print_state = "" if state != "ended" else self._print_state
        self.status.setText(str(info.get("error", "")))
        self._render()

    def set_print_state(self, state: str) -> None:
        self._print_state = state
        self._render()

    def reset(self) -> None:
        super().reset()
        self.phone.clear()
        self._state, self._info, self._print_state = "connecting", {}, ""
        self._render()

    def _render(self) -> None:
        s, info = self._state, self._info
        names = ", ".join(info.get("on_duty") or [])  # type: ignore[arg-type]
        minutes = wait_minutes(info.get("expected_wait_seconds"))
        hours = str(info.get("duty_hours") or "")
        headings = {"connecting": self.tr("Finding a doctor on duty…"), "waiting": self.tr("Please wait a moment"),
                    "unavailable": self.tr("No doctor can answer right now"),
                    "callback_saved": self.tr("Your call-back request is saved"),
                    "ended": self.tr("The call has ended")}
        self.heading.setText(headings[s])
        if s == "waiting":
            text = self.tr("On duty: %1.").replace("%1", names)
            if minutes is not None:
                text += " " + self.tr("Expected wait: about %1 minutes.").replace("%1", str(minutes))
            text += " " + self.tr("Please stay in front of the screen; the call starts by itself.")
        elif s == "unavailable":
            why = {"network": self.tr("The connection to the ward health station was lost."),
                   "timeout": self.tr("Nobody could answer in time."),
                   "no-doctor": self.tr("No doctor is on duty at the moment.")}.get(str(info.get("reason")), "")
            text = why + " " + (self.tr("Duty hours: %1.").replace("%1", hours) if hours else "") + " " + self.tr(
                "Leave your phone number and a doctor will call you back.")
        elif s == "callback_saved":
            text = self.tr("Reference number: %1. It will be sent to the ward health station when the network is "
                           "available.").replace("%1", str(info.get("reference", "")))
        elif s == "ended":
            text = self.tr("Thank you. If you feel worse, call 115 or go to the ward health station.")
        else:
            text = ""
        self.body.setText(" ".join(text.split()))
        advice = str(info.get("advice_text") or "")
        self.advice.setVisible(s == "ended" and bool(advice))
        self.advice.setText(advice)
        asking = s == "unavailable"
        self.phone.setVisible(asking)
        self.keyboard.setVisible(asking)
        self.phone.setPlaceholderText(self.tr("Phone number"))
        self.cancel_button.setVisible(s in ("connecting", "waiting"))
        self.callback_button.setVisible(asking)
        self.print_button.setVisible(s == "ended" and bool(advice))
        self.print_button.setEnabled(self._print_state != "printing")
        self.finish_button.setVisible(s in ("unavailable", "callback_saved", "ended"))
        printing = {"printing": self.tr("Printing…"), "printed": self.tr("Please take the doctor's advice slip."),
                    "failed": self.tr("The slip could not be printed.")}
        if s == "ended":
            self.status.setText(printing.get(self._print_state, ""))

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.print_button.setText(self.tr("Print again"))
        self.callback_button.setText(self.tr("Ask for a call back"))
        self.finish_button.setText(self.tr("Finish"))
        self._render()
