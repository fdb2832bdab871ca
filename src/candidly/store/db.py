"""Engines and sessions for SQLite (the embedded default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from candidly.settings import Settings, get_settings


class StoreError(Exception):
    """The store cannot be opened or is not ready; the message says what to do."""


@dataclass
class Database:
    """An open store: its engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back if it raises."""
        with self.sessions() as session, session.begin():
            yield session

    def is_initialized(self) -> bool:
        """True when the schema has been created (``candidly init`` has run)."""
        return inspect(self.engine).has_table("alembic_version")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's implicit transactions fight SQLAlchemy's; let SQLAlchemy emit BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL + NORMAL is durable across application crashes; only an OS crash can lose the tail.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return on_connect


def _json_dumps(value: Any) -> str:
    # Non-string keys (ids as dict keys) are allowed, as the standard library allows them.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def _sqlite_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
    # instead of one failing with "database is locked" when it upgrades a read lock.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def open_database(url: str | None = None, settings: Settings | None = None) -> Database:
    """Open the store at ``url`` (or the configured one) without touching its schema."""
    settings = settings or get_settings()
    url = url or settings.resolved_database_url()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"CANDIDLY_DATABASE_URL is not a database URL: {url!r}. "
            "Use e.g. sqlite:///candidly.db or postgresql+psycopg://user@host/db."
        ) from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(f"The folder for the SQLite database does not exist: {folder}")
        engine = create_engine(
            parsed,
            connect_args={"check_same_thread": False},
            json_serializer=_json_dumps,
            json_deserializer=orjson.loads,
        )
        event.listen(engine, "connect", _sqlite_pragmas(settings.sqlite_busy_timeout_ms))
        event.listen(engine, "begin", _sqlite_begin)
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(
            parsed, pool_pre_ping=True, json_serializer=_json_dumps, json_deserializer=orjson.loads
        )
    else:
        raise StoreError(
            f"Unsupported database {parsed.get_backend_name()!r}: candidly runs on SQLite "
            "or PostgreSQL."
        )
    return Database(
        url=parsed.render_as_string(hide_password=False),
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
    )


def insert_ignoring_duplicates(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table``, skipping any that would break a unique constraint."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(table).on_conflict_do_nothing(), rows)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(table).on_conflict_do_nothing(), rows)
