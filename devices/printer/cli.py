"""``kiosk receipt render`` and ``kiosk printer test|status``: receipt previews and printer checks. Main thread, CLI.

Heavy imports (Pillow, python-escpos) happen inside the handlers so ``kiosk --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

SAMPLES = ("dossier", "payment", "report", "health")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to ``kiosk``."""
    receipt = sub.add_parser("receipt", help="receipt previews")
    rsub = receipt.add_subparsers(dest="receipt_command", required=True, metavar="ACTION")
    render = rsub.add_parser("render", help="write the exact ESC/POS bytes of a sample receipt (and a PNG preview)")
    render.add_argument("--sample", choices=SAMPLES, required=True)
    render.add_argument("--width", type=int, choices=(384, 576), help="dots (default: printer.paper_width_dots)")
    render.add_argument("--lang", choices=("vi", "en"), default="vi")
    render.add_argument("--profile", help="python-escpos profile (default: printer.profile)")
    render.add_argument("--out", required=True, metavar="FILE.bin", help="ESC/POS bytes")
    render.add_argument("--png", metavar="FILE.png", help="preview of the raster as printed")
    render.set_defaults(func=_render)

    printer = sub.add_parser("printer", help="receipt printer checks")
    psub = printer.add_subparsers(dest="printer_command", required=True, metavar="ACTION")
    test = psub.add_parser("test", help="print a test page on the configured printer")
    test.add_argument("--lang", choices=("vi", "en"), help="default: station.language")
    test.add_argument("--out", metavar="FILE.bin", help="simulated printer: save the bytes it received")
    test.set_defaults(func=_test)
    status = psub.add_parser("status", help="connect and read the paper sensor")
    status.set_defaults(func=_status)


def _render(args: argparse.Namespace, config: Any) -> int:
    from devices.printer.encode import effective_width, profile_of, render_bytes
    from devices.printer.raster import render_image
    from devices.printer.receipt import layout
    from devices.printer.samples import sample_receipt

    settings = config.printer
    profile = args.profile or settings.profile
    width = effective_width(args.width or settings.paper_width_dots, profile_of(profile))
    receipt = sample_receipt(args.sample, args.lang, station_name=config.station.name,
                             station_address=config.station.address)
    data = render_bytes(receipt, width=width, profile=profile, qr_mode=settings.qr_mode,
                        text_mode=settings.text_mode)
    Path(args.out).write_bytes(data)
    print(f"{args.out}: {len(data)} bytes, {width} dots, profile {profile}")
    if args.png:
        render_image(layout(receipt), width).save(args.png)
        print(f"{args.png}: preview")
    return 0


def _test(args: argparse.Namespace, config: Any) -> int:
    from datetime import datetime

    from devices.printer.driver import PrinterDriver, PrintError
    from devices.printer.receipt import PrinterSetup, make_test_page

    settings = config.printer
    if settings.kind == "none":
        print("kiosk: no printer configured (printer.kind = \"none\")", file=sys.stderr)
        return 1
    driver = PrinterDriver(settings)
    setup = PrinterSetup(width_dots=settings.paper_width_dots, profile=settings.profile, connection=settings.kind)
    page = make_test_page(config.station.name, config.station.address, setup, datetime.now(),
                          args.lang or config.station.language)
    try:
        sent = driver.print_receipt(page)
    except PrintError as exc:
        print(f"kiosk: test page failed on {driver.describe()}: {exc.reason} ({exc.detail or 'no detail'})"
              + (f"; {exc.bytes_sent} bytes had been sent" if exc.bytes_sent else ""), file=sys.stderr)
        return 1
    finally:
        if args.out and driver.simulated:
            Path(args.out).write_bytes(driver.last_output)
        driver.close()
    print(f"test page sent to {driver.describe()}: {sent} bytes")
    return 0


def _status(_args: argparse.Namespace, config: Any) -> int:
    from devices.base import DeviceError
    from devices.printer.driver import PrinterDriver

    driver = PrinterDriver(config.printer)
    try:
        driver.open()
    except DeviceError as exc:
        print(f"kiosk: printer {driver.describe()} is offline: {exc}", file=sys.stderr)
        return 1
    try:
        print(f"{driver.describe()}: connected, paper {driver.paper_status()}")
    finally:
        driver.close()
    return 0
