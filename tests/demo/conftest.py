"""A sample organisation generated once per engine and shared by the read-only tests.

Generating 2,500 candidates takes about a second; doing it once per engine keeps the suite fast.
Tests that write (determinism, the CLI, refusals) use the ordinary ``db`` fixture instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, create_engine, select, text

from candidly.demo import GenerationSummary, generate_organisation
from candidly.store.db import Database, open_database
from candidly.store.migrate import migrate
from candidly.store.models import Base

SAMPLE_CANDIDATES = 2_500
SAMPLE_SEED = 7
POSTGRES_URL = os.environ.get(
    "CANDIDLY_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@dataclass
class SampleOrg:
    """A generated organisation and what generating it reported."""

    database: Database
    summary: GenerationSummary
    cache: dict[str, list[Any]] = field(default_factory=dict)

    def rows(self, table: str, *where: Any) -> list[Any]:
        """Every row of ``table`` (optionally filtered), in id order; whole tables read once."""
        if not where and table in self.cache:
            return self.cache[table]
        model: Table = Base.metadata.tables[table]
        with self.database.engine.connect() as conn:
            rows = list(conn.execute(select(model).where(*where).order_by(model.c.id)))
        if not where:
            self.cache[table] = rows
        return rows

    def scalar(self, sql: str, **params: Any) -> Any:
        """The single value an SQL query returns."""
        with self.database.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def sample_org(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SampleOrg]:
    """A 2,500-candidate organisation (seed 7), generated once per engine per test session."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("sample-org") / "candidly.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        database = open_database(f"sqlite:///{path}")
        summary = generate_organisation(database, SAMPLE_CANDIDATES, SAMPLE_SEED)
        yield SampleOrg(database, summary)
        database.dispose()
        return
    request.getfixturevalue("postgres_schema")  # skips (or fails in CI) when PostgreSQL is away
    schema = f"candidly_demo_test_{os.getpid()}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    database = open_database(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")
    try:
        migrate(database)
        summary = generate_organisation(database, SAMPLE_CANDIDATES, SAMPLE_SEED)
        yield SampleOrg(database, summary)
    finally:
        database.dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


def digest_store(database: Database) -> dict[str, str]:
    """A SHA-256 of every table's rows in id order, per table: equal digests, equal data."""
    digests = {}
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            order = table.c.id if "id" in table.c else next(iter(table.primary_key.columns))
            hasher = hashlib.sha256()
            for row in conn.execute(select(table).order_by(order)):
                hasher.update(repr(_normalized(tuple(row))).encode())
            digests[table.name] = hasher.hexdigest()
    return digests


def _normalized(value: Any) -> Any:
    # JSONB hands keys back in its own order; compare documents, not key order.
    if isinstance(value, dict):
        return sorted((key, _normalized(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return [_normalized(item) for item in value]
    return value


def empty_store(database: Database) -> None:
    """Delete every row, so the same store can be generated into again."""
    tables = [table.name for table in Base.metadata.sorted_tables]
    with database.engine.begin() as conn:
        if database.dialect == "postgresql":
            # Replica mode skips the append-only triggers: only tests ever empty the event log.
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            raise AssertionError("empty SQLite stores by copying a fresh file instead")


def fresh_sqlite(template: Path, folder: Path, name: str) -> Database:
    """A new, migrated, empty SQLite store in ``folder``."""
    path = folder / name
    shutil.copyfile(template, path)
    return open_database(f"sqlite:///{path}")
