"""`kiosk-hub payee keygen|sign|show`: the ward's signed payee (issue 13, "money goes only where the ward says").

Run `keygen` and `sign` on the ward's own machine, not on the hub: the private key never leaves it. The hub only
serves the signed document (`kiosk-hub serve --payee-document FILE`); kiosks pin the public key
(`[security] payee_public_key`) and refuse a payee it does not verify. Format and checks: core/payee.py.
Runs in the main thread of a short-lived process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from central.config import Payee
from core.payee import PayeeDocumentError, generate_keypair, public_key_of, read_payee_document, sign_payee
from core.payee import verify_payee_document as verify


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("payee", help="the ward's payee signing key and signed payee document (run on the ward's "
                                     "machine, not on the hub)")
    verbs = p.add_subparsers(dest="verb", required=True)
    k = verbs.add_parser("keygen", help="make the ward's signing key (file mode 0600) and print its public key")
    k.add_argument("--private-key", type=Path, required=True, help="where to write the private key (must not exist)")
    k.set_defaults(func=cmd_keygen)
    s = verbs.add_parser("sign", help="sign the ward's fee account: the document the hub serves")
    s.add_argument("--private-key", type=Path, required=True)
    s.add_argument("--bin", required=True, help="bank BIN, 6 digits, e.g. 970436")
    s.add_argument("--account", required=True)
    s.add_argument("--name", required=True, help="account holder, e.g. CONG AN PHUONG BEN NGHE")
    s.add_argument("--city", default="HCM")
    s.add_argument("--ward", default="", help="the ward's name, recorded in the document")
    s.add_argument("--out", type=Path, default=None, help="write the document here (default: standard output)")
    s.set_defaults(func=cmd_sign)
    v = verbs.add_parser("show", help="print the payee a document names; with --public-key also verify it")
    v.add_argument("document", type=Path)
    v.add_argument("--public-key", default="", help="the ward's public key (as in the kiosks' configuration)")
    v.set_defaults(func=cmd_show)


def _read_key(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"kiosk-hub: {path}: cannot read the private key ({exc})") from exc


def cmd_keygen(args: argparse.Namespace) -> int:
    private, public = generate_keypair()
    try:
        fd = os.open(args.private_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print(f"kiosk-hub: {args.private_key} exists: a new key would orphan every document signed with it",
              file=sys.stderr)
        return 1
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(private + "\n")
    print(f"public key (put it into every kiosk's configuration):\n[security]\npayee_public_key = \"{public}\"")
    print(f"private key written to {args.private_key}: keep it on this machine, with a backup offline",
          file=sys.stderr)
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    key = _read_key(args.private_key)
    payee = {"bank_bin": args.bin, "account": args.account, "name": args.name, "city": args.city}
    try:
        doc = sign_payee(key, payee, datetime.now(UTC).isoformat(timespec="seconds"), args.ward)
        public = public_key_of(key)
    except PayeeDocumentError as exc:
        print(f"kiosk-hub: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(doc, indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"signed payee written to {args.out}; serve it with `kiosk-hub serve --payee-document {args.out}`",
              file=sys.stderr)
    print(f"signed with the key whose public half is {public}", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    try:
        doc = json.loads(args.document.read_text(encoding="utf-8"))
        fields = verify(doc, args.public_key) if args.public_key else read_payee_document(doc)
    except (OSError, ValueError) as exc:  # PayeeDocumentError is a ValueError
        print(f"kiosk-hub: {args.document}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(fields, ensure_ascii=False))
    print("signature verified" if args.public_key else "signature not checked (give --public-key)", file=sys.stderr)
    return 0


def load_payee_document(path: Path) -> Payee:
    """The hub's payee from a signed document (`serve --payee-document`); a bad file stops the hub at start."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        fields = read_payee_document(doc)
    except (OSError, ValueError) as exc:
        raise SystemExit(f"kiosk-hub: --payee-document {path}: {exc}") from exc
    return Payee(fields["bank_bin"], fields["account"], fields["name"], fields["city"], signed=doc)
