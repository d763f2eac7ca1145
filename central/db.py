"""Engine, sessions and Alembic migrations of the hub database (SQLite file by default, PostgreSQL by URL)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x7C05_4B00  # pg_advisory_xact_lock key of `kiosk-hub migrate` (any constant, ours alone)


def normalise_url(url: str) -> str:
    """Accept a bare file path for SQLite and `postgresql://` for psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        from sqlalchemy.engine import make_url

        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _sqlite_pragmas(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Take transactions into our own hands: pysqlite's implicit BEGIN would start a deferred
        # transaction whose later upgrade to a write can fail with SQLITE_BUSY without waiting. It also keeps
        # SAVEPOINTs inside our BEGIN (the batch ingest rolls back one item by savepoint): in the legacy mode a
        # SAVEPOINT could open a transaction of its own whose RELEASE commits.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # an `accepted` answer must survive a power cut
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # IMMEDIATE: writers queue on the busy timeout instead of failing; readers are not blocked (WAL).
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """The engine plus a session factory; one per hub process (or per in-process test app)."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._factory() as s, s.begin():
            yield s

    def new_session(self) -> Session:
        return self._factory()

    def migrate(self, revision: str = "head") -> None:
        upgrade(self.engine, revision)

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision`, keeping every row (run at every start-up)."""
    from alembic import command

    cfg = alembic_config(str(engine.url.render_as_string(hide_password=False)))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Several hub processes or machines starting at once: one migrates, the others wait here and then
            # find the schema at head (PostgreSQL runs the DDL in this same transaction).
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def head_revision() -> str | None:
    """The newest migration this code knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
