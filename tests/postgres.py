"""A throw-away PostgreSQL cluster for the hub tests: initdb + pg_ctl in a temporary folder, on a free port.

One cluster per test process (pytest-xdist worker), started on first use and stopped at the end of the session;
each test that asks for `pg_url` gets a fresh, empty database in it (CREATE DATABASE is quick). If the server
cannot start the test fails: the hub's production database is never silently left untested.

`make test` installs Debian's `postgresql` package when it is missing. The server refuses to run as root, so
under root (CI) the cluster belongs to the `postgres` system user that the package creates."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin_dir() -> Path:
    """The newest installed server's bin folder (Debian keeps initdb out of PATH); the hub's backups use the same."""
    from central.pgtools import bin_dir

    try:
        return bin_dir()
    except RuntimeError:
        raise RuntimeError("PostgreSQL server binaries not found: run `make test` (it installs postgresql) "
                           "or `apt-get install -y postgresql`") from None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """initdb'd in its own temporary folder; `url(db)` names a database on it (psycopg 3)."""

    def __init__(self, durable: bool = False) -> None:
        self.durable = durable  # bench/hub_ingest.py: fsync'd commits, as in production
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._user: str | None = "postgres" if os.geteuid() == 0 else None
        self._names = itertools.count(1)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), user=self._user, check=check, capture_output=True, text=True,
                              cwd=self.root, timeout=120)

    def start(self) -> PostgresCluster:
        if self._user:
            entry = pwd.getpwnam(self._user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        # Durability off: a test cluster is thrown away; the hub's own durability is tested on SQLite files.
        durability = "" if self.durable else "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} {durability}"
                   "-c max_connections=200")
        started = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                            "-o", options, "-w", "-t", "60", "start", check=False)
        if started.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{self.log_tail()}")
        return self

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self) -> str:
        log = self.root / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    try:
        cluster = PostgresCluster().start()
    except (RuntimeError, OSError, KeyError, subprocess.SubprocessError) as exc:
        pytest.fail(f"the throw-away PostgreSQL cluster could not start: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(postgres_cluster: PostgresCluster) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test."""
    return postgres_cluster.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh hub database on each backend the hub supports: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    return request.getfixturevalue("pg_url")
