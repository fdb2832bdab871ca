"""Fixtures: every test that touches the store runs once on SQLite and once on PostgreSQL.

PostgreSQL is reached at ``CANDIDLY_TEST_POSTGRES_URL`` (default: the local server, database
``test``). When it is unreachable its tests skip, unless ``CI`` is set: then they fail, because a
CI run that silently tested one engine is a lie.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from candidly.store.db import Database, open_database
from candidly.store.migrate import migrate
from candidly.store.models import Base

POSTGRES_URL = os.environ.get(
    "CANDIDLY_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_problem() -> str | None:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        return f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc.__class__.__name__}: {exc}"
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once; each test gets a copy (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "candidly.db"
    database = open_database(f"sqlite:///{path}")
    migrate(database)
    database.dispose()  # closing the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[str]:
    """A private schema migrated once per test session, dropped at the end."""
    problem = _postgres_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem + " — CI must test PostgreSQL too.")
        pytest.skip(problem)
    schema = f"candidly_test_{os.getpid()}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    database = open_database(url)
    migrate(database)
    database.dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    admin.dispose()


def _empty_postgres(database: Database) -> None:
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        # Replica mode skips the append-only triggers: only tests ever empty the event log.
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """An empty, migrated store. ``CANDIDLY_DATABASE_URL`` points at it for CLI tests."""
    if request.param == "sqlite":
        path = tmp_path / "candidly.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        database = open_database(url)
    else:
        url = request.getfixturevalue("postgres_schema")
        database = open_database(url)
        _empty_postgres(database)
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", url)
    yield database
    database.dispose()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner for the ``candidly`` command, in process, on a terminal wide enough for tables."""
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()
