"""``kiosk health …``: technician tools for the health devices (runs on the main thread, no GUI).

- ``kiosk health replay --protocol NAME FILE``: the readings parsed from a capture, as JSON lines.
- ``kiosk health ports``: serial ports with their stable ids (by-id path, VID:PID, serial number).
- ``kiosk health simulate --protocol NAME``: a simulated device on a pty, for trying a driver by hand.
"""

from __future__ import annotations

import argparse
import json
import sys

PROTOCOL_NAMES = ("cms50_new", "cms50_old", "visomat", "tanita", "generic_scale", "mlx90614")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to ``kiosk``."""
    p = sub.add_parser("health", help="health devices: replay captures, list serial ports, simulate")
    hs = p.add_subparsers(dest="health_command", metavar="ACTION", required=True)

    r = hs.add_parser("replay", help="print the readings parsed from a capture as JSON lines")
    r.add_argument("--protocol", required=True, choices=PROTOCOL_NAMES)
    r.add_argument("--line-pattern", default="", help="generic_scale: regex with value/unit/stability groups")
    r.add_argument("file", help="capture: .hex text, .bin bytes, or text frames (one per line)")
    r.set_defaults(func=replay, no_config=True)

    ports = hs.add_parser("ports", help="list serial ports with their stable ids")
    ports.add_argument("--json", action="store_true", help="one JSON object per line")
    ports.set_defaults(func=list_serial_ports, no_config=True)

    s = hs.add_parser("simulate", help="run a simulated device on a pty until Ctrl-C")
    s.add_argument("--protocol", required=True, choices=PROTOCOL_NAMES)
    s.add_argument("--link", default="", help="stable path to create (default: a temporary one)")
    s.add_argument("--replay", default="", help="send this capture instead of scripted readings")
    s.set_defaults(func=simulate, no_config=True)


def replay(args: argparse.Namespace, config: object = None) -> int:
    from devices.health.capture import load_capture
    from devices.health.protocols import make_protocol

    try:
        data = load_capture(args.file, args.protocol)
    except OSError as exc:
        print(f"kiosk health replay: {exc}", file=sys.stderr)
        return 2
    parser = make_protocol(args.protocol, getattr(args, "line_pattern", ""))
    for reading in parser.feed(data):
        print(json.dumps(reading.to_json(), ensure_ascii=False))
    if parser.errors:
        print(f"{parser.errors} bad frame(s) skipped", file=sys.stderr)
    return 0


def list_serial_ports(args: argparse.Namespace, config: object = None) -> int:
    from devices.health.serial_port import list_ports

    ports = list_ports()
    if getattr(args, "json", False):
        for p in ports:
            print(json.dumps({"device": p.device, "by_id": p.by_id, "vid_pid": p.vid_pid,
                              "serial_number": p.serial_number, "description": p.description,
                              "stable_id": p.stable_id()}, ensure_ascii=False))
        return 0
    if not ports:
        print("no serial ports found")
        return 0
    for p in ports:
        print(f"{p.device}\n  stable id: {p.stable_id()}\n  by-id: {p.by_id or '-'}\n  VID:PID: {p.vid_pid or '-'}"
              f"  serial: {p.serial_number or '-'}\n  {p.description}")
    return 0


def simulate(args: argparse.Namespace, config: object = None) -> int:
    import time

    from devices.health.simulator import make_simulator

    options = {"replay": args.replay, "loop": True} if args.replay else {}
    sim = make_simulator(args.protocol, args.protocol, link=args.link or None, **options).start()
    print(f"simulated {args.protocol} on {sim.link} (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0
