"""`kiosk-hub user add|disable|reset|list`: staff accounts from the command line (the first administrator too:
the hub ships no account and no default password). Runs in the main thread of a short-lived process."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys

from central.staff import ROLES

EXIT_REFUSED = 3


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], default_db: str) -> None:
    u = sub.add_parser("user", help="staff accounts: add, disable, reset, list")
    verbs = u.add_subparsers(dest="verb", required=True)

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help_text)
        p.add_argument("--db", default=default_db)
        p.set_defaults(func=cmd_user)
        return p

    a = verb("add", "create an account (asks for the password twice)")
    a.add_argument("username")
    a.add_argument("--role", required=True, choices=ROLES)
    a.add_argument("--name", default="", help="full name shown in the audit log and on pages")
    a.add_argument("--totp", action="store_true", help="require a one-time code (prints the secret to enrol a phone)")
    a.add_argument("--password-stdin", action="store_true", help="read the password from standard input (scripts)")
    d = verb("disable", "disable an account and end its sessions")
    d.add_argument("username")
    r = verb("reset", "new password (and/or second factor, role); re-enables the account and clears its lockout")
    r.add_argument("username")
    r.add_argument("--role", choices=ROLES, default=None)
    r.add_argument("--totp", dest="totp", action="store_true", default=None, help="new one-time-code secret")
    r.add_argument("--no-totp", dest="totp", action="store_false", help="remove the second factor")
    r.add_argument("--keep-password", action="store_true", help="change only the second factor or role")
    r.add_argument("--password-stdin", action="store_true")
    lst = verb("list", "list the accounts")
    lst.add_argument("--json", action="store_true")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    env = os.environ.get("KIOSK_HUB_NEW_PASSWORD")  # for provisioning tools; never a default
    if env:
        return env
    first = getpass.getpass("Mật khẩu mới / New password: ")
    if getpass.getpass("Nhập lại / Repeat: ") != first:
        raise SystemExit("kiosk-hub: the two passwords differ")
    return first


def _print_totp(secret: str | None, username: str) -> None:
    if secret:
        from central.staff.totp import provisioning_uri

        print(f"TOTP secret: {secret}")
        print(provisioning_uri(secret, username))


def cmd_user(args: argparse.Namespace) -> int:
    from central.db import Database
    from central.staff import accounts
    from central.staff.passwords import PasswordPolicyError

    db = Database(args.db)
    db.migrate()
    try:
        if args.verb == "add":
            user, secret = accounts.create_user(db, args.username, args.role, _password(args), args.name, args.totp)
            print(f"created {user.username} ({user.role})")
            _print_totp(secret, user.username)
        elif args.verb == "disable":
            accounts.disable(db, args.username)
            print(f"disabled {args.username}")
        elif args.verb == "reset":
            password = None if args.keep_password else _password(args)
            secret = accounts.reset(db, args.username, password, args.totp, args.role)
            print(f"reset {args.username}")
            _print_totp(secret, args.username)
        else:
            users = accounts.list_users(db)
            if args.json:
                print(json.dumps(users, ensure_ascii=False, indent=1))
            for u in [] if args.json else users:
                state = "disabled" if u["disabled"] else "active"
                print(f"{u['username']:<24} {u['role']:<14} {state:<9} {'totp' if u['totp'] else '':<5}"
                      f"{u['display_name']}")
    except (accounts.AccountError, PasswordPolicyError) as exc:
        print(f"kiosk-hub: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.dispose()
    return 0
