"""Fee payments as pure data: the hub's payee, the VietQR we build from it, bank names. No Qt, no I/O.

Payment codes are made only for the payee this kiosk's configuration allows (pinned, or signed with the ward's
key: :func:`check_payee`, DESIGN §5), never from a scanned code. The transfer
purpose is ASCII and carries the dossier reference so the ward office can match the money to the dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.formats.vietqr import VietQRError, build_vietqr
from core.payee import PayeeDocumentError, payee_fields, verify_payee_document

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
    # The ward's signed payee document this payee came with (core/payee.py), kept so the cache can be re-checked.
    signed: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def bank_name(self) -> str:
        return BANKS.get(self.bank_bin, self.bank_bin)

    def as_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"bank_bin": self.bank_bin, "account": self.account, "name": self.name,
                               "city": self.city}
        return doc | ({"signed": self.signed} if self.signed is not None else {})


def payee_from(doc: Any) -> Payee | None:
    """A payee from the hub's JSON (enrolment or payment answer); None if it is missing or malformed."""
    fields = payee_fields(doc)
    if fields is None:
        return None
    signed = doc.get("signed")
    return Payee(**fields, signed=signed if isinstance(signed, dict) else None)


@dataclass(frozen=True)
class PayeePolicy:
    """What this kiosk's configuration says about payees: a pinned account and/or the ward's public key.

    Outside demo mode (a real hub) a payee that is neither pinned nor signed is refused: a hub alone never
    decides where residents' money goes (DESIGN §5)."""

    bank_bin: str = ""
    account: str = ""
    public_key: str = ""
    demo: bool = False

    @classmethod
    def of(cls, config: Any) -> PayeePolicy:
        sec = config.security
        return cls(sec.payee_bank_bin.strip(), sec.payee_account.strip(), sec.payee_public_key.strip(),
                   bool(config.hub.local_hub and not config.hub.url))

    @property
    def pinned(self) -> bool:
        return bool(self.bank_bin or self.account or self.public_key)


# Why a payee was refused (reported to the hub as the "payee" device state, logged for the technician).
REFUSALS = ("missing", "mismatch", "unsigned", "bad_signature", "not_pinned")


def check_payee(payee: Payee | None, policy: PayeePolicy) -> tuple[Payee | None, str]:
    """(the payee a QR may be made for, "") or (None, why) with why one of :data:`REFUSALS`.

    With a public key the QR uses the *signed* fields, and the plain fields next to them must say the same."""
    if payee is None:
        return None, "missing"
    if policy.public_key:
        if payee.signed is None:
            return None, "unsigned"
        try:
            signed = verify_payee_document(payee.signed, policy.public_key)
        except PayeeDocumentError as exc:
            return None, "bad_signature" if exc.code in ("bad_signature", "bad_key") else "unsigned"
        trusted = Payee(**signed, signed=payee.signed)
        if (trusted.bank_bin, trusted.account.upper()) != (payee.bank_bin, payee.account.upper()):
            return None, "mismatch"  # the hub's plain fields name another account than the one it signed
        payee = trusted
    pinned_account = (policy.bank_bin, policy.account.upper())
    if any(pinned_account) and (payee.bank_bin, payee.account.upper()) != pinned_account:
        return None, "mismatch"
    if not policy.pinned and not policy.demo:
        return None, "not_pinned"
    return payee, ""


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
