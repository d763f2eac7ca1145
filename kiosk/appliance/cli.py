"""Appliance subcommands: ``kiosk sync-service``, ``kiosk doctor``, ``kiosk devices``, ``kiosk update``,
``kiosk repair-screen``. Heavy imports happen inside the handlers so ``kiosk --help`` stays fast."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync-service", help="headless sync and heartbeat (tram-kiosk-sync.service)")
    p.add_argument("--hub", metavar="URL", help="hub base URL (default: [hub] url)")
    p.set_defaults(func=cmd_sync_service)

    p = sub.add_parser("doctor", help="check everything a technician would check; non-zero exit if something is wrong")
    p.add_argument("--json", action="store_true", help="machine-readable output (for the hub)")
    p.add_argument("--sysfs", default="/sys", help=argparse.SUPPRESS)  # tests: a fake sysfs tree
    p.set_defaults(func=cmd_doctor, no_config=True)  # an invalid config is one of its findings

    p = sub.add_parser("devices", help="USB serial adapters, printers and cameras: list, write a udev rule")
    dsub = p.add_subparsers(dest="devices_command", metavar="ACTION", required=True)
    lst = dsub.add_parser("list", help="what is plugged in, with its stable name")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--sysfs", default="/sys", help="sysfs root (tests use a fake tree)")
    lst.set_defaults(func=cmd_devices_list, no_config=True)
    rule = dsub.add_parser("write-rule", help="name an adapter: /dev/tram/ROLE by vendor, product and serial")
    rule.add_argument("port", help="tty name of the adapter as listed, e.g. ttyUSB0")
    rule.add_argument("role", help="oximeter, blood_pressure, scale, thermometer, printer …")
    rule.add_argument("--rules-file", default="/etc/udev/rules.d/71-tram-kiosk-local.rules")
    rule.add_argument("--sysfs", default="/sys", help="sysfs root (tests use a fake tree)")
    rule.set_defaults(func=cmd_devices_write_rule, no_config=True)

    p = sub.add_parser("update", help="install a signed update from the hub's channel (root), with rollback")
    p.add_argument("--auto", action="store_true", help="from the timer: only between visits, quiet if up to date")
    p.add_argument("--check", action="store_true", help="only say whether an update is available")
    p.set_defaults(func=cmd_update)

    p = sub.add_parser("release", help="release manager: make the update signing key, sign a channel's manifest")
    rsub = p.add_subparsers(dest="release_command", metavar="ACTION", required=True)
    keygen = rsub.add_parser("keygen", help="write a new ed25519 private key (0600) and print its public key")
    keygen.add_argument("private_key_file")
    keygen.set_defaults(func=cmd_release_keygen, no_config=True)
    sign = rsub.add_parser("sign", help="print manifest.json for a channel, each package signed")
    sign.add_argument("--key", required=True, metavar="FILE", help="private key file from `kiosk release keygen`")
    sign.add_argument("--channel", default="stable")
    sign.add_argument("debs", nargs="+", metavar="DEB")
    sign.set_defaults(func=cmd_release_sign, no_config=True)

    p = sub.add_parser("repair-screen", help="show 'station being repaired' (after a crash loop)")
    p.add_argument("--seconds", type=float, default=0.0, help="close after this long (default: until stopped)")
    p.set_defaults(func=cmd_repair_screen)


def _data_dir(config: Any) -> Path:
    from core.paths import data_dir

    return data_dir(config.data_dir)


def _setup_logging(config: Any) -> None:
    import os

    from core.logging_setup import setup_logging

    log_dir = Path(config.logging.dir) if config.logging.dir else None
    if log_dir is None and not os.environ.get("JOURNAL_STREAM"):
        from core.paths import default_log_dir

        log_dir = default_log_dir()
    setup_logging(log_dir, config.logging.level)


def cmd_sync_service(args: argparse.Namespace, config: Any) -> int:
    from kiosk.appliance.sync_service import run_service

    _setup_logging(config)
    return run_service(config, _data_dir(config), args.hub)


def cmd_doctor(args: argparse.Namespace, _config: Any) -> int:
    from kiosk.appliance.doctor import main as doctor_main

    return doctor_main(args.config, as_json=args.json, sysfs=args.sysfs)


def cmd_devices_list(args: argparse.Namespace, _config: Any) -> int:
    import json

    from kiosk.appliance.usb import list_devices

    found = list_devices(Path(args.sysfs))
    if args.json:
        for d in found:
            print(json.dumps(d.to_dict(), ensure_ascii=False))
        return 0
    if not found:
        print("no USB serial adapters plugged in")
    for d in found:
        role = f"/dev/tram/{d.role}" if d.role else "(unknown adapter: kiosk devices write-rule PORT ROLE)"
        print(f"{d.tty:10} {d.vid_pid}  {d.chip:8} serial={d.serial or '-':14} {d.product or '':28} {role}")
    return 0


def cmd_devices_write_rule(args: argparse.Namespace, _config: Any) -> int:
    from kiosk.appliance.usb import ROLE_PATTERN, find_device, write_rule

    if not ROLE_PATTERN.fullmatch(args.role):
        print("kiosk: a role is lower-case letters, digits and '_' (e.g. oximeter)", file=sys.stderr)
        return 2
    device = find_device(Path(args.sysfs), args.port)
    if device is None:
        print(f"kiosk: no USB serial adapter {args.port} (see `kiosk devices list`)", file=sys.stderr)
        return 2
    rule = write_rule(Path(args.rules_file), device, args.role)
    print(rule)
    print(f"written to {args.rules_file}; apply with: udevadm control --reload && udevadm trigger")
    return 0


def cmd_update(args: argparse.Namespace, config: Any) -> int:
    from kiosk.appliance.update import main as update_main

    _setup_logging(config)
    return update_main(config, _data_dir(config), auto=args.auto, check_only=args.check)


def cmd_release_keygen(args: argparse.Namespace, _config: Any) -> int:
    import os

    from kiosk.appliance.update import generate_key

    private, public = generate_key()
    fd = os.open(args.private_key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(private + "\n")
    print(f"public key for [update] public_key: {public}")
    return 0


def cmd_release_sign(args: argparse.Namespace, _config: Any) -> int:
    import json

    from kiosk.appliance.update import sign_manifest

    private = Path(args.key).read_text(encoding="utf-8").strip()
    print(json.dumps(sign_manifest(private, args.channel, [Path(d) for d in args.debs]), indent=2))
    return 0


def cmd_repair_screen(args: argparse.Namespace, config: Any) -> int:
    from kiosk.appliance.repair_screen import show

    return show(config, args.seconds)
