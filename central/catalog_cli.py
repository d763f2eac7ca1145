"""``kiosk-hub catalog publish|list|show|rollback``: catalogue versions from the hub's shell (main thread).

Publishing checks the file against the shared wire contract first and exits 2 naming the JSON path of every
problem, so a broken catalogue never reaches a kiosk. Kiosks pick a new version up at their next sync.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_REFUSED = 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], default_db: str) -> None:
    c = sub.add_parser("catalog", help="publish, list, show or roll back procedure catalogue versions")
    csub = c.add_subparsers(dest="catalog_command", required=True)
    p = csub.add_parser("publish", help="check a catalogue JSON file and publish it as the newest version")
    p.add_argument("file", type=Path)
    p.add_argument("--check", action="store_true", help="only check the file; publish nothing")
    ls = csub.add_parser("list", help="published versions, newest first")
    show = csub.add_parser("show", help="print one version's document (default: the newest)")
    show.add_argument("version", type=int, nargs="?")
    r = csub.add_parser("rollback", help="publish an earlier version's document again, as the newest version")
    r.add_argument("version", type=int)
    for parser in (p, ls, show, r):
        parser.add_argument("--db", default=default_db)
        parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from core.catalogue_contract import CatalogueRefused, parse

    if args.catalog_command == "publish":
        try:
            document = parse(args.file.read_bytes())
        except OSError as exc:
            print(f"kiosk-hub: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return 1
        except CatalogueRefused as exc:
            print(f"kiosk-hub: {args.file} refused, {len(exc.problems)} problem(s):", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_REFUSED
        if args.check:
            print(f"{args.file}: valid ({len(document['procedures'])} procedures)")
            return 0
    from central import catalog_store
    from central.db import Database

    db = Database(args.db)
    db.migrate()
    if args.catalog_command == "publish":
        published, new = catalog_store.publish(db, document)
        print(f"version {published.version} {'published' if new else 'is already this document'} "
              f"({published.procedures} procedures, sha256 {published.sha256})")
    elif args.catalog_command == "list":
        for p in catalog_store.versions(db):
            back = f" roll-back of {p.rollback_of}" if p.rollback_of else ""
            sha = (p.sha256 or "legacy, not served")[:16]
            print(f"{p.version:>5}  {p.summary()['published_at']}  {p.procedures:>4} procedures  {sha}{back}")
    elif args.catalog_command == "show":
        version = args.version or (catalog_store.latest_version(db) or (0,))[0]
        try:
            print(json.dumps(catalog_store.get(db, version).document, ensure_ascii=False, indent=1))
        except catalog_store.UnknownVersion:
            print(f"kiosk-hub: no catalogue version {version}", file=sys.stderr)
            return 1
    else:
        try:
            published = catalog_store.rollback(db, args.version)
        except catalog_store.UnknownVersion:
            print(f"kiosk-hub: no catalogue version {args.version}", file=sys.stderr)
            return 1
        print(f"version {published.version} published (the document of version {args.version})")
    return 0
