"""PostgreSQL client programs (pg_dump, pg_restore) and libpq connection settings from a SQLAlchemy URL; used by
`kiosk-hub backup/restore` in the main thread."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

from sqlalchemy.engine import make_url


def bin_dir() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian keeps initdb and friends out of PATH); pg_dump must be
    at least as new as the server it dumps."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("pg_dump")
    if found:
        return Path(found).resolve().parent
    raise RuntimeError("PostgreSQL client programs not found: apt-get install -y postgresql-client")


def libpq(url: str) -> tuple[list[str], dict[str, str]]:
    """(connection arguments, environment) for pg_dump/pg_restore: the password goes in PGPASSWORD, never on a
    command line that `ps` shows."""
    u = make_url(url)
    args = ["--dbname", u.database or "postgres", "--host", u.host or "localhost", "--port", str(u.port or 5432)]
    if u.username:
        args += ["--username", u.username]
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    return args, env
