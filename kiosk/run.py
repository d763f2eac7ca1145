"""Runs the kiosk GUI: normal kiosk mode, ``--self-test`` and ``--screenshots DIR``.

Runs on the GUI thread (main thread).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import threading
import traceback
from pathlib import Path

log = logging.getLogger("kiosk")


def run_app(args: argparse.Namespace) -> int:
    from kiosk.config import ConfigError, load_config, resolve_config_path

    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        config = load_config(resolve_config_path(args.config))
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    from kiosk.cli_config import deployment_refusal, payee_config_problem, payee_refusal

    demo = config.hub.local_hub and not config.hub.url  # the demo hub on 127.0.0.1 (`make run`)
    refusal = deployment_refusal(config) if not (demo or args.self_test) else None
    refusal = refusal or payee_config_problem(config)
    if refusal:  # a public kiosk with a guessable PIN or the shipped station code must not start (issue 13)
        print(f"kiosk: {refusal}", file=sys.stderr)
        return 2
    # No pinned payee: the kiosk still serves residents but shows no payment QR (the payment screen refuses every
    # payee; the heartbeat reports "payee": "not_pinned" to the hub). Said at every start, for the technician.
    payee_warning = payee_refusal(config) if not demo else None
    if payee_warning:
        print(f"kiosk: warning: {payee_warning}", file=sys.stderr)
    if args.windowed:
        config = dataclasses.replace(config, station=dataclasses.replace(config.station, kiosk_mode=False))

    from core import paths
    from core.logging_setup import setup_logging

    data_dir = paths.data_dir(config.data_dir)
    log_dir = _log_dir(config)
    setup_logging(log_dir, config.logging.level)
    log.info("kiosk starting (data dir %s)", data_dir)
    if payee_warning:
        log.warning("%s", payee_warning)

    from PySide6.QtWidgets import QApplication

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    from kiosk.app import KioskApp
    from kiosk.services.setup import build_services, load_catalogue, start_services

    app = KioskApp(config, data_dir)
    build_services(app.ctx, catalogue=False)
    app.before_first_area(lambda: load_catalogue(app.ctx))  # home does not need it: after home's first frame
    failures: list[str] = []
    _install_excepthooks(app, failures)
    try:
        app.start()  # home first; the workers (and their heavy imports) start once it is on screen
        if args.screenshots or args.self_test:
            start_services(app.ctx.services)
        else:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: start_services(app.ctx.services))
        if args.screenshots:
            from kiosk.screenshots import take_screenshots

            code = take_screenshots(app, Path(args.screenshots))
        elif args.self_test:
            from kiosk.self_test import self_test

            code = self_test(app, failures)
        else:
            from kiosk.appliance.watchdog import SystemdNotifier

            notifier = SystemdNotifier(app.window)
            notifier.start()
            qapp.aboutToQuit.connect(notifier.stop)
            qapp.aboutToQuit.connect(app.shutdown)
            code = qapp.exec()
    finally:
        stopped = app.shutdown()
    if not stopped:
        log.error("some worker threads did not stop")
        code = code or 1
    return code


def _log_dir(config) -> Path | None:
    """The configured log folder; under systemd (JOURNAL_STREAM set) stderr goes to journald, so no file."""
    from core import paths

    if config.logging.dir:
        return Path(config.logging.dir)
    return None if os.environ.get("JOURNAL_STREAM") else paths.default_log_dir()


def _install_excepthooks(app, failures: list[str]) -> None:
    """An unexpected exception is logged and sends the resident to the problem screen, not a crash."""

    def gui_hook(exc_type, exc, tb) -> None:
        log.critical("unhandled exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        failures.append(f"{exc_type.__name__}: {exc}")
        try:
            app.flow.fail("internal_error")
        except Exception:
            log.exception("could not show the problem screen")

    def thread_hook(hook_args: threading.ExceptHookArgs) -> None:
        log.critical("unhandled exception in thread %s", hook_args.thread.name if hook_args.thread else "?",
                     exc_info=(hook_args.exc_type, hook_args.exc_value, hook_args.exc_traceback))
        failures.append(f"{hook_args.exc_type.__name__} in a thread")

    sys.excepthook = gui_hook
    threading.excepthook = thread_hook
