"""The shared "done" screen (id ``receipt.done``): reference, honest status, tracking QR, print outcome.

GUI thread; renders state only. The receipt controller feeds it the print outcome and the row's sync
status read from the database (DESIGN §3.7). Params (set by kiosk.services.submit): ``kind``, ``reference``
(local ref), ``uuid``, ``service``, ``qr``, ``printed`` (None = printing, True, False), ``print_reason``,
``fee`` (đồng or None), optional ``status`` ("queued" | "sent" | "rejected") and ``hub_reference``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from core.money import format_vnd  # "20.000 đ", the same as on the printed receipt
from core.visit import Visit
from screens.receipt.qr_view import QrView, stack_in_portrait
from screens.shell.screen import Screen, sentences
from screens.widgets.basics import big_button, card, label, px, restyle, scrolling, title
from screens.widgets.fit_row import FitRow

if TYPE_CHECKING:
    from screens.receipt.controller import ReceiptController


class DoneScreen(Screen):
    screen_id = "receipt.done"
    controller: ReceiptController | None
    show_nav = False  # the submission is made: there is no going back into it

    watch_requested = Signal(str)  # uuid: keep me told about this row's status
    watch_stopped = Signal()
    pay_requested = Signal(dict)  # {"reference", "amount", "service"}
    reprint_requested = Signal(str)  # uuid

    def build(self) -> None:
        self.params: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(64), px(40), px(64), px(32))
        outer.setSpacing(px(20))
        self.heading = title()
        outer.addWidget(self.heading)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(px(40))
        outer.addWidget(scrolling(self.body), 1)  # the details scroll if they must; "Finish" stays in view
        info, info_layout = card()
        self.ref_caption = label(name="Subtitle")
        self.reference = label(name="BigReference", wrap=False)
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.status = label(name="OkText")
        self.service = label()
        self.print_state = label()
        self.advice = label(name="Subtitle")
        self.reprint_button = big_button(role="secondary")
        self.reprint_button.clicked.connect(self._reprint)
        for w in (self.ref_caption, self.reference, self.service, self.status, self.print_state,
                  self.advice):
            info_layout.addWidget(w)
        info_layout.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        info_layout.addStretch(1)
        self.body.addWidget(info, 3)
        qr_box = QWidget()
        qr_layout = QVBoxLayout(qr_box)
        qr_layout.setContentsMargins(0, 0, 0, 0)
        self.qr = QrView(380)
        self.qr_caption = label(name="Subtitle")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        qr_layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_layout.addWidget(self.qr_caption)  # no alignment flag: a wrapped label then gets its full height
        qr_layout.addStretch(1)
        self.body.addWidget(qr_box, 2)
        buttons = FitRow(spacing=px(24))  # side by side, or one under the other when their words need the width
        self.pay_button = big_button(role="ok")
        self.finish_button = big_button()
        buttons.add(self.pay_button)
        buttons.add(self.finish_button)
        outer.addLayout(buttons)
        self.finish_button.clicked.connect(lambda: self.home_requested.emit())
        self.pay_button.clicked.connect(self._pay)

    # -- state in ------------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.params = dict(params)
        self.qr.set_payload(str(self.params.get("qr") or ""))
        self.retranslate()
        if self.params.get("uuid"):
            self.watch_requested.emit(str(self.params["uuid"]))

    def leave(self) -> None:
        self.watch_stopped.emit()

    def reset(self) -> None:
        super().reset()
        self.watch_stopped.emit()
        self.params = {}
        self.qr.clear()
        self.retranslate()

    def show_print(self, reference: str, ok: bool, reason: str) -> None:
        """The receipt of ``reference`` printed (or not)."""
        if reference != self.params.get("reference"):
            return
        self.params["printed"], self.params["print_reason"] = ok, reason
        self.retranslate()

    def show_status(self, reference: str, status: str, hub_reference: str | None) -> None:
        """The row's sync status as the database has it."""
        if reference != self.params.get("reference"):
            return
        self.params["status"], self.params["hub_reference"] = status, hub_reference
        self.retranslate()

    def _reprint(self) -> None:
        if self.params.get("uuid") and self.params.get("printed") is False:
            self.params["printed"], self.params["print_reason"] = None, ""
            self.retranslate()
            self.reprint_requested.emit(str(self.params["uuid"]))

    def _pay(self) -> None:
        fee = self.params.get("fee")
        if fee:
            self.pay_requested.emit({"reference": self.params.get("reference"), "amount": int(fee),
                                     "service": self.params.get("service") or ""})

    # -- texts ---------------------------------------------------------------------------------------------
    def _headings(self) -> dict[str, str]:
        return {"dossier": self.tr("Your dossier has been saved"), "report": self.tr("Your report has been saved"),
                "health": self.tr("Your results have been saved")}

    def status_text(self) -> str:
        status = self.params.get("status") or "queued"
        if status == "sent":
            return self.tr("Received by the ward office")
        if status == "rejected":
            return self.tr("Saved at this station. Staff must check it before it can be sent.")
        return self.tr("Saved at this station, will be sent when online")

    def print_text(self) -> tuple[str, bool]:
        printed = self.params.get("printed")
        if printed is None:
            return self.tr("Printing your receipt…"), True
        if printed:
            return self.tr("Your receipt has been printed. Please take it and keep it."), True
        reason = self.params.get("print_reason") or ""
        why = {"paper_out": self.tr("The receipt could not be printed: the printer is out of paper."),
               "offline": self.tr("The receipt could not be printed: the printer is not working."),
               "unavailable": self.tr("The receipt could not be printed: this station has no printer working."),
               }.get(reason, self.tr("The receipt could not be printed."))
        return why, False

    def retranslate(self) -> None:
        p = self.params
        self.heading.setText(self._headings().get(p.get("kind", ""), self.tr("Saved")))
        # one code for the resident (issue 17): the station's reference, which the hub knows too
        self.ref_caption.setText(self.tr("Your code — please keep it to track or pay"))
        self.reference.setText(str(p.get("reference") or ""))
        service = p.get("service") or ""
        self.service.setText(self.tr("Service: %1").replace("%1", service) if service else "")
        self.service.setVisible(bool(service))
        self.status.setText(self.status_text())
        text, ok = self.print_text()
        self.print_state.setText(text)
        self.print_state.setObjectName("Body" if ok else "ErrorText")
        restyle(self.print_state)
        if ok:
            self.advice.setText(self.tr("You can look it up with this reference at any station (“Track a dossier”), "
                                        "or photograph the code."))
        else:
            self.advice.setText(self.tr("Nothing is lost: your request is saved. Please photograph the code or "
                                        "write down the reference number. Staff can print the receipt again "
                                        "for you."))
        report = p.get("kind") == "report"
        self.reprint_button.setText(self.tr("Print the receipt again"))
        self.reprint_button.setVisible(p.get("printed") is False and p.get("print_reason") != "unavailable"
                                       and bool(p.get("uuid")))
        self.qr_caption.setText(self.tr("Photograph this code to follow your report") if report
                                else self.tr("Photograph this code to track your dossier"))
        fee = p.get("fee")
        self.pay_button.setText(self.tr("Pay the fee now (%1)").replace("%1", format_vnd(fee)) if fee else "")
        self.pay_button.setVisible(bool(fee))
        self.finish_button.setText(self.tr("Finish"))

    def resizeEvent(self, event: QEvent) -> None:
        stack_in_portrait(self.body, self)
        super().resizeEvent(event)

    def spoken_text(self) -> str:
        # the reference read out too: it is what the resident must keep (not personal data)
        # letter by letter, so the voice spells it; a pause for each dash
        reference = ", ".join(" ".join(group) for group in self.reference.text().split("-"))
        return sentences([self.heading.text(), f"{self.ref_caption.text()}: {reference}", self.advice.text()])

    def title(self) -> str:
        return self.tr("Saved")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"kind": "dossier", "reference": "BN01-261121-0007", "uuid": "", "service": "Đăng ký thường trú",
                "qr": "TCDS|1|BN01-261121-0007", "printed": False, "print_reason": "paper_out", "fee": 10000}
