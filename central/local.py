"""LocalHub: a real hub process on 127.0.0.1 for `make run` (hub.local_hub = true) and for tests.

Runs `python -m central serve --demo` as a child process with a SQLite file in a data directory (or any
database URL, e.g. PostgreSQL). Staff routes need a staff session: LocalHub creates an administrator account
`localhub-admin` with a random password (written to <data_dir>/staff-admin.txt, mode 0600, for a person
trying `make run` in a browser) and signs in with it for `request()` on staff paths. The methods are blocking
(they wait for /healthz) and must not be called from the GUI thread."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from central.config import DEMO_CODE

# The kiosk's own offline catalogue: a demo hub serves it from /v1/catalog, in the format the kiosk parses.
KIOSK_CATALOGUE = Path(__file__).resolve().parent.parent / "core" / "assets" / "catalogue" / "procedures.json"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]  # (host, port) of an AF_INET socket
        return port


class LocalHubError(RuntimeError):
    """The hub process did not come up (its log tail is in the message)."""


class LocalHub:
    """A demo hub child process. `with LocalHub(tmp_path) as hub: hub.url …`"""

    def __init__(self, data_dir: str | os.PathLike[str], port: int | None = None, *, host: str = "127.0.0.1",
                 demo_code: str = DEMO_CODE, faults: float | None = None, extra_args: Sequence[str] = (),
                 startup_timeout: float = 30.0, catalog_file: str | os.PathLike[str] | None = None,
                 db_url: str | None = None, admin_user: str = "localhub-admin") -> None:
        self.data_dir = Path(data_dir)
        self.host, self.port = host, port or free_port(host)
        self.demo_code = demo_code
        self.admin_user, self.admin_password = admin_user, secrets.token_urlsafe(18)
        self._db_url = db_url
        self._staff: tuple[str, str] | None = None  # (Cookie header, CSRF token) of our signed-in session
        self._admin_ready = False
        self.faults = faults
        self.extra_args = list(extra_args)
        self.startup_timeout = startup_timeout
        self.catalog_file = Path(catalog_file) if catalog_file else (KIOSK_CATALOGUE if KIOSK_CATALOGUE.is_file()
                                                                      else None)
        self.db_path = self.data_dir / "hub.db"
        self.log_path = self.data_dir / "hub.log"
        self._proc: subprocess.Popen[bytes] | None = None

    # ---- life cycle -------------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def db_url(self) -> str:
        return self._db_url or f"sqlite:///{self.db_path}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "central", "serve", "--demo", "--host", self.host, "--port", str(self.port),
               "--db", self.db_url, "--demo-code", self.demo_code, "--log-level", "warning",
               "--parent-pid", str(os.getpid())]
        if self.faults:
            cmd += ["--faults", str(self.faults)]
        if self.catalog_file:
            cmd += ["--catalog", str(self.catalog_file)]
        return cmd + self.extra_args

    def start(self) -> LocalHub:
        if self.running:
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        # The project root on the path too, for a source checkout that is not installed.
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        with open(self.log_path, "ab") as log:
            self._proc = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, env=env, cwd=self.data_dir)
        self._wait_ready()
        self._ensure_admin()
        return self

    def _ensure_admin(self) -> None:
        """The administrator account our staff requests use (created once; its password reset if it exists)."""
        if self._admin_ready:
            return
        self.add_staff(self.admin_user, "admin", self.admin_password, replace=True)
        creds = self.data_dir / "staff-admin.txt"
        creds.touch(mode=0o600)
        creds.write_text(f"{self.url}/staff/login\nuser: {self.admin_user}\npassword: {self.admin_password}\n")
        self._admin_ready = True

    def add_staff(self, username: str, role: str, password: str, *, replace: bool = False,
                  with_totp: bool = False) -> str | None:
        """Create a staff account in the hub's database (the TOTP secret when `with_totp`)."""
        from central.db import Database
        from central.staff import accounts

        db = Database(self.db_url)
        try:
            try:
                return accounts.create_user(db, username, role, password, with_totp=with_totp)[1]
            except accounts.AccountError:
                if not replace:
                    raise
                return accounts.reset(db, username, password, with_totp, role)
        finally:
            db.dispose()

    def login(self, username: str | None = None, password: str | None = None) -> tuple[str, str]:
        """Sign in (as our administrator by default): (Cookie header value, CSRF token)."""
        form = urllib.parse.urlencode({"username": username or self.admin_user,
                                       "password": password or self.admin_password}).encode()
        req = urllib.request.Request(self.url + "/staff/login", data=form, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                body, cookie = json.loads(r.read()), r.headers.get("set-cookie", "")
        except urllib.error.HTTPError as e:
            raise LocalHubError(f"staff sign-in failed: {e.code} {e.read()[:300]!r}") from e
        session = (cookie.split(";", 1)[0], body["csrf_token"])
        if username is None:
            self._staff = session
        return session

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc is None or self._proc.poll() is not None:
                code = self._proc.returncode if self._proc else "?"
                raise LocalHubError(f"hub exited with {code}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        self.kill()
        raise LocalHubError(f"hub did not answer /healthz within {self.startup_timeout} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM (uvicorn finishes in-flight requests), then SIGKILL after `timeout`."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None

    def kill(self) -> None:
        """SIGKILL: the hub dies mid-whatever (a crash or a power cut)."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGKILL)
            self._proc.wait()
        self._proc = None

    def restart(self, timeout: float = 5.0) -> LocalHub:
        """Stop (if running) and start again on the same port with the same database."""
        self.stop(timeout)
        return self.start()

    def __enter__(self) -> LocalHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # ---- conveniences for tests and `make run` -------------------------------------------------------------------

    def request(self, method: str, path: str, body: Any = None, token: str | None = None,
                headers: dict[str, str] | None = None, timeout: float = 10.0) -> tuple[int, Any]:
        """(status, parsed JSON or text). `token` is a kiosk's bearer token; without one, staff paths (/, /admin,
        /staff) go with our administrator's session and its CSRF token ("" sends no credentials at all)."""
        staff = token is None and (path.startswith(("/admin", "/staff/")) or path == "/")
        status, parsed = self._request(method, path, body, token, headers, timeout, staff)
        if staff and status == 401:  # the session ended (idle timeout, another process signed us out…)
            self._staff = None
            status, parsed = self._request(method, path, body, token, headers, timeout, staff)
        return status, parsed

    def _request(self, method: str, path: str, body: Any, token: str | None, headers: dict[str, str] | None,
                 timeout: float, staff: bool) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        hdrs = {"Content-Type": "application/json"} if data is not None else {}
        if staff:
            cookie, csrf = self._staff or self.login()
            hdrs.update({"Cookie": cookie, "X-CSRF-Token": csrf})
        elif token:
            hdrs["Authorization"] = f"Bearer {token}"
        hdrs.update(headers or {})
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, raw, ctype = r.status, r.read(), r.headers.get("content-type", "")
        except urllib.error.HTTPError as e:
            status, raw, ctype = e.code, e.read(), e.headers.get("content-type", "")
        return status, (json.loads(raw) if "json" in ctype else raw.decode("utf-8", "replace"))

    def enroll(self, station_code: str | None = None, name: str = "Trạm thử", version: str = "0.1.0",
               code: str | None = None) -> dict[str, Any]:
        """Enrol a kiosk (with the demo code unless `code`): {"kiosk_id", "token", "payee", "station_code"}.
        Station codes are unique among a hub's kiosks: without one, a new random code is used."""
        station_code = station_code or "T" + secrets.token_hex(3).upper()
        status, body = self.request("POST", "/v1/kiosks/enroll", {"code": code or self.demo_code,
                                                                    "station_code": station_code, "name": name,
                                                                    "version": version})
        if status != 201:
            raise LocalHubError(f"enrolment failed: {status} {body}")
        return {**body, "station_code": station_code}

    def set_faults(self, rate: float, **settings: Any) -> dict[str, Any]:
        """POST /admin/faults, e.g. set_faults(0.5, kinds=["503"], phase="after", seed=1); rate 0 turns off."""
        status, body = self.request("POST", "/admin/faults", {"rate": rate, **settings})
        if status != 200:
            raise LocalHubError(f"setting faults failed: {status} {body}")
        settings_now: dict[str, Any] = body
        return settings_now

    def set_status(self, reference: str, status: str, note: str | None = None) -> dict[str, Any]:
        code, body = self.request("POST", f"/admin/dossiers/{reference}/status", {"status": status, "note": note})
        if code != 200:
            raise LocalHubError(f"status change failed: {code} {body}")
        tracked: dict[str, Any] = body
        return tracked

    def mark_paid(self, payment_id: str) -> dict[str, Any]:
        code, body = self.request("POST", f"/admin/payments/{payment_id}/mark-paid")
        if code != 200:
            raise LocalHubError(f"mark-paid failed: {code} {body}")
        payment: dict[str, Any] = body
        return payment

    def fleet(self) -> dict[str, Any]:
        """The dashboard's data as JSON (kiosks with their last heartbeat, recent submissions)."""
        fleet: dict[str, Any] = self.request("GET", "/admin/fleet")[1]
        return fleet
