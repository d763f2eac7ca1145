"""``kiosk config check|sample|hash-pin|key-pin``: configuration tools for technicians."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="check, sample or hash settings")
    csub = p.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    check = csub.add_parser("check", help="validate a config file; exits non-zero naming file, key and problem")
    check.add_argument("file")
    check.set_defaults(func=_check, no_config=True)
    sample = csub.add_parser("sample", help="print a commented sample config generated from the schema")
    sample.set_defaults(func=_sample, no_config=True)
    hpin = csub.add_parser("hash-pin", help="read a PIN and print its scrypt hash for the config")
    hpin.add_argument("--stdin", action="store_true", help="read the PIN from standard input")
    hpin.set_defaults(func=_hash_pin, no_config=True)
    kpin = csub.add_parser("key-pin", help="print the [hub] pinned_keys entry of a certificate's public key")
    kpin.add_argument("certificate", help="PEM or DER file, e.g. the hub CA's root.crt")
    kpin.set_defaults(func=_key_pin, no_config=True)


def _check(args: argparse.Namespace, _config: object) -> int:
    from kiosk.config import ConfigError, load_config

    try:
        config = load_config(args.file)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    if problem := payee_config_problem(config):  # wrong in every mode
        print(f"kiosk: {problem}", file=sys.stderr)
        return 1
    demo = config.hub.local_hub and not config.hub.url
    problems = [p for p in (deployment_refusal(config), payee_refusal(config)) if p]
    for problem in problems:
        print(f"kiosk: {'warning (demo mode only): ' if demo else ''}{problem}", file=sys.stderr)
    if problems and not demo:
        return 1
    print(f"{args.file}: OK")
    return 0


SHIPPED_STATION_CODE = "BN01"  # the embedded default, for the demo hub only


def deployment_refusal(config: Any) -> str | None:
    """Why this configuration may not run outside demo mode (hub.local_hub = true without hub.url), or None:
    the shipped station code (two kiosks with one code collide at the hub), or a missing, demo or common PIN."""
    from core.pin import weak_configured_pin

    if config.station.code.strip().upper() == SHIPPED_STATION_CODE:
        return (f"[station] code: {SHIPPED_STATION_CODE} is the shipped example. Set this kiosk's own station code "
                "(letters and digits, unique in the ward).")
    sec = config.security
    for label, value, required in (("technician_pin_hash", sec.technician_pin_hash, True),
                                   ("operator_pin_hash", sec.operator_pin_hash, False)):
        reason = weak_configured_pin(value) if (value or required) else None
        if reason:
            return (f"[security] {label}: {_PIN_REASONS[reason]} Set a PIN of 6 or more digits that is not trivial "
                    "with `kiosk config hash-pin`.")
    return None


def payee_config_problem(config: Any) -> str | None:
    """A half-pinned payee: a bank without an account (or the reverse) matches no payee at all."""
    sec = config.security
    if bool(sec.payee_bank_bin.strip()) != bool(sec.payee_account.strip()):
        return "[security] payee_bank_bin and payee_account: set both (the ward's fee account) or neither."
    return None


def payee_refusal(config: Any) -> str | None:
    """Outside demo mode the kiosk must know the ward's payee by itself (issue 13): without a pinned account or
    the ward's key it shows no payment QR at all (residents pay at the counter). None when one is set."""
    sec = config.security
    if sec.payee_bank_bin.strip() or sec.payee_account.strip() or sec.payee_public_key.strip():
        return None
    return ("[security] payee: no payee is pinned, so this kiosk will show no payment QR. Set payee_bank_bin and "
            "payee_account to the ward's fee account, or payee_public_key to the ward's key (printed by "
            "`kiosk-hub payee keygen` on the ward's machine).")


_PIN_REASONS = {"missing": "no PIN is set.", "demo": "this is the shipped demo PIN (1234).",
                "short": "this hash does not show a PIN of 6 or more digits (a shorter PIN, or a hash made by an "
                         "older version or by hand).",
                "common": "this PIN is one of the most common PINs."}


def _sample(_args: argparse.Namespace, _config: object) -> int:
    from kiosk.config import sample_toml

    sys.stdout.write(sample_toml())
    return 0


_NEW_PIN_REASONS = {"not_digits": "a PIN is digits only", "too_short": "a PIN needs at least 6 digits",
                    "too_long": "a PIN has at most 12 digits",
                    "trivial": "this PIN is too easy to guess (repeated, sequential or common digits)"}


def _hash_pin(args: argparse.Namespace, _config: object) -> int:
    from core.pin import hash_pin, pin_problem

    pin = sys.stdin.readline().strip() if args.stdin else getpass.getpass("PIN: ")
    problem = pin_problem(pin)
    if problem:
        print(f"kiosk: {_NEW_PIN_REASONS[problem]}", file=sys.stderr)
        return 2
    print(hash_pin(pin))
    return 0


def _key_pin(args: argparse.Namespace, _config: object) -> int:
    from pathlib import Path

    from offline_queue.tls import pin_of_certificate

    try:
        print(pin_of_certificate(Path(args.certificate).read_bytes()))
    except (OSError, ValueError) as exc:
        print(f"kiosk: {args.certificate}: not a readable certificate ({exc})", file=sys.stderr)
        return 1
    return 0
