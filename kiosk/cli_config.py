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
    problem = deployment_refusal(config)
    if problem and not (config.hub.local_hub and not config.hub.url):
        print(f"kiosk: {problem}", file=sys.stderr)
        return 1
    if problem:
        print(f"kiosk: warning (demo mode only): {problem}", file=sys.stderr)
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


_PIN_REASONS = {"missing": "no PIN is set.", "demo": "this is the shipped demo PIN (1234).",
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
