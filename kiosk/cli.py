"""The ``kiosk`` command line: the app itself, plus technician/operator subcommands.

Each area registers its own subcommands from a small module (imported here by name so
PyInstaller sees them). Those modules import heavy libraries inside their handlers only, so
``kiosk --help`` and the GUI start stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# module -> provides register(subparsers). Order is the order in `kiosk --help`.
COMMAND_MODULES = (
    "kiosk.cli_config",
    "offline_queue.cli",
    "devices.printer.cli",
    "devices.scanner.cli",
    "devices.health.cli",
    "kiosk.cli_payment",
    "kiosk.appliance.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Trạm công dân số - citizen self-service kiosk")
    parser.add_argument("--config", metavar="FILE", help="TOML config file (default: platform config dir)")
    parser.add_argument("--self-test", action="store_true",
                        help="start offscreen with simulated devices, open every screen, exit 0 if all is well")
    parser.add_argument("--windowed", action="store_true", help="development: a normal window, not kiosk mode")
    parser.add_argument("--screenshots", metavar="DIR", help="write a PNG of every screen into DIR and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from kiosk.run import run_app

        return run_app(args)
    from kiosk.config import ConfigError, load_config, resolve_config_path

    config = None
    if not getattr(args, "no_config", False):
        try:
            config = load_config(resolve_config_path(args.config))
        except ConfigError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return 2
    return int(args.func(args, config) or 0)
