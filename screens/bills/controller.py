"""The bill journey's decisions: scan → check against the official list → code to pay → slip. GUI thread.

The billers list is read when the screen opens (a small JSON file the sync pull keeps current). The amount comes
from the bill's code, the paper bill, or — for a biller with a look-up, when the resident leaves it empty — from
the hub, which asks the biller's adapter (through the hub service's worker thread; nothing here does I/O).
Logs carry the visit id and the verdict, never account numbers, customer codes or amounts (personal/financial
data)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from core.bills import BillersList, bill_for_customer, check_bill, payment_qr_for
from core.formats.result import Kind
from core.formats.vietqr import VietQRError
from kiosk.services.submit import ReceiptLine
from screens.bills.model import load_billers, slip_lines
from screens.scan.routing import begin_scan, end_scan

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from screens.bills.screen import BillsScreen

log = logging.getLogger(__name__)
MAX_BILL_AMOUNT = 500_000_000  # đồng; a household bill above this is a typing mistake


class BillsController:
    def __init__(self, ctx: AppContext, screen: BillsScreen) -> None:
        self.ctx, self.screen = ctx, screen
        self.billers = BillersList()
        self.bill: Any = None
        self.qr = ""
        self.jobs: list[str] = []
        self._lookup_visit: str | None = None  # the visit a pending amount look-up belongs to
        screen.scan_requested.connect(lambda widget: begin_scan(ctx, widget, {Kind.PAYMENT}, self.scanned))
        screen.scan_stopped.connect(lambda: end_scan(ctx))
        screen.biller_chosen.connect(self.choose)
        screen.customer_entered.connect(self.customer)
        screen.pay_requested.connect(self.pay)
        screen.print_requested.connect(self.print_slip)
        ctx.flow.visit_reset.connect(self.visit_over)
        screen.opened.connect(self.opened)

    def _visit(self) -> str:
        visit = self.screen.visit
        return str(getattr(visit, "id", "-")) if visit is not None else "-"

    def opened(self) -> None:
        self.billers = load_billers(self.ctx.data_dir)
        self.bill, self.qr = None, ""
        self.screen.set_billers(self.billers.billers)

    def scanned(self, result: Any) -> None:
        end_scan(self.ctx)
        self.screen.stop_scan()
        if getattr(result, "kind", None) != Kind.PAYMENT or result.value is None:
            log.info("visit %s: bill scan was not a bank payment code (%s)", self._visit(),
                     getattr(result, "reason", "") or getattr(result, "kind", "?"))
            self.screen.show_error("start", "not_a_bill")
            return
        self.show(check_bill(result.value, self.billers))

    def choose(self, biller_id: str) -> None:
        biller = self.billers.by_id(biller_id)
        if biller is not None:
            self.screen.ask_customer(biller)

    def customer(self, code: str, amount_text: str) -> None:
        biller = self.billers.by_id(self.screen.code_biller_id)
        digits = re.sub(r"[.\s,đ]", "", amount_text or "")
        if biller is None:
            return
        if not digits and biller.lookup:  # no amount typed: ask the biller's look-up through the hub
            self.look_up(biller, code)
            return
        try:
            amount = int(digits) if digits.isdigit() else 0
            if not 0 < amount <= MAX_BILL_AMOUNT:
                raise ValueError("amount")
            bill = bill_for_customer(biller, code, amount)
        except ValueError as exc:
            self.screen.show_error("code", "amount" if str(exc) == "amount" else "customer_code")
            return
        self.show(bill)

    def look_up(self, biller: Any, code: str) -> None:
        try:
            bill_for_customer(biller, code, None)  # the customer code's shape, before any request
        except ValueError:
            self.screen.show_error("code", "customer_code")
            return
        hub = self.ctx.services.hub
        if hub is None:
            self.screen.show_error("code", "lookup_failed")
            return
        self.screen.show_looking_up()
        visit = self._lookup_visit = self._visit()
        hub.bill_due(biller.id, code, lambda result: self._looked_up(visit, biller, code, result))

    def _looked_up(self, visit: str, biller: Any, code: str, result: Any) -> None:
        if visit != self._visit() or self._lookup_visit != visit or self.screen.code_biller_id != biller.id:
            return  # the resident left or chose another company meanwhile
        self._lookup_visit = None
        if not getattr(result, "ok", False):
            problem = "nothing_due" if getattr(result, "error_code", "") == "nothing_due" else "lookup_failed"
            log.info("visit %s: amount look-up for %s: %s", visit, biller.id, getattr(result, "error_code", "?"))
            self.screen.show_error("code", problem)
            return
        amount = result.data.get("amount") if isinstance(result.data, dict) else None
        if not isinstance(amount, int) or not 0 < amount <= MAX_BILL_AMOUNT:
            self.screen.show_error("code", "nothing_due" if amount == 0 else "lookup_failed")
            return
        log.info("visit %s: amount looked up for %s", visit, biller.id)
        self.show(bill_for_customer(biller, code, amount))

    def show(self, bill: Any) -> None:
        self.bill = bill
        log.info("visit %s: bill checked: %s (bank %s)", self._visit(),
                 f"listed biller {bill.biller.id}" if bill.listed else "PAYEE NOT LISTED, no payment code",
                 bill.bank_bin)
        self.screen.show_bill(bill)

    def pay(self) -> None:
        if self.bill is None or not self.bill.listed:
            return  # the button is hidden for an unlisted payee; a stray signal changes nothing
        try:
            self.qr = payment_qr_for(self.bill)
        except (ValueError, VietQRError) as exc:
            log.error("visit %s: cannot build the bill's payment code: %s", self._visit(), exc)
            return
        self.screen.show_qr(self.qr)

    def print_slip(self) -> None:
        printer, submit = self.ctx.services.printer, self.ctx.services.submit
        if printer is None or submit is None or not self.qr or self.bill is None:
            self.screen.set_printed(False)
            return
        vi = submit.language != "en"
        receipt = submit.slip("payment", "Thanh toán hóa đơn" if vi else "Bill payment",
                              tuple(ReceiptLine(k, v) for k, v in slip_lines(self.bill, vi)),
                              ("Kiểm tra tên và số tiền trong ứng dụng ngân hàng trước khi xác nhận." if vi else
                               "Check the name and amount in your bank app before you confirm.",),
                              qr_payload=self.qr)
        self.jobs.append(printer.print_receipt(receipt, lambda o: self.screen.set_printed(bool(o.ok))))

    def visit_over(self, _reason: str = "") -> None:
        self.bill, self.qr, self._lookup_visit = None, "", None
        printer = self.ctx.services.printer
        if printer is not None:
            for job in self.jobs:
                printer.forget(job)
        self.jobs.clear()
