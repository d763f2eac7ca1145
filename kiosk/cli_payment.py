"""``kiosk payment qr``: the VietQR payload this kiosk would show for a fee, so a technician can check the payee.

Runs in the CLI process (no Qt windows). The payee comes from the hub (a real payment is created there, with the
configured hub URL and this kiosk's token) or from what the kiosk cached (the enrolment answer or the last hub
payment answer). Heavy imports happen inside the handler. Exit codes: 0 ok, 1 no payee available, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import uuid
from typing import Any

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's subcommands to ``kiosk``."""
    p = sub.add_parser("payment", help="fee payments: check the payee set-up")
    psub = p.add_subparsers(dest="payment_command", metavar="ACTION", required=True)
    q = psub.add_parser("qr", help="print the VietQR payload the configured payee produces for a fee")
    q.add_argument("--amount", type=int, required=True, help="fee in đồng, e.g. 20000")
    q.add_argument("--reference", required=True, help="dossier reference, e.g. BN01-261121-0007 or HS-2026-000123")
    q.add_argument("--source", choices=("auto", "hub", "cache"), default="auto",
                   help="hub: create the payment at the hub (real, pending until paid or expired); cache: the payee "
                        "this kiosk last got from the hub; auto: the hub if it answers, else the cache")
    q.add_argument("--hub", metavar="URL", help="hub base URL (default: [hub] url)")
    q.add_argument("--json", action="store_true", help="machine-readable output")
    q.set_defaults(func=cmd_qr)


def _from_hub(config: Any, data_dir: Any, url: str | None, reference: str, amount: int) -> tuple[Any, str]:
    """(Payee or None, why not)."""
    from offline_queue.protocol import HubError
    from offline_queue.runtime import ensure_token, make_client
    from screens.payment.model import PayeePolicy, check_payee, payee_from, purpose_for
    from screens.receipt.station_cache import write_cached_payee

    client = make_client(config, data_dir, url=url)
    if not client.base_url:
        return None, "no hub URL ([hub] url or --hub)"
    try:
        ensure_token(client, config, data_dir)
        payment = client.create_payment(reference, amount, purpose_for(reference), str(uuid.uuid4()))
    except HubError as exc:
        return None, f"hub: {exc}"
    finally:
        client.close()
    payee = payee_from(payment.payee)
    if payee is None:
        return None, "the hub answered without a usable payee"
    trusted, _why = check_payee(payee, PayeePolicy.of(config))
    if trusted is not None:  # only an allowed payee refreshes the offline fallback
        try:
            write_cached_payee(data_dir, trusted)
        except OSError:
            pass  # the check still worked; only the offline fallback is not refreshed
    return payee, ""


_REFUSED = {
    "mismatch": "is not the payee pinned in [security] payee_bank_bin/payee_account or signed by the ward",
    "unsigned": "is not signed, and [security] payee_public_key asks for the ward's signature",
    "bad_signature": "carries a signature that the ward's key in [security] payee_public_key does not verify",
    "not_pinned": "cannot be checked: outside demo mode set [security] payee_bank_bin/payee_account or "
                  "payee_public_key",
    "missing": "is not usable",
}


def cmd_qr(args: argparse.Namespace, config: Any) -> int:
    from core.formats import VietQRError, parse_reference, parse_vietqr
    from core.formats.tracking import TrackingError
    from core.paths import data_dir as resolve_data_dir
    from kiosk.services.hub import enrolment_reader
    from screens.payment.model import PayeePolicy, check_payee, payment_qr
    from screens.receipt.station_cache import read_cached_payee

    try:
        reference = parse_reference(args.reference).reference
    except TrackingError:
        print("kiosk: --reference is not a reference (BN01-261121-0007 or HS-2026-000123)", file=sys.stderr)
        return 2
    if args.amount <= 0:
        print("kiosk: --amount must be a positive number of đồng", file=sys.stderr)
        return 2
    data_dir = resolve_data_dir(config.data_dir)
    payee, source, problems = None, "", []
    if args.source in ("auto", "hub"):
        payee, why = _from_hub(config, data_dir, args.hub, reference, args.amount)
        source = "hub" if payee else ""
        if why:
            problems.append(why)
    if payee is None and args.source in ("auto", "cache"):
        payee = read_cached_payee(data_dir, enrolment_reader(config, data_dir))
        source = "cache" if payee else ""
        if payee is None:
            problems.append("no cached payee (enrol the kiosk, or run once with the hub reachable)")
    if payee is None:
        print("kiosk: no payee: " + "; ".join(problems), file=sys.stderr)
        return 1
    trusted, why = check_payee(payee, PayeePolicy.of(config))
    if trusted is None:
        log.error("payee from the %s refused (%s): no QR", source, why)
        print(f"kiosk: the {source}'s payee ({payee.bank_bin} {payee.account}) {_REFUSED[why]}: no QR is made",
              file=sys.stderr)
        return 1
    payee = trusted
    try:
        payload = payment_qr(payee, args.amount, reference)
        parsed = parse_vietqr(payload)
    except VietQRError as exc:
        print(f"kiosk: the payee cannot make a VietQR: {exc.code}", file=sys.stderr)
        return 1
    out = {"payload": payload, "source": source, "bank_bin": parsed.bank_bin, "bank": payee.bank_name,
           "account": parsed.account, "name": parsed.merchant_name, "amount": parsed.amount,
           "purpose": parsed.purpose, "bill_number": parsed.bill_number}
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(payload)
        print(f"# payee from {source}: {payee.bank_name} ({parsed.bank_bin}) {parsed.account} {parsed.merchant_name}",
              file=sys.stderr)
        print(f"# amount {parsed.amount} đ, purpose {parsed.purpose!r}", file=sys.stderr)
        for problem in problems:
            print(f"# note: {problem}", file=sys.stderr)
    return 0
