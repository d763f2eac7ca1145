"""Thanh toán lệ phí (screen id ``payment``): the dossier's fee as a VietQR to pay with a banking app.

GUI thread; renders what the payment controller tells it and emits intents. States: ask (type or scan a
reference), busy, qr (waiting for the transfer, with a countdown), paid, expired, waited_out, later (offline:
a code from the last known payee, pay later), counter (pay at the ward office), payee_refused (the hub's payee
is not the one this station's configuration allows: counter or later), no_fee, already_paid,
unknown, not_yet (the dossier has not reached the ward office yet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from core.money import format_vnd
from core.visit import Visit
from screens.receipt.qr_view import QrView, stack_in_portrait
from screens.shell.screen import Screen
from screens.tracking.reference_entry import ReferenceEntry
from screens.widgets.basics import big_button, card, label, panel_is_portrait, px, restyle, scroll_area, title

if TYPE_CHECKING:
    from screens.payment.controller import PaymentController

QR_STATES = ("qr", "later")


class PaymentScreen(Screen):
    screen_id = "payment"
    controller: PaymentController | None
    idle_seconds = 300  # a resident paying with their phone touches nothing for minutes

    lookup_requested = Signal(str)
    scan_requested = Signal(object)
    scan_stopped = Signal()
    new_code_requested = Signal()
    check_requested = Signal()  # "I have transferred — check now": ask the hub at once
    pay_later_requested = Signal()  # stop waiting; the receipt code pays the fee later
    cancelled = Signal()
    opened = Signal(dict)  # the params the screen was entered with

    def build(self) -> None:
        self.state = "ask"
        self.info: dict[str, Any] = {}
        self.seconds_left = 0
        self.print_state: bool | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(16))
        self.heading = title()
        outer.addWidget(self.heading)
        self.pages = QStackedWidget()
        # the explanations scroll on a small panel or in large text; the buttons under them stay in view
        outer.addWidget(scroll_area(self.pages), 1)
        # ask: a reference
        self.ask_page = QWidget()
        ask = QVBoxLayout(self.ask_page)
        ask.setContentsMargins(0, 0, 0, 0)
        self.ask_hint = label(name="Subtitle")
        self.entry = ReferenceEntry()
        self.field = self.entry.field
        self.entry.submitted.connect(self.lookup_requested)
        self.entry.scan_requested.connect(self.scan_requested)
        self.entry.scan_stopped.connect(self.scan_stopped)
        self.ask_error = label(name="ErrorText")
        self.ask_error.hide()
        ask.addWidget(self.ask_hint)
        ask.addWidget(self.entry)
        ask.addWidget(self.ask_error)
        ask.addStretch(1)
        # result: message, details, the QR
        self.result_page = QWidget()
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.result_page)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(px(36))
        info, info_layout = card()
        self.message = label(name="Headline")
        self.amount = label(name="Amount", wrap=False)
        self.payee = label()
        self.detail = label(name="Subtitle")
        self.countdown = label(name="OkText")
        self.printing = label()
        for w in (self.message, self.amount, self.payee, self.detail, self.countdown, self.printing):
            info_layout.addWidget(w)
        info_layout.addStretch(1)
        self.body.addWidget(info, 3)
        self.qr_box = QWidget()
        qr_layout = QVBoxLayout(self.qr_box)
        qr_layout.setContentsMargins(0, 0, 0, 0)
        self.qr = QrView(420)
        self.qr_caption = label(name="Subtitle")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        qr_layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_layout.addWidget(self.qr_caption)  # no alignment flag: a wrapped label then gets its full height
        qr_layout.addStretch(1)
        self.body.addWidget(self.qr_box, 2)
        self.pages.addWidget(self.ask_page)
        self.pages.addWidget(self.result_page)
        # Side by side in landscape; stacked on an upright panel, where two long labels would not fit.
        self.buttons = buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.setSpacing(px(24))
        # While waiting, each button says what it does: one ambiguous "Finish" left residents unsure
        # whether it meant "I have paid" or "cancel" (issue 17).
        self.new_code_button = big_button(role="secondary")
        self.pay_later_button = big_button(role="secondary")
        self.check_button = big_button()
        self.finish_button = big_button()
        for button in (self.new_code_button, self.pay_later_button, self.check_button, self.finish_button):
            buttons.addWidget(button, 1)
        outer.addLayout(buttons)
        self.new_code_button.clicked.connect(self.new_code_requested)
        self.pay_later_button.clicked.connect(self.pay_later_requested)
        self.check_button.clicked.connect(self._check_clicked)
        self.finish_button.clicked.connect(self.home_requested)
        self.checking = False  # a "check now" is on its way to the hub
        self.not_yet_seen = False  # the last "check now" found no transfer yet

    def stop_scan(self) -> None:
        self.entry.stop_scan()

    # -- state in ------------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.opened.emit(dict(params))
        if params.get("sample_state"):
            self.show_state(params["sample_state"], params.get("sample_info") or {})
            self.set_countdown(int(params.get("sample_seconds") or 0))

    def leave(self) -> None:
        self.stop_scan()
        self.cancelled.emit()

    def reset(self) -> None:
        super().reset()
        self.entry.clear()
        self.cancelled.emit()
        self.show_state("ask", {})

    def show_state(self, state: str, info: dict[str, Any] | None = None) -> None:
        """``info``: reference, amount, bank, account, payee_name, qr, error."""
        self.state = state
        self.info = dict(info or {})
        if state != "qr":
            self.seconds_left = 0
            self.checking = self.not_yet_seen = False
        if state not in ("qr", "later"):
            self.print_state = None
        self.qr.set_payload(self.info.get("qr", "") if state in QR_STATES else "")
        self.pages.setCurrentWidget(self.ask_page if state == "ask" else self.result_page)
        if state != "ask":
            self.stop_scan()
        self.retranslate()

    def set_countdown(self, seconds: int) -> None:
        self.seconds_left = max(0, int(seconds))
        self.retranslate()

    def _check_clicked(self) -> None:
        self.checking, self.not_yet_seen = True, False
        self.retranslate()
        self.check_requested.emit()

    def set_check_result(self, paid: bool) -> None:
        """The answer to "check now": paid moves on by itself (show_state); not yet is said in words."""
        self.checking, self.not_yet_seen = False, not paid
        self.retranslate()

    def set_printed(self, ok: bool | None) -> None:
        self.print_state = ok
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------
    def _messages(self) -> dict[str, tuple[str, str]]:
        return {
            "busy": (self.tr("Preparing your payment…"), ""),
            "qr": (self.tr("Scan this code with your banking app"),
                   self.tr("The amount and the transfer message are filled in for you. Do not change them.")),
            "paid": (self.tr("Payment received. Thank you!"),
                     self.tr("The ward office has recorded your payment.")),
            "expired": (self.tr("This payment code has expired."),
                        self.tr("If you have not paid yet, make a new code.")),
            "waited_out": (self.tr("We stopped waiting for the payment."),
                           self.tr("If you have already paid, nothing is lost: the ward office will see it. "
                                   "You can also make a new code.")),
            "later": (self.tr("This station is offline: you can pay later with this code"),
                      self.tr("The code is printed on your slip. Scan it with your banking app when you like; "
                              "the transfer message carries your reference.")),
            "counter": (self.tr("The fee cannot be paid at this station now."),
                        self.tr("Please pay at the ward office counter. Keep your reference number.")),
            # the hub named a payee this station's configuration does not allow (issue 13): no code is shown
            "payee_refused": (self.tr("For your safety, this station cannot show a payment code right now."),
                              self.tr("Please pay at the ward office counter, or later at any station with the "
                                      "code on your dossier receipt. Keep your reference number.")),
            "deferred": (self.tr("You can pay this fee later with your receipt code"),
                         self.tr("Nothing is lost: the dossier is kept. Later, open \"Pay fees\" at any station "
                                 "and scan or type the code on your dossier receipt, or pay at the ward office "
                                 "counter.")),
            "no_fee": (self.tr("There is no fee to pay for this dossier."), ""),
            "already_paid": (self.tr("This fee has already been paid."), ""),
            "unknown": (self.tr("We found no dossier with this reference."),
                        self.tr("Please check the number on your receipt, or ask the staff.")),
            "not_yet": (self.tr("This dossier has not reached the ward office yet."),
                        self.tr("Please pay once it has been received, or pay at the ward office counter.")),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pay fees"))
        self.ask_hint.setText(self.tr("Scan the code on your dossier receipt, or touch the box and type its "
                                      "reference number."))
        self.entry.retranslate(self.tr("Continue  ▶"))
        error = self.info.get("error") if self.state == "ask" else None
        self.ask_error.setText(self.tr("This is not a reference number we know.") if error else "")
        self.ask_error.setVisible(bool(error))
        message, detail = self._messages().get(self.state, ("", ""))
        good = self.state in ("busy", "qr", "paid", "later", "deferred", "no_fee", "already_paid")
        self.message.setText(message)
        self.message.setProperty("tone", "ok" if good else "error")
        restyle(self.message)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        amount = self.info.get("amount")
        show_money = self.state in ("qr", "later", "paid", "counter", "payee_refused", "deferred") and bool(amount)
        self.amount.setText(format_vnd(amount) if show_money else "")
        self.amount.setVisible(show_money)
        ref = self.info.get("reference") or ""
        payee_lines = []
        if self.state in QR_STATES and self.info.get("bank"):
            payee_lines += [self.tr("Bank: %1").replace("%1", self.info["bank"]),
                            self.tr("Account holder: %1").replace("%1", self.info.get("payee_name", "")),
                            self.tr("Account number: %1").replace("%1", self.info.get("account", ""))]
        if ref:
            payee_lines.append(self.tr("Reference: %1").replace("%1", ref))
        self.payee.setText("\n".join(payee_lines))
        self.payee.setVisible(bool(payee_lines))
        if self.state == "qr" and self.checking:
            self.countdown.setText(self.tr("Checking with the ward office…"))
        elif self.state == "qr" and self.not_yet_seen:
            self.countdown.setText(self.tr("The transfer has not arrived yet. Banks can take a minute: "
                                           "please wait, then check again."))
        elif self.state == "qr" and self.seconds_left:
            minutes, seconds = divmod(self.seconds_left, 60)
            self.countdown.setText(self.tr("Waiting for your payment… %1 left").replace(
                "%1", f"{minutes}:{seconds:02d}"))
        else:
            self.countdown.setText("")
        self.countdown.setVisible(bool(self.countdown.text()))
        printing = {None: "", True: self.tr("A slip with this code has been printed for you."),
                    False: self.tr("The slip could not be printed: please photograph the code.")}
        self.printing.setText(printing.get(self.print_state, "") if self.state in QR_STATES else "")
        self.printing.setVisible(bool(self.printing.text()))
        self.qr_caption.setText(self.tr("VietQR: any Vietnamese banking app"))
        self.qr_box.setVisible(self.state in QR_STATES)
        self.new_code_button.setText(self.tr("Make a new code"))
        self.new_code_button.setVisible(self.state in ("expired", "waited_out"))
        waiting = self.state == "qr"
        self.check_button.setText(self.tr("I have transferred — check now"))
        self.check_button.setVisible(waiting)
        self.check_button.setEnabled(not self.checking)
        self.pay_later_button.setText(self.tr("Pay later with the receipt code"))
        self.pay_later_button.setVisible(waiting)
        self.finish_button.setText(self.tr("Back to the home screen"))
        self.finish_button.setVisible(self.state not in ("ask", "qr"))

    def resizeEvent(self, event: QEvent) -> None:
        stack_in_portrait(self.body, self, qr_first=True)
        self.buttons.setDirection(QBoxLayout.Direction.TopToBottom if panel_is_portrait(self)
                                  else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def title(self) -> str:
        return self.tr("Pay fees")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        from screens.payment.model import Payee, payment_qr

        payee = Payee("970436", "0071000123456", "CONG AN PHUONG BEN NGHE", "HCM")
        ref = "BN01-261121-0007"
        return {"sample_state": "qr", "sample_seconds": 272, "sample_info": {
            "reference": ref, "amount": 10000, "bank": payee.bank_name, "account": payee.account,
            "payee_name": payee.name, "qr": payment_qr(payee, 10000, ref)}}
