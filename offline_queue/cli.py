"""Operator/technician subcommands of the queue: ``kiosk queue …``, ``kiosk sync --once``, ``kiosk enrol``.

Runs in the CLI process (no Qt). Heavy imports happen inside the handlers so ``kiosk --help`` stays fast.
Exit codes: 0 ok, 1 the operation failed (e.g. a sync run stopped), 2 bad input, 3 another kiosk process
is syncing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

STATUSES = ("queued", "sending", "sent", "retry", "rejected")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to ``kiosk``."""
    q = sub.add_parser("queue", help="offline queue: status, list, requeue, export")
    qsub = q.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    p = qsub.add_parser("status", help="counts per status, oldest unsent age, last sync")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_status)
    p = qsub.add_parser("list", help="list submissions (no personal data)")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = qsub.add_parser("requeue", help="send a rejected (or waiting) submission again")
    p.add_argument("id", metavar="ID", help="UUID, local reference (BN01-261121-0007) or hub reference")
    p.set_defaults(func=cmd_requeue)
    p = qsub.add_parser("export", help="write submissions as JSON lines for operators")
    p.add_argument("file", metavar="FILE", help="output file ('-' for stdout)")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--include-personal", action="store_true",
                   help="decrypt personal fields into the file (handle the file as personal data)")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("sync", help="send queued submissions to the hub")
    p.add_argument("--once", action="store_true", help="one run, then exit (non-zero if it failed)")
    p.add_argument("--hub", metavar="URL", help="hub base URL (default: [hub] url)")
    p.set_defaults(func=cmd_sync)
    p = sub.add_parser("enrol", help="enrol this kiosk at a hub with a one-time code")
    p.add_argument("--code", required=True, help="enrolment code shown by the hub, e.g. ABCD-2345")
    p.add_argument("--hub", required=True, metavar="URL", help="hub base URL, e.g. https://hub.phuong.gov.vn")
    p.set_defaults(func=cmd_enrol)


def _data_dir(config: Any) -> Path:
    from core.paths import data_dir

    return data_dir(config.data_dir)


def _store(config: Any) -> Any:
    from offline_queue.runtime import open_store

    return open_store(config, _data_dir(config))


def _age(seconds: float | None) -> str:
    from core.ages import format_age

    return format_age(seconds, missing="-")


def cmd_status(args: argparse.Namespace, config: Any) -> int:
    from offline_queue.sync import read_status

    status = read_status(_store(config))
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
        return 0
    print("phase:        ", status["phase"], "(hub reachable)" if status["online"] else "")
    for name, count in status["counts"].items():
        print(f"{name + ':':14} {count}")
    print("oldest unsent:", _age(status["oldest_unsent_age_seconds"]))
    print("last success: ", status["last_success_at"] or "never")
    print("last attempt: ", status["last_attempt_at"] or "never")
    if status["last_error"]:
        print("last error:   ", status["last_error"])
    return 0


def cmd_list(args: argparse.Namespace, config: Any) -> int:
    rows = _store(config).list(args.status, args.limit)
    if args.json:
        for row in rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
        return 0
    if not rows:
        print("no submissions" + (f" with status {args.status}" if args.status else ""))
    for r in rows:
        detail = r.server_ref or ""
        if r.status in ("rejected", "retry") and r.last_error:
            detail = f"reason: {r.last_error}" + (f" (HTTP {r.last_http_status})" if r.last_http_status else "")
        print(f"{r.local_ref:18} {r.uuid}  {r.kind:14} {r.status:9} tries={r.attempts:<3} "
              f"{r.created_at.astimezone():%Y-%m-%d %H:%M}  {detail}")
    return 0


def cmd_requeue(args: argparse.Namespace, config: Any) -> int:
    view = _store(config).requeue(args.id)
    if view is None:
        print(f"kiosk: no submission {args.id!r}", file=sys.stderr)
        return 2
    if view.status != "queued":
        print(f"kiosk: {view.local_ref} is {view.status}; only rejected or waiting rows can be requeued",
              file=sys.stderr)
        return 1
    print(f"{view.local_ref} {view.uuid} queued again")
    return 0


def cmd_export(args: argparse.Namespace, config: Any) -> int:
    import os

    store = _store(config)
    rows = store.export(include_personal=args.include_personal, status=args.status)
    if args.file == "-":
        out, close = sys.stdout, False
    else:
        # personal data may be inside: owner-only file
        fd = os.open(args.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        out, close = os.fdopen(fd, "w", encoding="utf-8"), True
    n = 0
    try:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if close:
            out.close()
    print(f"{n} submission(s) exported" + (" WITH personal data" if args.include_personal else ""),
          file=sys.stderr)
    return 0


def cmd_sync(args: argparse.Namespace, config: Any) -> int:
    import time

    from offline_queue.db import file_lock
    from offline_queue.protocol import HubError
    from offline_queue.runtime import ensure_token, make_client, open_store, queue_paths, retention
    from offline_queue.sync import start_of_process, sync_once

    data_dir = _data_dir(config)
    store = open_store(config, data_dir)
    client = make_client(config, data_dir, url=args.hub)
    if not client.base_url:
        print("kiosk: no hub URL ([hub] url or --hub)", file=sys.stderr)
        return 2
    with file_lock(queue_paths(config, data_dir).sync_lock, blocking=False) as locked:
        if not locked:
            print("kiosk: another kiosk process is syncing this queue", file=sys.stderr)
            return 3
        start_of_process(store)
        try:
            while True:
                try:
                    ensure_token(client, config, data_dir)
                except HubError as exc:
                    print(f"kiosk: enrolment failed: {exc}", file=sys.stderr)
                report = sync_once(store, client, config.hub.batch_size, force=True)
                store.purge_sent(retention(config))
                print(json.dumps(report.to_dict()))
                if args.once:
                    return 0 if report.ok else 1
                time.sleep(config.hub.sync_interval_seconds)
        except KeyboardInterrupt:  # rows cut off mid-send stay 'sending' and are resent by the next start
            return 130


def cmd_enrol(args: argparse.Namespace, config: Any) -> int:
    from offline_queue.protocol import HubError
    from offline_queue.runtime import enrol, make_client

    data_dir = _data_dir(config)
    client = make_client(config, data_dir, url=args.hub, token="")
    try:
        doc = enrol(client, config, data_dir, args.code)
    except HubError as exc:
        print(f"kiosk: enrolment failed ({exc.code}): {exc}", file=sys.stderr)
        return 1
    print(f"enrolled at {args.hub} as {doc['kiosk_id']}")
    return 0
