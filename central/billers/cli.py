"""``kiosk-hub billers publish FILE`` / ``kiosk-hub billers show``: the ward's official billers list."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_parser(sub: Any, default_db: str) -> None:
    p = sub.add_parser("billers", help="publish or show the official billers list kiosks check bills against")
    actions = p.add_subparsers(dest="billers_action", required=True)
    pub = actions.add_parser("publish", help="check a billers list (JSON) and publish it to every kiosk")
    pub.add_argument("file", type=Path)
    pub.add_argument("--db", default=default_db)
    pub.set_defaults(func=cmd_publish)
    show = actions.add_parser("show", help="print the list kiosks receive now")
    show.add_argument("--db", default=default_db)
    show.set_defaults(func=cmd_show)


def cmd_publish(args: argparse.Namespace) -> int:
    from central.billers import store
    from central.db import Database
    from core.bills import BillersRefused

    try:
        document = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read {args.file}: {exc}")
        return 2
    db = Database(args.db)
    db.migrate()
    try:
        published, new = store.publish(db, document)
    except BillersRefused as exc:
        print("billers list refused:")
        for problem in exc.problems:
            print(f"  {problem}")
        return 1
    state = "published" if new else "unchanged (already the latest)"
    print(f"billers list version {published.version} {state}: {len(published.billers.billers)} billers")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from central.billers import store
    from central.db import Database

    db = Database(args.db)
    db.migrate()
    published = store.latest(db)
    print(json.dumps({"version": published.version if published else 0,
                      **(published.billers.as_json() if published else {"billers": []})}, ensure_ascii=False,
                     indent=2))
    return 0
