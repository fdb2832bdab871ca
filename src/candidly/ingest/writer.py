"""Writing batches of items: upsert by (source system, external id), and an event per change.

One batch is one transaction: a SELECT per table finds the rows that exist, then one executemany
inserts the new rows and one updates the changed ones. If the database refuses a batch, it is
retried row by row so that only the rows it refuses fail, each reported with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from hashlib import blake2b
from typing import Any

from sqlalchemy import Connection, Table, Text, func, insert, select, text
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from candidly.ingest.bulk import (
    APPLICATIONS,
    CANDIDATES,
    EVENTS,
    JOBS,
    BulkWrite,
    column_defaults,
    find_by_external_id,
)
from candidly.ingest.errors import RowError
from candidly.ingest.items import Item
from candidly.ingest.links import write_applications, write_events
from candidly.ingest.report import TableCounts, empty_counts
from candidly.ingest.users import UserDirectory
from candidly.store.db import Database
from candidly.store.events import EventType, event_row
from candidly.store.types import UTCDateTime, utcnow

_SQLITE_CACHE_KIB = 64 * 1024


@dataclass
class Outcome:
    """What a batch did: counts per table, the events to append, the items refused."""

    counts: dict[str, TableCounts] = field(default_factory=empty_counts)
    events: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


class Writer:
    """Writes an import's batches into one store, for one source system."""

    def __init__(self, database: Database, source: str, file: str) -> None:
        """Write rows of ``source`` read from ``file`` into ``database``."""
        self.database = database
        self.source = source
        self.file = file
        dialect = database.engine.dialect
        self.users = UserDirectory(source)
        self.counts = empty_counts()
        #: External id -> row id of jobs and shared candidates already written by this import:
        #: the first mention wins, so that a re-import writes the same values every time.
        self.first_seen: dict[str, dict[str, int]] = {"jobs": {}, "candidates": {}}
        self._inserts: dict[tuple[str, tuple[str, ...]], BulkWrite] = {}
        self._updates: dict[tuple[str, tuple[str, ...]], BulkWrite] = {}
        self._defaults = {
            t.name: column_defaults(t) for t in (CANDIDATES, JOBS, APPLICATIONS, EVENTS)
        }
        self._dialect = dialect
        self._inserted: dict[str, int] = {}
        self._analyzed_at: dict[str, int] = {}

    def write(self, items: list[Item]) -> list[RowError]:
        """Write a batch in one transaction; return the errors of the items it refused."""
        saved = (self.users.snapshot(), {k: dict(v) for k, v in self.first_seen.items()})
        try:
            with self.database.engine.begin() as conn:
                if self._dialect.name == "sqlite":
                    # The default 2 MB page cache thrashes on the indexes of a large import.
                    conn.exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_CACHE_KIB}")
                outcome = Batch(self, conn, items).run()
                self.append_events(conn, outcome.events)
        except (OperationalError, InterfaceError):
            raise
        except (SQLAlchemyError, ValueError, UnicodeError) as exc:
            self.users.restore(saved[0])
            self.first_seen = saved[1]
            if len(items) == 1:
                reason = f"the database refused it: {_first_line(exc)}"
                return [RowError(self.file, items[0].line, "", reason)]
            return [error for item in items for error in self.write([item])]
        for table, counts in outcome.counts.items():
            self.counts[table].add(counts)
        self._analyze(outcome)
        return outcome.errors

    def finish(self, payload: dict[str, Any]) -> None:
        """Append the ``import.completed`` event with the import's counts."""
        with self.database.engine.begin() as conn:
            row = event_row(EventType.IMPORT_COMPLETED, source=self.source, payload=payload)
            conn.execute(insert(EVENTS), [row])

    def append_events(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        """Append ``event_row`` dicts to the log with one executemany."""
        if not rows:
            return
        first = rows[0]
        # Columns with one value for the whole batch (type, source, its timestamps) are
        # converted once, not once per row.
        same = tuple(k for k in first if all(row[k] is first[k] for row in rows))
        varying = tuple(k for k in first if k not in same)
        self._statement(EVENTS, varying, same, False).run(conn, rows, first)
        self._inserted["events"] = self._inserted.get("events", 0) + len(rows)

    def insert_rows(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
        """Insert new rows of ``table`` (the model's defaults fill what they omit); return their ids.

        The ids come without a second query when they can be proven: if the table's largest id
        grew by exactly the number of rows inserted, the new rows hold exactly those ids, in
        order (both engines hand out increasing ids within one statement sequence). Otherwise
        (a concurrent writer, gaps in a PostgreSQL sequence) they are looked up by external id.
        """
        if not rows:
            return []
        now = utcnow()
        constants = {**self._defaults[table.name], "created_at": now, "updated_at": now}
        constants["source_system"] = self.source
        before = self._max_id(conn, table)
        groups = _grouped(rows)
        for keys, group in groups.items():
            rest = tuple(sorted(set(constants) - set(keys)))
            self._statement(table, keys, rest, False).run(conn, group, constants)
        self._inserted[table.name] = self._inserted.get(table.name, 0) + len(rows)
        after = self._max_id(conn, table)
        if after - before == len(rows) and len(groups) == 1:
            return list(range(before + 1, after + 1))
        found = find_by_external_id(conn, table, self.source, [r["external_id"] for r in rows], [])
        return [found[r["external_id"]].id for r in rows]

    def update_rows(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """Update rows by ``id``; rows are grouped by the columns they set."""
        now = utcnow()
        for keys, group in _grouped(rows, skip="id").items():
            self._statement(table, keys, ("updated_at",), True).run(
                conn, group, {"updated_at": now}
            )

    def _statement(
        self, table: Table, keys: tuple[str, ...], constants: tuple[str, ...], where_id: bool
    ) -> BulkWrite:
        cache = self._updates if where_id else self._inserts
        statement = cache.get((table.name, (*keys, "|", *constants)))
        if statement is None:
            statement = BulkWrite(self._dialect, table, keys, constants, where_id)
            cache[(table.name, (*keys, "|", *constants))] = statement
        return statement

    @staticmethod
    def _max_id(conn: Connection, table: Table) -> int:
        return int(conn.execute(select(func.max(table.c.id))).scalar() or 0)

    def _analyze(self, outcome: Outcome) -> None:
        # PostgreSQL plans the lookups of a table it believes empty as scans; once a table has
        # grown (doubled since the last look), refresh its statistics so lookups use the index.
        if self._dialect.name != "postgresql":
            return
        for table, inserted in self._inserted.items():
            if inserted >= 2 * self._analyzed_at.get(table, 0) + 1_000:
                with self.database.engine.begin() as conn:
                    conn.execute(text(f"ANALYZE {table}"))
                self._analyzed_at[table] = inserted


class Batch:
    """One batch's work inside one transaction (``links`` writes its applications and events)."""

    def __init__(self, writer: Writer, conn: Connection, items: list[Item]) -> None:
        self.w = writer
        self.conn = conn
        self.items = items
        self.out = Outcome()
        self.source = writer.source
        self.refused: set[int] = set()  # indexes of items refused by a lookup
        self.now = utcnow()

    def run(self) -> Outcome:
        """Users, jobs, candidates, applications, events: each needs the ids of the ones before."""
        self.w.users.resolve(self.conn, self.items, self.out)
        self.job_ids = self._jobs()
        self.candidate_ids = self._candidates()
        write_applications(self)
        write_events(self)
        return self.out

    def fail(self, index: int, field: str, reason: str) -> None:
        """Refuse item ``index``: nothing of it is written."""
        self.refused.add(index)
        self.out.errors.append(RowError(self.w.file, self.items[index].line, field, reason))

    def upsert(
        self, table: Table, rows: list[dict[str, Any]]
    ) -> tuple[dict[str, int], list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]]]:
        """Insert new rows and update changed ones of ``table``.

        Return (external id -> row id for every row), the updated rows with their changes
        ``{column: (old, new)}``, and the inserted rows. Unchanged rows are counted, not written.
        """
        counts = self.out.counts[table.name]
        columns = sorted({k for row in rows for k in row} - {"external_id"})
        existing = find_by_external_id(
            self.conn,
            table,
            self.source,
            [r["external_id"] for r in rows],
            [*columns, "source_values"],
        )
        ids: dict[str, int] = {}
        new: list[dict[str, Any]] = []
        changed: list[tuple[dict[str, Any], dict[str, Any]]] = []
        updates: list[dict[str, Any]] = []
        times = _time_columns(table)
        for row in rows:
            snapshot = _snapshot(row, times)
            found = existing.get(row["external_id"])
            if found is None:
                row["source_values"] = snapshot
                new.append(row)
                continue
            ids[row["external_id"]] = found.id
            old = found._mapping
            previous = old["source_values"]
            if previous is not None and all(
                k in previous and previous[k] == v for k, v in snapshot.items()
            ):
                counts.unchanged += 1  # the common case of a re-import
                continue
            # Only what the source changed since it was last imported is written: a value
            # cleaned or merged since then stays as it is unless the source itself moved.
            # A key the file leaves out keeps its last source value.
            moved = [
                k
                for k, v in snapshot.items()
                if previous is None or k not in previous or previous[k] != v
            ]
            merged = {**(previous or {}), **snapshot}
            updates.append({"id": found.id, "source_values": merged, **{k: row[k] for k in moved}})
            changes = {k: (old[k], row[k]) for k in moved if old[k] != row[k]}
            if changes:
                changed.append((row, changes))
            else:
                counts.unchanged += 1
        for row, row_id in zip(new, self.w.insert_rows(self.conn, table, new), strict=True):
            ids[row["external_id"]] = row_id
        self.w.update_rows(self.conn, table, updates)
        counts.created += len(new)
        counts.updated += len(changed)
        return ids, changed, new

    def _jobs(self) -> dict[str, int]:
        first = self.w.first_seen["jobs"]
        ids: dict[str, int] = {}
        rows: dict[str, dict[str, Any]] = {}
        referenced: set[str] = set()
        for item in self.items:
            for job in item.jobs:
                ext = job.values["external_id"]
                if job.referenced and ext in first:
                    ids[ext] = first[ext]
                    continue
                if ext in rows:
                    continue
                values = dict(job.values)
                if job.recruiter is not None:
                    values["recruiter_id"] = self.w.users.id_of(job.recruiter)
                if job.hiring_manager is not None:
                    values["hiring_manager_id"] = self.w.users.id_of(job.hiring_manager)
                if "status" in values and values["status"] is None:
                    values["status"] = "open"
                rows[ext] = values
                if job.referenced:
                    referenced.add(ext)
        if not rows:
            return ids
        found, changed, new = self.upsert(JOBS, list(rows.values()))
        ids.update(found)
        for ext in referenced:
            first[ext] = found[ext]
        for row in new:
            job_id = found[row["external_id"]]
            self.out.events.append(self.event(EventType.JOB_CREATED, job_id=job_id))
        for row, changes in changed:
            job_id = found[row["external_id"]]
            self.out.events.append(
                self.event(EventType.JOB_UPDATED, job_id=job_id, changes=changes)
            )
        return ids

    def _candidates(self) -> dict[str, int]:
        first = self.w.first_seen["candidates"]
        ids: dict[str, int] = {}
        rows: dict[str, dict[str, Any]] = {}
        for item in self.items:
            candidate = item.candidate
            if candidate is None:
                continue
            ext = candidate["external_id"]
            if item.shared_candidate and ext in first:
                ids[ext] = first[ext]
                continue
            if ext in rows:
                continue
            if item.owner is not None:
                candidate["owner_id"] = self.w.users.id_of(item.owner)
            rows[ext] = candidate
        if not rows:
            return ids
        found, changed, new = self.upsert(CANDIDATES, list(rows.values()))
        ids.update(found)
        for item in self.items:
            if item.shared_candidate and item.candidate is not None:
                first.setdefault(
                    item.candidate["external_id"], found[item.candidate["external_id"]]
                )
        created = self.event(EventType.CANDIDATE_CREATED)  # one event_row, copied per row
        for row in new:
            self.out.events.append({**created, "candidate_id": found[row["external_id"]]})
        for row, changes in changed:
            self.out.events.append(
                self.event(
                    EventType.CANDIDATE_UPDATED,
                    candidate_id=found[row["external_id"]],
                    changes=changes,
                )
            )
        return ids

    def event(
        self,
        type: str,
        *,
        changes: dict[str, tuple[Any, Any]] | None = None,
        occurred_at: datetime | None = None,
        payload: dict[str, Any] | None = None,
        subjects: dict[str, int] | None = None,
        **ids: int | None,
    ) -> dict[str, Any]:
        """An ``event_row`` of this batch; ``changes`` go into the payload as from/to pairs."""
        ids = {**(subjects or {}), **ids}
        body = dict(payload or {})
        if changes:
            body["changes"] = {
                k: {"from": _plain(a), "to": _plain(b)} for k, (a, b) in changes.items()
            }
        row = event_row(
            type,
            source=self.source,
            occurred_at=occurred_at,
            payload=body,
            candidate_id=ids.get("candidate_id"),
            application_id=ids.get("application_id"),
            job_id=ids.get("job_id"),
            actor_id=ids.get("actor_id"),
        )
        # One timestamp per batch: the events of a batch are recorded together, and a shared
        # value is converted for the database once instead of once per row.
        if occurred_at is None:
            row["occurred_at"] = self.now
        row["recorded_at"] = self.now
        return row


def _grouped(
    rows: list[dict[str, Any]], skip: str = ""
) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by the keys they carry (``skip`` left out of the key)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        keys = tuple(k for k in row if k != skip) if skip else tuple(row)
        groups.setdefault(keys, []).append(row)
    return groups


@cache
def _time_columns(table: Table) -> tuple[frozenset[str], frozenset[str]]:
    """The table's time columns, and its long-text columns (kept as a digest in snapshots)."""
    times = frozenset(c.name for c in table.columns if isinstance(c.type, UTCDateTime))
    texts = frozenset(c.name for c in table.columns if type(c.type) is Text)
    return times, texts


def _snapshot(
    row: dict[str, Any], columns: tuple[frozenset[str], frozenset[str]]
) -> dict[str, Any]:
    """A row's source values as they round-trip through JSON, for comparing on re-import.

    Times become ISO 8601; long texts (a résumé) become a digest, since a snapshot only has to tell
    whether the source changed, not repeat it. Everything else a parser yields is already JSON.
    """
    times, texts = columns
    snapshot = row.copy()
    del snapshot["external_id"]
    for name in times.intersection(snapshot):
        value = snapshot[name]
        if value is not None:
            snapshot[name] = value.isoformat()
    for name in texts.intersection(snapshot):
        value = snapshot[name]
        if value is not None:
            snapshot[name] = "#" + blake2b(value.encode(), digest_size=12).hexdigest()
    return snapshot


def _plain(value: Any) -> Any:
    """A value as JSON can hold it (times as ISO 8601)."""
    return value.isoformat() if isinstance(value, datetime) else value


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
