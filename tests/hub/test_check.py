"""`kiosk-hub check` run as the command it is: every failure exits 1 and says how to fix it."""

from __future__ import annotations

import http.server
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from central.local import free_port


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", "check", *args], capture_output=True, text=True,
                          timeout=120)


def _certificate(path: Path, not_before: datetime, not_after: datetime) -> Path:
    """A self-signed certificate at `path`, its key beside it (`.key`)."""
    key = ec.generate_private_key(ec.SECP256R1())
    path.with_suffix(".key").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hub.phuong.example")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(not_before).not_valid_after(not_after)
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_an_unmigrated_database_fails_with_the_command_that_fixes_it(tmp_path: Path) -> None:
    missing = _check("--db", f"sqlite:///{tmp_path / 'nothing.db'}")
    assert missing.returncode == 1 and "no database file" in missing.stdout
    assert not (tmp_path / "nothing.db").exists()  # checking never creates one
    db = tmp_path / "hub.db"
    import sqlite3

    sqlite3.connect(db).close()
    result = _check("--db", f"sqlite:///{db}")
    assert result.returncode == 1
    assert "FAIL  database schema at nothing" in result.stdout and "kiosk-hub migrate" in result.stdout
    assert subprocess.run([sys.executable, "-m", "central", "migrate", "--db", f"sqlite:///{db}"],
                          capture_output=True, timeout=120).returncode == 0
    result = _check("--db", f"sqlite:///{db}")
    assert result.returncode == 0, result.stdout
    assert "OK    database schema at the newest migration" in result.stdout and "OK    disk at" in result.stdout


def test_certificate_dates(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    subprocess.run([sys.executable, "-m", "central", "migrate", "--db", db], capture_output=True, timeout=120)
    now = datetime.now(UTC)
    good = _certificate(tmp_path / "good.pem", now - timedelta(days=1), now + timedelta(days=60))
    assert _check("--db", db, "--tls-cert", str(good)).returncode == 0
    expired = _certificate(tmp_path / "old.pem", now - timedelta(days=90), now - timedelta(days=1))
    result = _check("--db", db, "--tls-cert", str(expired))
    assert result.returncode == 1 and "expired" in result.stdout and "fix: renew" in result.stdout
    soon = _certificate(tmp_path / "soon.pem", now - timedelta(days=80), now + timedelta(days=3))
    result = _check("--db", db, "--tls-cert", str(soon))
    assert result.returncode == 1 and "expires on" in result.stdout and "renew it now" in result.stdout
    (tmp_path / "junk.pem").write_text("not a certificate")
    assert _check("--db", db, "--tls-cert", str(tmp_path / "junk.pem")).returncode == 1


def test_postgresql_reachable_migrated_and_clock_compared(pg_url: str) -> None:
    subprocess.run([sys.executable, "-m", "central", "migrate", "--db", pg_url], capture_output=True, timeout=120)
    result = _check("--db", pg_url)
    assert result.returncode == 0, result.stdout
    assert "from the database server's" in result.stdout


def test_an_unreachable_postgresql_fails_with_what_to_look_at() -> None:
    result = _check("--db", f"postgresql://hub:secret@127.0.0.1:{free_port()}/hub")
    assert result.returncode == 1
    assert "unreachable" in result.stdout and "systemctl start postgresql" in result.stdout
    assert "secret" not in result.stdout  # the password is never printed


@contextmanager
def _tls_server(cert: Path) -> Iterator[str]:
    """A real TLS server on 127.0.0.1 presenting `cert`; its https:// address."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, cert.with_suffix(".key"))
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_the_certificate_the_hub_address_presents(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    subprocess.run([sys.executable, "-m", "central", "migrate", "--db", db], capture_output=True, timeout=120)
    now = datetime.now(UTC)
    with _tls_server(_certificate(tmp_path / "good.pem", now - timedelta(days=1), now + timedelta(days=90))) as url:
        result = _check("--db", db, "--tls-url", url)
    assert result.returncode == 0 and f"OK    TLS certificate of {url} valid until" in result.stdout
    with _tls_server(_certificate(tmp_path / "old.pem", now - timedelta(days=90), now - timedelta(days=2))) as url:
        result = _check("--db", db, "--tls-url", url)
    assert result.returncode == 1 and "expired" in result.stdout
    result = _check("--db", db, "--tls-url", f"https://127.0.0.1:{free_port()}")
    assert result.returncode == 1 and "is Caddy running?" in result.stdout
