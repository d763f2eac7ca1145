"""``kiosk config check|sample|hash-pin|key-pin``: configuration tools for technicians."""

from __future__ import annotations

import argparse
import getpass
import sys


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
        load_config(args.file)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    print(f"{args.file}: OK")
    return 0


def _sample(_args: argparse.Namespace, _config: object) -> int:
    from kiosk.config import sample_toml

    sys.stdout.write(sample_toml())
    return 0


def _hash_pin(args: argparse.Namespace, _config: object) -> int:
    from core.pin import hash_pin

    pin = sys.stdin.readline().strip() if args.stdin else getpass.getpass("PIN: ")
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        print("kiosk: a PIN is 4 to 12 digits", file=sys.stderr)
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
