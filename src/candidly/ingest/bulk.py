"""Bulk statements for the importer: one executemany per batch, and lookups by external id.

Why not ``connection.execute(insert(table), rows)``: SQLAlchemy runs every bind processor of every
column of every row, which cost more than half the import time in profiles (a timestamp that is
the same for the whole batch was converted 2,000 times). Here each column's processor comes from
the same SQLAlchemy types, but constants are converted once per batch and the rows go to the
driver's ``executemany`` directly: the floor is the database, not Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, String, Table, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

from candidly.store.models import Application, Candidate, Event, Job, User

#: The store's tables, typed as tables (``Model.__table__`` is typed as a bare FROM clause).
CANDIDATES = cast(Table, Candidate.__table__)
JOBS = cast(Table, Job.__table__)
APPLICATIONS = cast(Table, Application.__table__)
USERS = cast(Table, User.__table__)
EVENTS = cast(Table, Event.__table__)

#: Rows per ``IN (...)`` list: far below SQLite's 32,766 bound variables.
LOOKUP_CHUNK = 5_000

Processor = Callable[[Any], Any] | None


def chunks(values: Sequence[Any], size: int = LOOKUP_CHUNK) -> Iterator[Sequence[Any]]:
    """``values`` in slices of at most ``size``."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def column_defaults(table: Table) -> dict[str, Any]:
    """Each column's Python-side default value (``list`` -> ``[]``), for rows that omit it."""
    defaults: dict[str, Any] = {}
    for column in table.c:
        default = column.default
        if default is not None and hasattr(default, "arg"):
            defaults[column.name] = default.arg(None) if default.is_callable else default.arg
    return defaults


class BulkWrite:
    """An INSERT, or an UPDATE by ``id``, of fixed columns, run with the driver's executemany.

    ``row_keys`` come from each row; ``constant_keys`` are the same for every row of a call (a
    timestamp, a default) and are converted for the database once per call, not once per row.
    """

    def __init__(
        self,
        dialect: Dialect,
        table: Table,
        row_keys: Sequence[str],
        constant_keys: Sequence[str] = (),
        where_id: bool = False,
    ) -> None:
        """INSERT ``row_keys + constant_keys`` into ``table``, or (``where_id``) UPDATE them."""
        self.row_keys = tuple(row_keys)
        self.constant_keys = tuple(constant_keys)
        columns = (*self.row_keys, *self.constant_keys)
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        quote = dialect.identifier_preparer.quote
        name = quote(table.name)
        if where_id:
            sets = ", ".join(f"{quote(c)} = {mark}" for c in columns)
            self.sql = f"UPDATE {name} SET {sets} WHERE {quote('id')} = {mark}"
        else:
            self.group = "(" + ", ".join(mark for _ in columns) + ")"
            self.sql = f"INSERT INTO {name} ({', '.join(quote(c) for c in columns)}) VALUES "
        self.where_id = where_id
        # SQLite's executemany runs one prepared statement in a C loop, the fastest way in.
        # PostgreSQL's is COPY: psycopg's executemany sends a statement per row, and a
        # multi-row VALUES is re-parsed on the client for every batch.
        self.copy_sql = (
            f"COPY {name} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
            if dialect.name == "postgresql" and not where_id
            else None
        )
        self.processors = {
            column: processor
            for column in columns
            if (processor := table.c[column].type.dialect_impl(dialect).bind_processor(dialect))
        }
        getter = itemgetter(*self.row_keys) if self.row_keys else None
        if len(self.row_keys) == 1 and getter is not None:
            single = getter
            self.pick: Callable[[dict[str, Any]], tuple[Any, ...]] = lambda row: (single(row),)
        else:
            self.pick = getter if getter is not None else (lambda row: ())

    def run(
        self, conn: Connection, rows: Sequence[dict[str, Any]], constants: dict[str, Any]
    ) -> int:
        """Write ``rows`` (each with exactly ``row_keys``, plus ``id`` for an update)."""
        if not rows:
            return 0
        tail = tuple(
            self.processors[c](constants[c]) if c in self.processors else constants[c]
            for c in self.constant_keys
        )
        processors = [
            (index, _memoized(self.processors[key]))
            for index, key in enumerate(self.row_keys)
            if key in self.processors
        ]
        pick = self.pick
        params: list[tuple[Any, ...]] = []
        for row in rows:
            values = pick(row)
            if processors:
                listed = list(values)
                for index, process in processors:
                    listed[index] = process(listed[index])
                values = tuple(listed)
            if self.where_id:
                params.append((*values, *tail, row["id"]))
            else:
                params.append((*values, *tail))
        if self.copy_sql is not None:
            driver = conn.connection.driver_connection
            assert driver is not None
            dbapi = conn.dialect.loaded_dbapi
            try:
                with driver.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
                    for values in params:
                        copy.write_row(values)
            except dbapi.Error as exc:
                # Straight to the driver, so wrap its error the way SQLAlchemy would.
                raise DBAPIError.instance(self.copy_sql, None, exc, dbapi.Error) from exc
        elif self.where_id:
            conn.exec_driver_sql(self.sql, params)
        else:
            conn.exec_driver_sql(self.sql + self.group, params)
        return len(params)


def _memoized(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``process`` with its results remembered for hashable values and empty lists and dicts.

    A batch repeats values a lot (its own timestamp on every row, ``[]`` for most lists), and
    converting them is most of the Python work of a write.
    """
    cache: dict[Any, Any] = {}
    empties: dict[type, Any] = {}

    def memo(value: Any) -> Any:
        if value is None:
            return None
        kind = value.__class__
        if kind is list or kind is dict:
            if value:
                return process(value)
            if kind not in empties:
                empties[kind] = process(value)
            return empties[kind]
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = process(value)
            return result

    return memo


def find_by_external_id(
    conn: Connection, table: Table, source: str, external_ids: Sequence[str], columns: Sequence[str]
) -> dict[str, Any]:
    """Rows of ``table`` from ``source`` with these external ids, keyed by external id."""
    found: dict[str, Any] = {}
    selected = [table.c.id, table.c.external_id, *(table.c[c] for c in columns)]
    for part in chunks(list(dict.fromkeys(external_ids))):
        query = select(*selected).where(
            table.c.source_system == source, one_of(conn, table.c.external_id, part)
        )
        for row in conn.execute(query).all():
            found[row.external_id] = row
    return found


def one_of(conn: Connection, column: Any, values: Sequence[str]) -> Any:
    """``column IN (values)``; on PostgreSQL ``= ANY(array)``, one parameter instead of thousands
    (psycopg re-parses a long statement on every execution)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    return column.in_(values)


def find_by_lower_email(conn: Connection, table: Table, emails: Sequence[str]) -> list[Any]:
    """Rows of ``table`` whose email matches one of ``emails`` ignoring case."""
    rows: list[Any] = []
    lowered = list(dict.fromkeys(e.lower() for e in emails))
    for part in chunks(lowered):
        rows.extend(conn.execute(select(table).where(func.lower(table.c.email).in_(part))))
    return rows
