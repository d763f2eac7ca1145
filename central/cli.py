"""`kiosk-hub` command line: serve, enrolment-code, migrate, catalog; runs in the main thread of the hub process."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from central import catalog_cli
from central.config import DEMO_CODE, DEMO_PAYEE, FAULT_KINDS, FAULT_PHASES, FaultSettings, HubConfig, Payee

DEFAULT_DB = os.environ.get("KIOSK_HUB_DB", "sqlite:///hub.db")


def _rate(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("a share between 0 and 1, e.g. 0.3")
    return value


def _kinds(text: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in text.split(",") if k.strip())
    if not kinds or any(k not in FAULT_KINDS for k in kinds):
        raise argparse.ArgumentTypeError(f"comma-separated subset of {','.join(FAULT_KINDS)}")
    return kinds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-hub", description="Trạm công dân số ward hub")
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="run the hub (HTTP API + fleet dashboard)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy URL or SQLite file (postgresql+psycopg://… works)")
    s.add_argument("--demo", action="store_true",
                   help="demo mode: reusable enrolment code, demo payee, faults allowed (staff still sign in)")
    s.add_argument("--demo-code", default=DEMO_CODE, help=f"the reusable demo enrolment code (default {DEMO_CODE})")
    s.add_argument("--public-url", default="", help="base URL put into enrolment QR codes")
    s.add_argument("--allow-faults", action="store_true", help="allow fault injection without demo mode (tests)")
    s.add_argument("--faults", type=_rate, default=0.0, metavar="RATE", help="share of kiosk requests that fail")
    s.add_argument("--fault-kinds", type=_kinds, default=FAULT_KINDS, metavar="LIST", help=",".join(FAULT_KINDS))
    s.add_argument("--fault-phase", choices=FAULT_PHASES, default="random",
                   help="fail before the handler runs, after it committed, or either")
    s.add_argument("--fault-seed", type=int, default=None)
    s.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds of injected 429/503")
    s.add_argument("--fault-delay", type=float, default=2.0, help="seconds of an injected delay")
    s.add_argument("--payee-bin", default="", help="bank BIN of the fee account, e.g. 970436")
    s.add_argument("--payee-account", default="")
    s.add_argument("--payee-name", default="", help="account holder, e.g. CONG AN PHUONG BEN NGHE")
    s.add_argument("--payee-city", default="HCM")
    s.add_argument("--payee-document", type=Path, default=None,
                   help="the ward's signed payee (from `kiosk-hub payee sign`), instead of --payee-*: kiosks that pin "
                        "the ward's key accept only this payee")
    s.add_argument("--payment-ttl", type=int, default=900, help="seconds before a pending payment expires")
    s.add_argument("--draft-ttl-days", type=_draft_days, default=7.0,
                   help="days a dossier prepared at home on the phone is kept unless a station uses it first")
    s.add_argument("--catalog", type=Path, default=None,
                   help="catalogue JSON file to publish at start (checked; skipped when it is already the newest)")
    s.add_argument("--ice-server", action="append", default=[], metavar="URL[,USER,CREDENTIAL]",
                   help="STUN/TURN server for video consultations (repeatable): turn:turn.ward.vn:3478,kiosk,secret")
    s.add_argument("--duty-hours", default=None, help="the doctors' duty hours, as told to residents (Vietnamese)")
    s.add_argument("--call-grace", type=float, default=20.0,
                   help="seconds a consultation waits for a kiosk whose connection dropped")
    s.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    s.add_argument("--log-format", default=os.environ.get("KIOSK_HUB_LOG_FORMAT", "text"), choices=("text", "json"),
                   help="json: one JSON object per line (env KIOSK_HUB_LOG_FORMAT)")
    s.add_argument("--workers", type=int, default=1,
                   help="uvicorn worker processes (PostgreSQL: about one per core; they share no state in memory)")
    s.add_argument("--metrics-token", default=os.environ.get("KIOSK_HUB_METRICS_TOKEN", ""),
                   help="Bearer token a remote Prometheus sends to /metrics (env KIOSK_HUB_METRICS_TOKEN)")
    s.add_argument("--disk-path", default="", help="file system whose free space /metrics reports "
                   "(default: the SQLite file's folder, else the working directory)")
    s.add_argument("--parent-pid", type=int, default=0,
                   help="stop when this process is gone (LocalHub: no orphan hub after a kiosk crash)")
    s.add_argument("--biller-adapters", type=Path, default=None,
                   help="JSON: biller id -> {protocol: bill-lookup/1, url} (central/billers/adapter.py)")
    s.set_defaults(func=cmd_serve)

    e = sub.add_parser("enrolment-code", help="create a one-time enrolment code and print it with its QR payload")
    e.add_argument("--db", default=DEFAULT_DB)
    e.add_argument("--url", default="http://127.0.0.1:8080", help="the hub's base URL as kiosks reach it")
    e.add_argument("--ttl-hours", type=float, default=24.0)
    e.add_argument("--qr", action="store_true", help="also draw the QR code in the terminal")
    e.set_defaults(func=cmd_enrolment_code)

    m = sub.add_parser("migrate", help="create or upgrade the database schema")
    m.add_argument("--db", default=DEFAULT_DB)
    m.add_argument("--revision", default="head")
    m.set_defaults(func=cmd_migrate)
    catalog_cli.add_parser(sub, DEFAULT_DB)

    c = sub.add_parser("check", help="verify this deployment: database reachable and migrated, TLS certificate, "
                                     "disk, clock (exit 1 with the fix when something is wrong)")
    c.add_argument("--db", default=DEFAULT_DB)
    c.add_argument("--tls-cert", type=Path, default=os.environ.get("KIOSK_HUB_TLS_CERT") or None,
                   help="PEM certificate the kiosks see (env KIOSK_HUB_TLS_CERT)")
    c.add_argument("--tls-url", default=os.environ.get("KIOSK_HUB_PUBLIC_URL") or None,
                   help="https:// address whose served certificate is checked, as kiosks see it "
                        "(env KIOSK_HUB_PUBLIC_URL; http:// addresses are skipped)")
    c.add_argument("--disk-path", type=Path, default=None, help="default: the SQLite file's folder, else here")
    c.set_defaults(func=cmd_check)

    b = sub.add_parser("backup", help="back up the database (attachments included) into a new folder, keep N")
    b.add_argument("--db", default=DEFAULT_DB)
    b.add_argument("--dest", type=Path, default=Path(os.environ.get("KIOSK_HUB_BACKUP_DIR", "backups")))
    b.add_argument("--keep", type=int, default=14, help="backups kept (the oldest beyond this are deleted)")
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", help="restore a backup folder into an empty database (stop the hub first)")
    r.add_argument("folder", type=Path, help="a hub-YYYYmmddT…Z folder written by `kiosk-hub backup`")
    r.add_argument("--db", default=DEFAULT_DB)
    r.add_argument("--force", action="store_true", help="replace a database that already holds data")
    r.set_defaults(func=cmd_restore)
    d = sub.add_parser("device", help="register a measuring device (or list them): kiosks report model and serial")
    d.add_argument("--db", default=DEFAULT_DB)
    d.add_argument("--kind", help="blood_pressure | oximeter | scale | thermometer")
    d.add_argument("--model", help="as the device reports it, e.g. 'Omron HBP-1320'")
    d.add_argument("--serial")
    d.add_argument("--validation", help="the validation reference, e.g. 'STRIDE BP 2019, ISO 81060-2'")
    d.add_argument("--calibration-due", help="YYYY-MM-DD")
    d.set_defaults(func=cmd_device)

    from central.staff.cli import add_parser as add_user_parser

    add_user_parser(sub, DEFAULT_DB)
    from central.payee_cli import add_parser as add_payee_parser

    add_payee_parser(sub)
    from central.billers.cli import add_parser as add_billers_parser

    add_billers_parser(sub, DEFAULT_DB)
    return parser


def config_from_args(args: argparse.Namespace) -> HubConfig:
    payee_parts = (args.payee_bin, args.payee_account, args.payee_name)
    if any(payee_parts) and not all(payee_parts):
        raise SystemExit("kiosk-hub: --payee-bin, --payee-account and --payee-name go together")
    payee = Payee(args.payee_bin, args.payee_account, args.payee_name, args.payee_city) if all(payee_parts) else None
    if args.payee_document is not None:
        if payee is not None:
            raise SystemExit("kiosk-hub: --payee-document names the payee: leave out --payee-bin/-account/-name")
        from central.payee_cli import load_payee_document

        payee = load_payee_document(args.payee_document)
    if args.faults and not (args.demo or args.allow_faults):
        raise SystemExit("kiosk-hub: --faults needs --demo or --allow-faults")
    faults = FaultSettings(rate=args.faults, kinds=args.fault_kinds, phase=args.fault_phase,
                           retry_after=args.retry_after, delay_seconds=args.fault_delay, seed=args.fault_seed)
    return HubConfig(db_url=args.db, demo=args.demo, allow_faults=args.allow_faults,
                     demo_code=args.demo_code, payee=payee or (DEMO_PAYEE if args.demo else None),
                     public_url=args.public_url, payment_ttl_seconds=args.payment_ttl, faults=faults,
                     draft_ttl_days=args.draft_ttl_days,
                     metrics_token=args.metrics_token, disk_path=args.disk_path or _data_folder(args.db),
                     ice_servers=tuple(_ice_server(v) for v in args.ice_server),
                     telehealth_grace_seconds=args.call_grace,
                     **({"telehealth_duty_hours": args.duty_hours} if args.duty_hours else {}))


def _draft_days(text: str) -> float:
    days = float(text)
    if not 0 < days <= 90:
        raise argparse.ArgumentTypeError("between 0 and 90 days")
    return days


def _data_folder(db_url: str) -> str:
    from sqlalchemy.engine import make_url

    from central.db import normalise_url

    url = make_url(normalise_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return str(Path(url.database).resolve().parent)
    return str(Path.cwd())


def _ice_server(value: str) -> tuple[str, str, str]:
    url, _, rest = value.partition(",")
    user, _, credential = rest.partition(",")
    if not url.startswith(("stun:", "turn:", "turns:")):
        raise SystemExit(f"--ice-server must start with stun:, turn: or turns: (got {url!r})")
    return url.strip(), user.strip(), credential.strip()


def _exit_with_parent(parent_pid: int) -> None:
    """A daemon thread: when the parent dies we are re-parented; then stop like on SIGTERM (graceful)."""
    import signal
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        logging.getLogger("central").warning("parent process %d is gone: stopping", parent_pid)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central import catalog_store
    from central.app import create_app
    from core.catalogue_contract import CatalogueRefused, parse

    config = config_from_args(args)
    if args.parent_pid:
        _exit_with_parent(args.parent_pid)
    app = create_app(config)
    if args.biller_adapters:
        import json

        from central.billers.adapter import adapters_from_config

        try:
            adapters = adapters_from_config(json.loads(args.biller_adapters.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"kiosk-hub: --biller-adapters {args.biller_adapters}: {exc}") from None
        app.state.biller_adapters = adapters
    if args.catalog:
        try:
            catalog_store.publish(app.state.db, parse(args.catalog.read_bytes()))
        except (OSError, CatalogueRefused) as exc:
            raise SystemExit(f"kiosk-hub: --catalog {args.catalog}: {exc}") from None
    from central.staff import accounts

    if not accounts.list_users(app.state.db):
        logging.getLogger("central").warning("no staff account yet: create the first administrator with "
                                             "`kiosk-hub user add NAME --role admin --db …`")
    logging.getLogger("central").info("hub on http://%s:%d (db %s, demo=%s, workers=%d)", args.host, args.port,
                                      app.state.db.engine.url.render_as_string(hide_password=True), config.demo,
                                      args.workers)
    options = {"host": args.host, "port": args.port, "log_level": args.log_level, "timeout_graceful_shutdown": 3,
               "access_log": args.log_level == "debug", "log_config": None}
    if args.workers <= 1:
        uvicorn.run(app, **options)
        return 0
    # Several processes: each builds its own app from the same settings (central.app.app_from_env); the state
    # they share lives in the database. Their counters are merged through prometheus-client's multiprocess files.
    from central.config import config_to_env
    from central.metrics import prepare_multiprocess_dir

    app.state.db.dispose()
    runtime = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0]  # systemd RuntimeDirectory=
    scratch = None if runtime else tempfile.mkdtemp(prefix="kiosk-hub-")
    prepare_multiprocess_dir(Path(runtime or scratch or ".") / "metrics")
    config_to_env(config, args.log_level, args.log_format)
    try:
        uvicorn.run("central.app:app_from_env", factory=True, workers=args.workers, **options)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


def cmd_enrolment_code(args: argparse.Namespace) -> int:
    from central import store
    from central.admin import qr_payload
    from central.db import Database

    db = Database(args.db)
    db.migrate()
    row = store.create_enrolment_code(db, ttl_hours=args.ttl_hours)
    payload = qr_payload(args.url, row.code)
    print(row.code)
    print(payload)
    if args.qr:
        import segno

        segno.make_qr(payload, encoding="utf-8", eci=True).terminal(compact=True)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from central.db import Database, current_revision

    db = Database(args.db)
    db.migrate(args.revision)
    print(f"database at revision {current_revision(db.engine)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from central.check import run_checks

    tls_url = args.tls_url if args.tls_url and args.tls_url.startswith("https://") else None
    findings = run_checks(args.db, args.tls_cert, args.disk_path or Path(_data_folder(args.db)), tls_url)
    for finding in findings:
        print(finding.line())
    failed = sum(not f.ok for f in findings)
    print("all checks passed" if not failed else f"{failed} check(s) failed")
    return 1 if failed else 0


def _report(command: str, run: Callable[[], str]) -> int:
    """Print what `run` returns; a BackupError becomes one line on stderr and exit status 1."""
    from central.backup import BackupError

    try:
        print(run())
    except BackupError as exc:
        print(f"kiosk-hub {command}: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from central.backup import backup

    return _report("backup", lambda: str(backup(args.db, args.dest, keep=args.keep)))


def cmd_restore(args: argparse.Namespace) -> int:
    from central.backup import restore

    def run() -> str:
        rows = restore(args.folder, args.db, force=args.force)
        return "restored: " + ", ".join(f"{table} {n}" for table, n in sorted(rows.items()))

    return _report("restore", run)


def cmd_device(args: argparse.Namespace) -> int:
    from datetime import date

    from central import alerts
    from central.db import Database

    db = Database(args.db)
    db.migrate()
    given = (args.kind, args.model, args.serial, args.validation, args.calibration_due)
    if any(given):
        if not all(given):
            raise SystemExit("kiosk-hub device: --kind, --model, --serial, --validation and --calibration-due go "
                             "together")
        try:
            due = date.fromisoformat(args.calibration_due)
        except ValueError as exc:
            raise SystemExit("kiosk-hub device: --calibration-due must be YYYY-MM-DD") from exc
        alerts.register_device(db, args.kind, args.model[:100], args.serial[:100], args.validation[:200], due)
    for d in alerts.devices(db):
        print(f"{d.kind}\t{d.model}\t{d.serial}\t{d.validation_ref}\tcalibration due {d.calibration_due}")
    db.dispose()
    return 0


def main(argv: list[str] | None = None) -> int:
    from central.logs import setup_logging

    args = build_parser().parse_args(argv)
    setup_logging(getattr(args, "log_level", "info"), getattr(args, "log_format", "text"))
    code: int = args.func(args)
    return code
