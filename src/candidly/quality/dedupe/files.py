"""File mode: deduplicate any CSV of person records, no database needed.

``dedupe_file`` reads the CSV, checks it (a missing column, a repeated or empty id, a row of
the wrong width, bytes that are not UTF-8 each stop the run with one sentence naming the file,
line and field), finds the duplicates and writes ``id,cluster_id`` for every input row: rows
that are one person share a cluster id; every other row has a cluster of its own.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from candidly.quality.dedupe.engine import DedupeOptions, DedupeResult, Progress, find_duplicates
from candidly.quality.dedupe.records import FIELD_KINDS, FieldSpec, RecordTable, build_table


class InputError(ValueError):
    """The input cannot be used; the message says where (file, line, field) and why."""


def parse_field(text: str) -> FieldSpec:
    """Read a ``COLUMN:KIND`` option, e.g. ``first_name:given_name``."""
    column, sep, kind = text.rpartition(":")
    if not sep or not column.strip() or not kind.strip():
        raise InputError(
            f"--field {text!r} is not COLUMN:KIND; for example --field email:email. "
            f"Kinds: {', '.join(FIELD_KINDS)}."
        )
    kind = kind.strip().lower()
    if kind not in FIELD_KINDS:
        raise InputError(
            f"--field {text!r}: unknown kind {kind!r}; use one of: {', '.join(FIELD_KINDS)}."
        )
    return FieldSpec(column.strip(), kind)


def read_table(path: Path, id_column: str, fields: Sequence[FieldSpec]) -> RecordTable:
    """Read the id column and the named fields of a CSV into a ``RecordTable``."""
    if not fields:
        raise InputError("give at least one --field COLUMN:KIND to compare records on")
    seen_columns: set[str] = set()
    for spec in fields:
        if spec.column in seen_columns:
            raise InputError(f"--field names the column {spec.column!r} twice")
        seen_columns.add(spec.column)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: line {_undecodable_line(path)}: {_reason(exc)}") from None
        except csv.Error as exc:
            raise InputError(f"{path}: line 1: {_reason(exc)}") from None
        if not header:
            raise InputError(f"{path} is empty: it needs a header row and at least one record")
        header = [name.strip() for name in header]
        positions = {name: i for i, name in enumerate(header)}
        for needed, role in [(id_column, "--id-column")] + [(f.column, "--field") for f in fields]:
            if needed not in positions:
                raise InputError(
                    f"{path}: line 1: there is no column {needed!r} (named by {role}); "
                    f"the columns are: {', '.join(header)}"
                )
        wanted = [id_column] + [f.column for f in fields if f.column != id_column]
        try:
            rows = [row for row in reader if row and (len(row) > 1 or row[0].strip())]
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: line {_undecodable_line(path)}: {_reason(exc)}") from None
        except csv.Error as exc:
            raise InputError(f"{path}: line {reader.line_num}: {_reason(exc)}") from None
    width = len(header)
    for index, row in enumerate(rows):
        if len(row) != width:
            raise InputError(
                f"{path}: line {_line_of(path, index)}: {len(row)} fields, but the header has {width}"
            )
    if not rows:
        raise InputError(f"{path} has a header but no records")
    columns: dict[str, list[str | None]] = {}
    for name in wanted:
        position = positions[name]
        columns[name] = [row[position].strip() or None for row in rows]
    del rows
    ids = columns[id_column]
    if None in ids:
        index = ids.index(None)
        raise InputError(
            f"{path}: line {_line_of(path, index)}: the id column {id_column!r} is empty"
        )
    if len(set(ids)) != len(ids):
        first_seen: dict[str | None, int] = {}
        for index, record_id in enumerate(ids):
            if record_id in first_seen:
                raise InputError(
                    f"{path}: line {_line_of(path, index)}: id {record_id!r} in column "
                    f"{id_column!r} is also on line {_line_of(path, first_seen[record_id])}; "
                    "ids must be unique"
                )
            first_seen[record_id] = index
    return build_table(ids, fields, lambda column: columns[column])


def _undecodable_line(path: Path) -> int:
    """The first line of ``path`` that is not valid UTF-8."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def _line_of(path: Path, record_index: int) -> int:
    """The line a record starts on (quoted fields may span lines), by reading the file again."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        seen = -1
        start = reader.line_num + 1
        for row in reader:
            if row and (len(row) > 1 or row[0].strip()):
                seen += 1
                if seen == record_index:
                    return start
            start = reader.line_num + 1
    return start


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "the file is not UTF-8 text; save it as UTF-8 CSV and try again"
    return f"the CSV is malformed ({exc})"


def cluster_ids(result: DedupeResult) -> list[int]:
    """A cluster id per record, numbered from 1 in order of each cluster's first record."""
    labels = result.clustering.labels.tolist()
    numbers: dict[int, int] = {}
    return [numbers.setdefault(label, len(numbers) + 1) for label in labels]


def write_clusters(result: DedupeResult, out: TextIO) -> None:
    """Write ``id,cluster_id`` for every record, in input order."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "cluster_id"])
    writer.writerows(zip(result.table.ids, cluster_ids(result), strict=True))


@contextmanager
def _output(target: Path | str) -> Iterator[TextIO]:
    if str(target) == "-":
        yield sys.stdout
        return
    path = Path(target)
    try:
        handle = path.open("w", newline="", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    with handle:
        yield handle


def dedupe_file(
    path: Path | str,
    *,
    id_column: str,
    fields: Sequence[FieldSpec],
    out: Path | str,
    options: DedupeOptions | None = None,
    progress: Progress | None = None,
) -> DedupeResult:
    """Deduplicate the people in a CSV and write ``id,cluster_id`` to ``out`` (``-``: stdout)."""
    source = Path(path)
    if progress is not None:
        progress.stage(f"reading {source.name}", None)
    table = read_table(source, id_column, fields)
    result = find_duplicates(table, options, progress=progress)
    if progress is not None:
        progress.stage("writing clusters", None)
    with _output(out) as handle:
        write_clusters(result, handle)
    return result
