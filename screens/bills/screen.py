"""Thanh toán hóa đơn: the pages of the bill journey. GUI thread; renders what the controller says, emits intents.

Pages: start (scan the bill's code, or pick a biller), pick (the official billers), code (customer code and the
amount on the paper bill), check (large text: receiver, amount, what for, and the verdict), qr (the code to pay
with the resident's own bank app, and the slip).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from core.bills import Bill, Biller
from core.money import format_vnd
from core.visit import Visit
from screens.bills.model import bank_name
from screens.keyboard import OnScreenKeyboard
from screens.receipt.qr_view import QrView
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, px, scroll_area, title
from screens.widgets.blocks import FocusWatcher

if TYPE_CHECKING:
    from screens.bills.controller import BillsController

PAGES = ("start", "pick", "code", "check", "qr")


class BillsScreen(Screen):
    screen_id = "bills"
    controller: BillsController | None
    idle_seconds = 300  # paying with a phone takes minutes without touching the kiosk

    scan_requested = Signal(object)  # the ScanWidget
    scan_stopped = Signal()
    biller_chosen = Signal(str)  # biller id
    customer_entered = Signal(str, str)  # customer code, amount text
    pay_requested = Signal()
    print_requested = Signal()
    opened = Signal()  # entered: the controller reads the billers list again

    def build(self) -> None:
        self.page = "start"
        self.bill: Bill | None = None
        self.billers: tuple[Biller, ...] = ()
        self.code_biller_id = ""
        self.code_lookup = False  # the chosen biller tells the amount due by customer code (through the hub)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(16))
        self.heading = title()
        outer.addWidget(self.heading)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self._pages: dict[str, QWidget] = {}
        builders = {"start": self._build_start, "pick": self._build_pick, "code": self._build_code,
                    "check": self._build_check, "qr": self._build_qr}
        for name in PAGES:
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(px(16))
            # each page scrolls on its own when a small panel or large text needs it (the stack is as tall as its
            # tallest page otherwise)
            self._pages[name] = wrapper = scroll_area(page)
            self.pages.addWidget(wrapper)
            builders[name](box)

    # -- pages ---------------------------------------------------------------------------------------------
    def _build_start(self, box: QVBoxLayout) -> None:
        self.start_hint = label(name="Subtitle")
        row = QHBoxLayout()
        self.scan_button, self.pick_button = big_button(), big_button(role="secondary")
        row.addWidget(self.scan_button)
        row.addWidget(self.pick_button)
        self.bhyt_button = big_button(role="secondary")  # family health insurance: screens/bhyt
        self.bhyt_button.clicked.connect(lambda: self.navigate.emit("bhyt", {}))
        self.scan = ScanWidget()
        self.scan.hide()
        self.scan.cancelled.connect(self.stop_scan)
        self.start_error = label(name="ErrorText")
        self.start_error.hide()
        for w in (self.start_hint,):
            box.addWidget(w)
        box.addLayout(row)
        box.addWidget(self.bhyt_button)
        box.addWidget(self.start_error)
        box.addWidget(self.scan, 1)
        box.addStretch(0)
        self.scan_button.clicked.connect(self.start_scan)
        self.pick_button.clicked.connect(lambda: self.show_page("pick"))

    def _build_pick(self, box: QVBoxLayout) -> None:
        self.pick_hint = label(name="Subtitle")
        self.no_billers = label(name="Body")
        box.addWidget(self.pick_hint)
        box.addWidget(self.no_billers)
        self.biller_box = QVBoxLayout()
        box.addLayout(self.biller_box)
        box.addStretch(1)

    def _build_code(self, box: QVBoxLayout) -> None:
        self.code_biller = label(name="ScreenTitle")
        self.code_label, self.amount_label = label(name="Body"), label(name="Body")
        self.code_field, self.amount_field = QLineEdit(), QLineEdit()
        for field in (self.code_field, self.amount_field):
            field.setMaxLength(30)
            field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.code_error = label(name="ErrorText")
        self.code_error.hide()
        self.code_go = big_button()
        self.keyboard = OnScreenKeyboard(enter_key=True)
        self.keyboard.hide()  # shown when a box is touched (the other pages must not be sized for it)
        for w in (self.code_biller, self.code_label, self.code_field, self.amount_label, self.amount_field,
                  self.code_error, self.code_go):
            box.addWidget(w)
        box.addWidget(self.keyboard)
        self._focus = FocusWatcher(self._point_keyboard)
        for field in (self.code_field, self.amount_field):
            field.installEventFilter(self._focus)
        self.code_go.clicked.connect(self._customer_entered)
        self.keyboard.submitted.connect(self._customer_entered)

    def _build_check(self, box: QVBoxLayout) -> None:
        self.verdict = label(name="OkText")
        panel, inner = card()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        inner.addLayout(grid)
        self.lines: dict[str, tuple[Any, Any]] = {}
        for row, key in enumerate(("receiver", "amount", "purpose", "account")):
            caption, value = label(name="Subtitle"), label(name="ScreenTitle" if row < 2 else "Body")
            value.setTextFormat(Qt.TextFormat.PlainText)  # names come from a scanned code: never markup
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.lines[key] = (caption, value)
        grid.setColumnStretch(1, 1)
        self.advice = label(name="Body")
        self.pay_button = big_button()
        box.addWidget(self.verdict)
        box.addWidget(panel)
        box.addWidget(self.advice)
        box.addWidget(self.pay_button)
        box.addStretch(1)
        self.pay_button.clicked.connect(self.pay_requested)

    def _build_qr(self, box: QVBoxLayout) -> None:
        self.qr_hint = label(name="Subtitle")
        row = QHBoxLayout()
        row.setSpacing(px(32))
        self.qr = QrView(420)
        side = QVBoxLayout()
        self.qr_summary = label(name="ScreenTitle")
        self.print_button = big_button(role="secondary")
        self.print_state = label(name="Body")
        for w in (self.qr_summary, self.print_button, self.print_state):
            side.addWidget(w)
        side.addStretch(1)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side, 1)
        box.addWidget(self.qr_hint)
        box.addLayout(row)
        box.addStretch(1)
        self.print_button.clicked.connect(self.print_requested)

    # -- state in ------------------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        if name != "start":
            self.stop_scan()
        self.page = name
        self.pages.setCurrentWidget(self._pages[name])

    def set_billers(self, billers: tuple[Biller, ...]) -> None:
        self.billers = billers
        while self.biller_box.count():
            item = self.biller_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for biller in billers[:8]:  # a ward lists a handful; more would need search (not needed yet)
            button = big_button(biller.name, role="secondary")
            button.clicked.connect(lambda _=False, b=biller.id: self.biller_chosen.emit(b))
            self.biller_box.addWidget(button)
        self.no_billers.setVisible(not billers)

    def ask_customer(self, biller: Biller) -> None:
        self.code_biller_id = biller.id
        self.code_lookup = biller.lookup
        self.retranslate()  # the amount's label says whether it may be left empty
        self.code_biller.setText(biller.name)
        self.code_field.clear()
        self.amount_field.clear()
        self.code_error.hide()
        self._point_keyboard(self.code_field)
        self.show_page("code")

    def show_error(self, where: str, problem: str) -> None:
        """``problem``: "not_a_bill", "amount", "customer_code", "lookup_failed" or "nothing_due"."""
        self.code_go.setEnabled(True)
        texts = {"lookup_failed": self.tr("The station could not ask the company for the amount right now. Please "
                                          "type the amount printed on your bill."),
                 "nothing_due": self.tr("The company says no bill is due for this customer code. Please check the "
                                        "code on your bill."),
                 "not_a_bill": self.tr("This is not a bank payment code (VietQR). Please scan the code printed on "
                                       "the bill, or choose the company."),
                 "amount": self.tr("Please type the amount in đồng, digits only."),
                 "customer_code": self.tr("Please type the customer code as printed on the bill.")}
        widget = self.start_error if where == "start" else self.code_error
        widget.setText(texts[problem])
        widget.show()

    def show_looking_up(self) -> None:
        self.code_error.setText(self.tr("Asking the company for the amount due…"))
        self.code_error.show()
        self.code_go.setEnabled(False)

    def show_bill(self, bill: Bill) -> None:
        self.code_go.setEnabled(True)
        self.bill = bill
        self._render_bill()
        self.show_page("check")

    def show_qr(self, payload: str) -> None:
        self.qr.set_payload(payload)
        self.print_state.clear()
        self._render_qr()
        self.show_page("qr")

    def set_printed(self, ok: bool) -> None:
        self.print_state.setText(self.tr("The slip is printed. Please take it.") if ok else
                                 self.tr("The slip could not be printed. Please photograph the code instead."))

    # -- intents -------------------------------------------------------------------------------------------
    def start_scan(self) -> None:
        self.start_error.hide()
        self.scan.show()
        self.scan_requested.emit(self.scan)

    def stop_scan(self) -> None:
        if not self.scan.isHidden():
            self.scan.hide()
            self.scan_stopped.emit()

    def _point_keyboard(self, box: Any) -> None:
        """Customer codes mix letters and digits; amounts are digits only."""
        self.keyboard.show()
        if box is self.amount_field:
            self.keyboard.set_target(self.amount_field, "digits", telex=False, modes=("digits",))
        else:
            self.keyboard.set_target(self.code_field, "letters", telex=False)

    def _customer_entered(self) -> None:
        self.customer_entered.emit(self.code_field.text(), self.amount_field.text())

    # -- screen life ---------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        self.start_error.hide()
        self.show_page("start")
        self.opened.emit()

    def leave(self) -> None:
        self.stop_scan()

    def reset(self) -> None:
        super().reset()
        self.bill = None
        self.qr.clear()
        self.code_field.clear()
        self.amount_field.clear()
        self.show_page("start")

    def title(self) -> str:
        return self.tr("Pay a bill")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pay a bill"))
        self.start_hint.setText(self.tr("Scan the payment code printed on your bill, or choose the company and "
                                        "type your customer code. The station checks who will receive the money."))
        self.scan_button.setText(self.tr("▣  Scan the bill's code"))
        self.pick_button.setText(self.tr("Choose the company"))
        self.bhyt_button.setText(self.tr("Family health insurance: register or renew"))
        self.scan.set_prompt(self.tr("Hold the payment code on your bill in front of the camera"))
        self.pick_hint.setText(self.tr("Official billers published by the ward"))
        self.no_billers.setText(self.tr("The ward has not published a list of official billers yet. Please pay at "
                                        "the company's office or ask the staff."))
        self.code_label.setText(self.tr("Customer code (printed on your bill)"))
        self.amount_label.setText(self.tr("Amount in đồng (leave it empty: the station asks the company)")
                                  if self.code_lookup
                                  else self.tr("Amount in đồng (printed on your bill)"))
        self.code_go.setText(self.tr("Continue"))
        self.pay_button.setText(self.tr("Show the code to pay"))
        self.qr_hint.setText(self.tr("Open your own bank app, choose \"Scan QR\" and scan this code. Check the name "
                                     "and the amount in your app before you confirm."))
        self.print_button.setText(self.tr("Print a slip"))
        if self.bill is not None:
            self._render_bill()
            self._render_qr()

    def _render_bill(self) -> None:
        bill = self.bill
        if bill is None:
            return
        listed = bill.biller is not None
        receiver = bill.biller.name if listed else (bill.receiver or self.tr("(no name in the code)"))
        account = f"{bank_name(bill.bank_bin)} · {bill.account}"
        if bill.name_differs:
            account += "\n" + self.tr("Name in the bill's code: %1").replace("%1", bill.receiver)
        amount = format_vnd(bill.amount) if bill.amount else self.tr("No amount in the code")
        texts = {"receiver": (self.tr("Who receives the money"), receiver),
                 "amount": (self.tr("Amount"), amount),
                 "purpose": (self.tr("What it is for"), bill.purpose or self.tr("(not stated)")),
                 "account": (self.tr("Bank and account"), account)}
        for key, (caption, value) in texts.items():
            self.lines[key][0].setText(caption)
            self.lines[key][1].setText(value)
        self.verdict.setObjectName("OkText" if listed else "Emergency")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        if listed:
            self.verdict.setText(self.tr("✓ This account belongs to an official biller on the ward's list."))
            self.advice.setText("" if bill.amount else self.tr("The code has no amount: please choose the company "
                                                               "and type the amount printed on the bill."))
        else:
            self.verdict.setText(self.tr("⚠ WARNING: this account is NOT on the ward's list of official billers."))
            self.advice.setText(self.tr("Someone may have replaced the code on the bill. Do not pay with this code. "
                                        "Please check with the company that sent the bill, or ask the staff."))
        self.pay_button.setVisible(listed and bool(bill.amount))

    def _render_qr(self) -> None:
        if self.bill is not None and self.bill.biller is not None and self.bill.amount:
            self.qr_summary.setText(f"{format_vnd(self.bill.amount)}\n{self.bill.biller.name}")
