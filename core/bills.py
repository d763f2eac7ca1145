"""Paying a bill safely: the official billers list and the check of a bill's payee against it (pure; any thread).

A bill's payment QR is a classic scam vector: a sticker over the real code sends the money to someone else. The
ward keeps a list of official billers on the hub (published with ``kiosk-hub billers publish FILE``, distributed
to kiosks like the catalogue, with an ETag). The kiosk shows a bill only together with the verdict of
:func:`check_bill`, and the payment code it shows is built from the LIST's bank and account, never copied from
the scanned code (DESIGN §5). The product ships an empty list: no biller data is invented here.

List format (JSON, UTF-8)::

    {"format": 1, "billers": [
        {"id": "evn-hanoi", "name": "Tổng công ty Điện lực TP Hà Nội", "kind": "electricity",
         "bank_bin": "970436", "account": "0011000000000", "source": "where the ward got this account from",
         "lookup": false}]}

``kind`` is one of :data:`KINDS`; ``lookup`` says the hub has an adapter that tells the amount due by customer code.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from core.formats.vietqr import VietQR, VietQRError, parse_vietqr

FORMAT = 1
KINDS = ("electricity", "water", "internet", "telephone", "school", "television", "other")
MAX_BILLERS = 2000
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,47}")
_BIN = re.compile(r"[0-9]{6}")
_ACCOUNT = re.compile(r"[0-9A-Za-z]{1,19}")
CUSTOMER_CODE = re.compile(r"[0-9A-Za-z-]{3,30}")


class BillersRefused(ValueError):
    """The list is not valid; ``problems`` are JSONPath-like locations with what is wrong (for the publisher)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


@dataclass(frozen=True)
class Biller:
    id: str
    name: str
    kind: str
    bank_bin: str
    account: str
    source: str
    lookup: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "bank_bin": self.bank_bin,
                "account": self.account, "source": self.source, "lookup": self.lookup}


@dataclass(frozen=True)
class BillersList:
    billers: tuple[Biller, ...] = ()

    def by_id(self, biller_id: str) -> Biller | None:
        return next((b for b in self.billers if b.id == biller_id), None)

    def find(self, bank_bin: str, account: str) -> Biller | None:
        """The listed biller that owns this bank account (account compared without case or spaces)."""
        wanted = account.replace(" ", "").upper()
        return next((b for b in self.billers if b.bank_bin == bank_bin and b.account.upper() == wanted), None)

    def as_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "billers": [b.as_json() for b in self.billers]}


def _text(value: Any, limit: int) -> str | None:
    if not isinstance(value, str) or not value.strip() or len(value) > limit or "\x00" in value:
        return None
    return value.strip()


def parse_billers(doc: Any) -> BillersList:
    """Validate a billers list document. Raises :class:`BillersRefused` listing every problem."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("billers"), list):
        raise BillersRefused([f"$: an object with \"format\": {FORMAT} and a \"billers\" list"])
    if len(doc["billers"]) > MAX_BILLERS:
        raise BillersRefused([f"$.billers: more than {MAX_BILLERS} billers"])
    problems: list[str] = []
    billers: list[Biller] = []
    seen_ids: set[str] = set()
    seen_accounts: set[tuple[str, str]] = set()
    for i, item in enumerate(doc["billers"]):
        where = f"$.billers[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: not an object")
            continue
        bid, name, source = item.get("id"), _text(item.get("name"), 120), _text(item.get("source"), 300)
        bank_bin, account, kind = item.get("bank_bin"), item.get("account"), item.get("kind")
        if not (isinstance(bid, str) and _ID.fullmatch(bid)):
            problems.append(f"{where}.id: lower-case letters, digits, '.', '_' or '-' (1-48)")
        elif bid in seen_ids:
            problems.append(f"{where}.id: {bid!r} is listed twice")
        if name is None:
            problems.append(f"{where}.name: the biller's official name (1-120 characters)")
        if source is None:
            problems.append(f"{where}.source: where the ward got this account from (1-300 characters)")
        if kind not in KINDS:
            problems.append(f"{where}.kind: one of {', '.join(KINDS)}")
        if not (isinstance(bank_bin, str) and _BIN.fullmatch(bank_bin)):
            problems.append(f"{where}.bank_bin: the bank's 6-digit NAPAS BIN")
        if not (isinstance(account, str) and _ACCOUNT.fullmatch(account)):
            problems.append(f"{where}.account: 1-19 letters or digits")
        elif isinstance(bank_bin, str) and (bank_bin, account.upper()) in seen_accounts:
            problems.append(f"{where}.account: the same account is listed twice")
        if not isinstance(item.get("lookup", False), bool):
            problems.append(f"{where}.lookup: true or false")
        if problems or name is None or source is None:
            continue  # keep checking the others: the publisher gets every problem at once
        bid, bank_bin, account, kind = str(bid), str(bank_bin), str(account), str(kind)
        seen_ids.add(bid)
        seen_accounts.add((bank_bin, account.upper()))
        billers.append(Biller(bid, name, kind, bank_bin, account, source, bool(item.get("lookup", False))))
    if problems:
        raise BillersRefused(problems)
    return BillersList(tuple(billers))


def billers_digest(billers: BillersList) -> str:
    body = json.dumps(billers.as_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(body).hexdigest()


def billers_etag(version: int, sha256: str) -> str:
    """The HTTP entity tag of a published list (same shape as the catalogue's)."""
    return f'"billers-{int(version)}-{sha256[:16]}"'


@dataclass(frozen=True)
class Bill:
    """What the resident is about to pay: shown in large text before any payment code."""

    bank_bin: str
    account: str
    receiver: str  # the name in the bill's QR (59), or the listed biller's name
    amount: int | None  # None: the bill's QR carries no amount
    purpose: str  # "nội dung" (62/08) or the customer code
    biller: Biller | None  # the listed biller; None = NOT on the official list

    @property
    def listed(self) -> bool:
        return self.biller is not None

    @property
    def name_differs(self) -> bool:
        """The QR's receiver name is not the listed biller's (shown beside the official name)."""
        return self.biller is not None and bool(self.receiver) and self.receiver != self.biller.name


class NotABill(ValueError):
    """The scanned text is not a VietQR bank-transfer code (``code`` for the log, never the text itself)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_bill(qr: VietQR, billers: BillersList) -> Bill:
    """The bill in a parsed VietQR and the verdict: listed biller or not (the bank BIN and account decide)."""
    biller = billers.find(qr.bank_bin, qr.account)
    amount = qr.amount if qr.amount and qr.amount > 0 else None
    return Bill(qr.bank_bin, qr.account, qr.merchant_name or (biller.name if biller else ""), amount,
                qr.purpose or qr.bill_number or "", biller)


def bill_from_scan(text: str, billers: BillersList) -> Bill:
    """Parse and check a scanned bill code. Raises :class:`NotABill` for anything that is not a VietQR."""
    try:
        qr = parse_vietqr(text)
    except VietQRError as exc:
        raise NotABill(getattr(exc, "code", "vietqr")) from None
    return check_bill(qr, billers)


def bill_for_customer(biller: Biller, customer_code: str, amount: int | None) -> Bill:
    """A bill for a biller picked from the list and a typed customer code (amount from a look-up, if any)."""
    code = customer_code.strip().upper()
    if not CUSTOMER_CODE.fullmatch(code):
        raise ValueError("customer code")
    return Bill(biller.bank_bin, biller.account, biller.name, amount, code, biller)


def payment_qr_for(bill: Bill) -> str:
    """The code the resident pays with: built from the LISTED biller's account, never from the scanned code.

    Policy: an unlisted payee never gets a payment code from the station (the resident is told to check with the
    biller or staff); raises ``ValueError`` for an unlisted bill or one without an amount.
    """
    from core.formats.vietqr import ascii_text, build_vietqr

    if bill.biller is None:
        raise ValueError("unlisted payee")
    if not bill.amount:
        raise ValueError("no amount")
    purpose = ascii_text(bill.purpose or bill.biller.id, 25)
    return build_vietqr(bill.biller.bank_bin, bill.biller.account, bill.amount, purpose,
                        merchant_name=ascii_text(bill.biller.name, 25))
