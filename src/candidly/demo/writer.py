"""The store side of generating: one checked transaction, and fast bulk inserts of encoded rows.

SQLAlchemy's per-value type processing costs more than SQLite's own insert work at a million
rows, so values are encoded once here exactly as the column types would encode them (UTC
timestamps in SQLAlchemy's SQLite text format, JSON as ``json.dumps`` with its defaults writes it,
driver-native values on PostgreSQL). On SQLite they go to the driver's executemany of each
table's INSERT; on PostgreSQL to COPY, because psycopg's executemany still makes a round trip per
row (about 7,000 rows/s here, against 50,000 and more with COPY).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection, Dialect, Table, func, select, text

from candidly.demo.errors import DemoError
from candidly.demo.rows import (
    EVENT_COLUMNS,
    TABLES,
    TRUTH_COLUMNS,
    encode_json,
    native_timestamp,
    sqlite_timestamp,
)
from candidly.store.db import Database
from candidly.store.models import Base, Candidate
from candidly.store.types import UTCDateTime

Encoder = Callable[[Any], Any]
#: A batch ready for the database: (table, statement, rows as tuples), parents first.
EncodedBatch = list[tuple[str, str, list[tuple[Any, ...]]]]

#: Tables whose pending rows are already encoded tuples in this column order.
_TUPLE_TABLES = {"events": EVENT_COLUMNS, "demo_truth": TRUTH_COLUMNS}


class BatchEncoder:
    """Turns pending rows into statements and tuples for one dialect; needs no connection.

    Each table's statement names the columns the generator fills; any other column must be
    nullable or have a default (a column added to the schema later does not break the demo, a
    required one is reported).
    """

    def __init__(self, dialect: Dialect) -> None:
        self._sqlite = dialect.name == "sqlite"
        self._quote = dialect.identifier_preparer.quote
        self._plans: dict[str, tuple[str, list[tuple[str, Encoder | None]]]] = {}
        for name, columns in _TUPLE_TABLES.items():
            self._plans[name] = self._plan(name, columns)

    def encode(self, batch: dict[str, list[Any]]) -> EncodedBatch:
        """Every non-empty table of ``batch`` as (table, statement, tuples), parents first."""
        encoded: EncodedBatch = []
        for name in TABLES:
            rows = batch[name]
            if not rows:
                continue
            if name not in self._plans:
                self._plans[name] = self._plan(name, tuple(rows[0]))
            statement, encoders = self._plans[name]
            params = rows if name in _TUPLE_TABLES else _encode(rows, encoders)
            encoded.append((name, statement, params))
        return encoded

    def _plan(self, name: str, keys: Sequence[str]) -> tuple[str, list[tuple[str, Encoder | None]]]:
        table: Table = Base.metadata.tables[name]
        stamp: Encoder = sqlite_timestamp if self._sqlite else native_timestamp
        encoders: list[tuple[str, Encoder | None]] = []
        for key in keys:
            if key not in table.columns:
                raise RuntimeError(f"the demo writes {name}.{key}, which the schema lacks")
            column_type = table.columns[key].type
            if isinstance(column_type, UTCDateTime):
                encoders.append((key, stamp))
            elif isinstance(column_type, JSON):
                encoders.append((key, encode_json))
            else:
                encoders.append((key, None))
        for column in table.columns:
            if column.name not in keys and not (
                column.nullable or column.server_default is not None
            ):
                raise RuntimeError(
                    f"{name}.{column.name} is required but the demo generator does not fill it: "
                    "update candidly.demo"
                )
        columns = ", ".join(self._quote(key) for key in keys)
        if not self._sqlite:
            return f"COPY {self._quote(name)} ({columns}) FROM STDIN", encoders
        placeholders = ", ".join(["?"] * len(keys))
        return f"INSERT INTO {self._quote(name)} ({columns}) VALUES ({placeholders})", encoders


def _encode(
    rows: Sequence[dict[str, Any]], encoders: list[tuple[str, Encoder | None]]
) -> list[tuple[Any, ...]]:
    # itemgetter fetches every value in C; only the few encoded columns go through Python.
    fetch = itemgetter(*(key for key, _ in encoders))
    encoded = [(index, encode) for index, (_, encode) in enumerate(encoders) if encode is not None]
    params = []
    for row in rows:
        values = list(fetch(row))
        for index, encode in encoded:
            values[index] = encode(values[index])
        params.append(tuple(values))
    return params


class BatchWriter:
    """Encodes and inserts batches through ``conn``, inside its transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._encoder = BatchEncoder(conn.dialect)
        self._sqlite = conn.dialect.name == "sqlite"

    def write(self, batch: dict[str, list[Any]]) -> None:
        """Insert every table's rows of ``batch``, parents before children."""
        for _table, statement, params in self._encoder.encode(batch):
            if self._sqlite:
                self._conn.exec_driver_sql(statement, params)
                continue
            raw: Any = self._conn.connection.dbapi_connection  # psycopg: it has COPY
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for values in params:
                    copy.write_row(values)


@contextmanager
def write_session(database: Database) -> Iterator[tuple[Connection, dict[str, int]]]:
    """One transaction on an empty store: yields the connection and each table's first free id.

    Raises ``DemoError`` when the store already holds candidates. Commits when the block ends,
    rolls back if it raises; on PostgreSQL sets the id sequences past the rows written.
    """
    with database.engine.connect() as conn, _bulk_mode(conn), conn.begin():
        existing = conn.scalar(select(func.count()).select_from(Candidate)) or 0
        if existing:
            raise DemoError(
                f"The store already holds {existing:,} candidates; the sample organisation is only "
                "written into an empty store. Point CANDIDLY_DATABASE_URL at a new file (e.g. "
                "sqlite:///demo.db), run `candidly init`, and generate again."
            )
        tables = Base.metadata.tables
        first_ids = {
            name: (conn.scalar(select(func.max(tables[name].c.id))) or 0) + 1 for name in TABLES
        }
        yield conn, first_ids
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)


@contextmanager
def _bulk_mode(conn: Connection) -> Iterator[None]:
    """Tune an SQLite connection for one large write, and restore it afterwards.

    A rollback journal instead of WAL: in one big transaction WAL writes every page twice (into
    the log, then back into the file) and keeps rewriting index pages it already logged, while a
    rollback journal needs to save nothing for pages the transaction adds to the file. The
    switch happens only when no other connection has the file open; the connection hook puts
    every new connection back in WAL anyway. A large page cache keeps the growing indexes in
    memory instead of SQLite's 2 MB default.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    # The raw DB-API connection runs in autocommit, so the pragmas apply outside a transaction.
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("PRAGMA cache_size = -262144")
    try:
        yield
    finally:
        raw.execute("PRAGMA cache_size = -2000")
        raw.execute("PRAGMA journal_mode = WAL")


def _reset_sequences(conn: Connection) -> None:
    # Ids were given explicitly, so the serial sequences never moved: set them past the rows,
    # or the next ordinary insert would collide with id 1.
    for name in TABLES:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max_id) "
                f"FROM (SELECT max(id) AS max_id FROM {name}) AS m WHERE max_id IS NOT NULL"
            )
        )
