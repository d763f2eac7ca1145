"""`kiosk-hub check`: is this deployment sound? The database answers and carries the newest migration, the TLS
certificate is valid for a while yet, the disk has room, the clock is right. Each finding says how to fix it.
Runs in the main thread of the CLI; exit status 1 when anything failed."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from central.db import Database, current_revision, head_revision, normalise_url

CERT_WARN = timedelta(days=14)
DISK_MIN_FREE = 0.10
DISK_MIN_BYTES = 1 << 30
CLOCK_SKEW = timedelta(seconds=30)


@dataclass(frozen=True)
class Finding:
    ok: bool
    what: str
    fix: str = ""

    def line(self) -> str:
        return f"OK    {self.what}" if self.ok else f"FAIL  {self.what}\n      fix: {self.fix}"


def check_database(db_url: str) -> tuple[list[Finding], Database | None]:
    url = normalise_url(db_url)
    if url.startswith("sqlite"):
        from sqlalchemy.engine import make_url

        file = make_url(url).database
        if file and file != ":memory:" and not Path(file).is_file():  # connecting would create an empty one
            return [Finding(False, f"no database file at {file}",
                            f"check --db / KIOSK_HUB_DB, or create it: `kiosk-hub migrate --db '{url}'`")], None
    db = Database(url)
    shown = db.engine.url.render_as_string(hide_password=True)
    try:
        with db.engine.connect() as con:
            con.execute(text("SELECT 1"))
    except Exception as exc:  # every driver error means the same to the operator
        db.dispose()
        return [Finding(False, f"database {shown} unreachable ({type(exc).__name__}: {str(exc).splitlines()[0]})",
                        "start PostgreSQL (systemctl start postgresql), check host, port, user and password in "
                        "--db / KIOSK_HUB_DB, and that this machine may connect (pg_hba.conf)")], None
    revision, head = current_revision(db.engine), head_revision()
    findings = [Finding(True, f"database {shown} reachable")]
    if revision == head:
        findings.append(Finding(True, f"database schema at the newest migration ({head})"))
    else:
        findings.append(Finding(False, f"database schema at {revision or 'nothing (empty database)'}, this hub "
                                       f"needs {head}", f"run `kiosk-hub migrate --db '{shown}'` (take a backup "
                                                        "first: `kiosk-hub backup`)"))
    return findings, db


def _served_certificate(url: str) -> bytes:
    """The certificate a TLS server presents (not verified: this is about its dates, what kiosks will see)."""
    import ssl
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"{url} is not an https:// address")
    return ssl.get_server_certificate((parts.hostname, parts.port or 443), timeout=10).encode()


def check_certificate(source: Path | str, now: datetime) -> Finding:
    """`source`: a PEM file, or the https:// address whose served certificate is read."""
    from cryptography import x509

    try:
        pem = _served_certificate(source) if isinstance(source, str) else source.read_bytes()
        cert = x509.load_pem_x509_certificate(pem)
    except (OSError, ValueError) as exc:
        return Finding(False, f"TLS certificate of {source} unreadable ({exc})",
                       "point --tls-cert at the PEM certificate Caddy serves, or --tls-url at the hub's https:// "
                       "address; is Caddy running? (docs/tls.md)")
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    if now < start:
        return Finding(False, f"TLS certificate of {source} is not valid before {start:%Y-%m-%d %H:%M} UTC",
                       "check this machine's clock, or install a certificate that is valid now")
    if now > end:
        return Finding(False, f"TLS certificate of {source} expired on {end:%Y-%m-%d} UTC; kiosks refuse the hub",
                       "renew it (Caddy renews by itself when it can reach its CA: `journalctl -u caddy`)")
    if end - now < CERT_WARN:
        return Finding(False, f"TLS certificate of {source} expires on {end:%Y-%m-%d} UTC, in {(end - now).days} "
                              "days", "renew it now (Caddy renews 30 days ahead when it can reach its CA: "
                                      "`journalctl -u caddy`)")
    return Finding(True, f"TLS certificate of {source} valid until {end:%Y-%m-%d} UTC")


def check_disk(path: Path) -> Finding:
    usage = shutil.disk_usage(path)
    share = usage.free / usage.total if usage.total else 0.0
    what = f"disk at {path}: {usage.free / (1 << 30):.1f} GiB free ({share:.0%})"
    if share < DISK_MIN_FREE or usage.free < DISK_MIN_BYTES:
        return Finding(False, what, "free space: prune old backups (`kiosk-hub backup --keep 7`), old logs "
                                    "(`journalctl --vacuum-size=500M`), or grow the disk")
    return Finding(True, what)


def check_clock(db: Database | None, now: datetime) -> list[Finding]:
    findings: list[Finding] = []
    if db is not None and db.engine.dialect.name == "postgresql":
        with db.engine.connect() as con:
            server = con.execute(text("SELECT now()")).scalar_one()
        skew = abs(server - now)
        ok = skew <= CLOCK_SKEW
        findings.append(Finding(ok, f"clock {skew.total_seconds():.1f} s from the database server's",
                                "synchronise both machines with NTP (apt-get install systemd-timesyncd)"))
    if now.year < 2026:
        findings.append(Finding(False, f"clock says {now:%Y-%m-%d}", "set the time: timedatectl set-ntp true"))
    synced = _ntp_synchronised()
    if synced is False:
        findings.append(Finding(False, "clock not synchronised with NTP (timedatectl)",
                                "timedatectl set-ntp true (and allow UDP 123 out)"))
    elif synced:
        findings.append(Finding(True, "clock synchronised with NTP"))
    return findings


def _ntp_synchronised() -> bool | None:
    """systemd's view; None where timedatectl cannot tell (containers, no systemd)."""
    if not shutil.which("timedatectl"):
        return None
    try:
        out = subprocess.run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"], capture_output=True,
                             text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return {"yes": True, "no": False}.get(value) if out.returncode == 0 else None


def run_checks(db_url: str, cert: Path | None, disk: Path, tls_url: str | None = None) -> list[Finding]:
    now = datetime.now(UTC)
    findings, db = check_database(db_url)
    try:
        if cert is not None:
            findings.append(check_certificate(cert, now))
        if tls_url:
            findings.append(check_certificate(tls_url, now))
        findings.append(check_disk(disk))
        findings += check_clock(db, now)
    finally:
        if db is not None:
            db.dispose()
    return findings
