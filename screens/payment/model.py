"""Fee payments as pure data: the hub's payee, the VietQR we build from it, bank names. No Qt, no I/O.

Payment codes are made only from the hub's payee data (DESIGN §5), never from a scanned code. The transfer
purpose is ASCII and carries the dossier reference so the ward office can match the money to the dossier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from core.formats.vietqr import VietQRError, build_vietqr

# NAPAS bank BINs → the short names residents know (the ones a ward's fee account is likely to be at).
BANKS = {
    "970436": "Vietcombank", "970415": "VietinBank", "970418": "BIDV", "970405": "Agribank",
    "970416": "ACB", "970422": "MB Bank", "970407": "Techcombank", "970432": "VPBank", "970423": "TPBank",
    "970403": "Sacombank", "970437": "HDBank", "970441": "VIB", "970443": "SHB", "970448": "OCB",
    "970426": "MSB", "970454": "BVBank", "970431": "Eximbank", "970429": "SCB", "970409": "BacABank",
    "970449": "LPBank", "970452": "KienlongBank", "970440": "SeABank", "970412": "PVcomBank",
}


@dataclass(frozen=True)
class Payee:
    bank_bin: str
    account: str
    name: str
    city: str = ""

    @property
    def bank_name(self) -> str:
        return BANKS.get(self.bank_bin, self.bank_bin)

    def as_json(self) -> dict[str, str]:
        return {"bank_bin": self.bank_bin, "account": self.account, "name": self.name, "city": self.city}


def payee_from(doc: Any) -> Payee | None:
    """A payee from the hub's JSON (enrolment or payment answer); None if it is missing or malformed."""
    if not isinstance(doc, dict):
        return None
    bank_bin, account, name = doc.get("bank_bin"), doc.get("account"), doc.get("name")
    city = doc.get("city") if isinstance(doc.get("city"), str) else ""
    if not (isinstance(bank_bin, str) and re.fullmatch(r"[0-9]{6}", bank_bin)):
        return None
    if not (isinstance(account, str) and re.fullmatch(r"[0-9A-Za-z]{1,19}", account)):
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return Payee(bank_bin, account, name.strip()[:70], city.strip()[:30])


def payee_allowed(payee: Payee | None, pinned_bin: str, pinned_account: str) -> bool:
    """May a QR for `payee` be shown? With a payee pinned in the kiosk's configuration only that one may
    (whatever the hub or the cache says); without one, any well-formed payee (demo and legacy set-ups)."""
    if payee is None:
        return False
    if pinned_bin or pinned_account:
        return payee.bank_bin == pinned_bin.strip() and payee.account.upper() == pinned_account.strip().upper()
    return True


def purpose_for(reference: str) -> str:
    """The transfer's "nội dung": the reference and the word "phi" (ASCII, ≤ 25 characters)."""
    return f"{reference} phi"


def payment_qr(payee: Payee, amount: int, reference: str) -> str:
    """The dynamic VietQR for ``amount`` đồng to ``payee``, carrying ``reference`` (62/01 and 62/08).

    Raises :class:`core.formats.VietQRError` for values a bank app would reject.
    """
    return build_vietqr(payee.bank_bin, payee.account, int(amount), purpose_for(reference), bill_number=reference,
                        merchant_name=payee.name, city=payee.city or None)


def safe_payment_qr(payee: Payee | None, amount: int | None, reference: str) -> str:
    """Like :func:`payment_qr` but '' when it cannot be built (no payee, no amount, bad values)."""
    if payee is None or not amount or amount <= 0:
        return ""
    try:
        return payment_qr(payee, amount, reference)
    except VietQRError:
        return ""
