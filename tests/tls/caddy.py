"""A real Caddy (the Debian package) terminating TLS on 127.0.0.1 in front of a hub, for tests.

Caddy runs with HOME and XDG_DATA_HOME in a temporary folder, so its internal CA (``tls internal``) is created
there, and nothing is installed into a trust store (``skip_install_trust``; ``caddy trust`` is never run).
Two sites on two free ports: ``ward`` (https://127.0.0.1:…) is deploy/hub/Caddyfile itself, configured by
environment variables as caddy.service would be, with a certificate from Caddy's internal CA (the root a ward
gives its kiosks), ``rogue`` (https://localhost:…) one from another CA that no kiosk trusts. Both
proxy to the same hub. Start-up takes a fraction of a second.

Careful: in Caddy 2.6 a ``pki { ca … }`` block silently turns trust installation back on for the local CA
(as root it writes /usr/local/share/ca-certificates), so the other CA is made here with ``cryptography``;
``untouched_trust_store`` lets the fixture prove the system store was left alone.
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

from central.local import free_port

DEPLOY_CADDYFILE = Path(__file__).resolve().parents[2] / "deploy" / "hub" / "Caddyfile"
# The ward site is the deployment file itself (its settings come from the environment, as in caddy.service);
# the rogue site is added after it.
CADDYFILE = """\
import {deploy}

https://localhost:{rogue_port} {{
	tls {rogue_cert} {rogue_key}
	reverse_proxy {upstream}
}}
"""


class CaddyError(RuntimeError):
    pass


SYSTEM_STORE = Path("/usr/local/share/ca-certificates")


def trust_store_listing() -> list[str]:
    return sorted(p.name for p in SYSTEM_STORE.glob("*")) if SYSTEM_STORE.is_dir() else []


def make_rogue_ca(folder: Path, host: str) -> tuple[Path, Path, Path]:
    """(root certificate, leaf certificate chain, leaf key) of a CA nobody trusts, with a leaf for ``host``."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)

    def cert(subject: str, key, issuer: str, signer, ca: bool, san: str | None = None):  # type: ignore[no-untyped-def]
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
                   .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=2))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if san:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        return builder.sign(signer, hashes.SHA256())

    root_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = cert("Somebody else's CA", root_key, "Somebody else's CA", root_key, True)
    leaf = cert(host, leaf_key, "Somebody else's CA", root_key, False, host)
    pem = serialization.Encoding.PEM
    paths = folder / "rogue-root.crt", folder / "rogue.crt", folder / "rogue.key"
    paths[0].write_bytes(root.public_bytes(pem))
    paths[1].write_bytes(leaf.public_bytes(pem) + root.public_bytes(pem))
    paths[2].write_bytes(leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption()))
    return paths


def caddy_binary() -> str:
    found = shutil.which("caddy")
    if not found:
        raise CaddyError("caddy is not installed (make sysdeps installs the Debian package)")
    return found


class Caddy:
    def __init__(self, folder: Path, upstream: str) -> None:
        self.folder = folder
        self.upstream = upstream
        self.ward_port, self.rogue_port, self.http_port = free_port(), free_port(), free_port()
        self.data = folder / "xdg-data" / "caddy"
        self.rogue_root, self._rogue_cert, self._rogue_key = make_rogue_ca(folder, "localhost")
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.ward_port}"

    @property
    def rogue_url(self) -> str:
        return f"https://localhost:{self.rogue_port}"  # another name: one name cannot have two issuers

    def root(self) -> Path:
        """Caddy's internal root certificate: what a ward puts in its kiosks' [hub] ca_bundle."""
        return self.data / "pki" / "authorities" / "local" / "root.crt"

    def start(self, timeout: float = 20.0) -> Caddy:
        config = self.folder / "Caddyfile"
        upstream = self.upstream.split("://")[-1]
        config.write_text(CADDYFILE.format(deploy=DEPLOY_CADDYFILE, rogue_port=self.rogue_port, upstream=upstream,
                                           rogue_cert=self._rogue_cert, rogue_key=self._rogue_key))
        env = os.environ | {"HOME": str(self.folder), "XDG_DATA_HOME": str(self.folder / "xdg-data"),
                            "XDG_CONFIG_HOME": str(self.folder / "xdg-config"),
                            "HUB_SITE": self.url, "HUB_UPSTREAM": upstream, "HUB_HTTPS_PORT": str(self.ward_port),
                            "HUB_HTTP_PORT": str(self.http_port), "HUB_ACCESS_LOG": str(self.folder / "access.log")}
        log = open(self.folder / "caddy.log", "wb")  # noqa: SIM115 - the child process writes it
        self._proc = subprocess.Popen([caddy_binary(), "run", "--config", str(config), "--adapter", "caddyfile"],
                                      stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.folder)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise CaddyError(f"caddy exited: {self.log_tail()}")
            if self.root().is_file() and self._serving():
                return self
            time.sleep(0.05)
        self.stop()
        raise CaddyError(f"caddy did not come up in {timeout:.0f} s: {self.log_tail()}")

    def _serving(self) -> bool:
        """Both sites complete a handshake with a certificate their own CA signed."""
        for port, ca, name in ((self.ward_port, self.root(), "127.0.0.1"), (self.rogue_port, self.rogue_root,
                                                                              "localhost")):
            try:  # Caddy writes root.crt in place: it may still be empty
                ctx = ssl.create_default_context(cafile=str(ca))
                with socket.create_connection(("127.0.0.1", port), timeout=1) as raw, \
                        ctx.wrap_socket(raw, server_hostname=name):
                    pass
            except (OSError, ssl.SSLError):
                return False
        return True

    def leaf_der(self, port: int | None = None) -> bytes:
        """The certificate Caddy presents on ``port`` (the ward site by default)."""
        ctx = ssl.create_default_context()
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", port or self.ward_port), timeout=3) as raw, \
                ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            return tls.getpeercert(binary_form=True)

    def log_tail(self) -> str:
        try:
            return (self.folder / "caddy.log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=5)
        self._proc = None
