"""``import_file``: read a file of any supported format and kind into the store, row by row."""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterator
from datetime import tzinfo
from pathlib import Path
from time import perf_counter
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from candidly.ingest.csv_rows import csv_rows
from candidly.ingest.errors import ImportFileError, RowError
from candidly.ingest.flat import FlatRows
from candidly.ingest.greenhouse import greenhouse_item
from candidly.ingest.items import Item
from candidly.ingest.json_rows import JsonStream, json_lines
from candidly.ingest.kinds import Format, Kind, guess_kind
from candidly.ingest.lever import LeverRecords
from candidly.ingest.report import ImportReport
from candidly.ingest.sniff import (
    Plan,
    ats_format,
    check_file,
    csv_delimiter,
    guess_format,
    json_layout,
    open_text,
    read_head,
)
from candidly.ingest.writer import Writer
from candidly.settings import Settings, get_settings
from candidly.store.db import Database

#: ``progress(bytes_read, bytes_total)``, called after every batch.
Progress = Callable[[int, int], None]
Entry = Item | list[RowError]


def import_file(
    database: Database,
    path: str | Path,
    *,
    kind: Kind | str | None = None,
    format: Format | str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``path`` into ``database`` and report what happened, row by row.

    Kind and format are detected when not given. Rows are upserted by (source, external id), so
    importing the same file again changes nothing. Bad rows are reported and skipped; a file that
    cannot be read at all raises ``ImportFileError`` before anything is written.
    """
    started = perf_counter()
    settings = settings or get_settings()
    path = Path(path)
    size = check_file(path)
    plan = plan_import(path, _enum(Format, format, "format"), _enum(Kind, kind, "kind"))
    source_system = _source(source, plan.format)
    zone = _zone(settings.default_timezone)
    report = ImportReport(str(path), plan.format.value, plan.kind.value, source_system)
    threshold = gc.get_threshold()
    # An import allocates millions of short-lived, acyclic dicts and lists; the cyclic
    # collector's frequent passes over them cost a fifth of the time. Collect less often.
    gc.set_threshold(max(threshold[0], 100_000), *threshold[1:])
    try:
        writer = _import_rows(
            database, path, plan, source_system, settings, zone, report, size, progress
        )
    finally:
        gc.set_threshold(*threshold)
    report.seconds = perf_counter() - started
    writer.finish({k: v for k, v in report.to_dict().items() if k not in {"errors", "warnings"}})
    return report


def _import_rows(
    database: Database,
    path: Path,
    plan: Plan,
    source_system: str,
    settings: Settings,
    zone: tzinfo,
    report: ImportReport,
    size: int,
    progress: Progress | None,
) -> Writer:
    """Stream the file's rows through the writer in batches; return the writer, to finish."""
    writer = Writer(database, source_system, str(path))
    seen = _Seen(str(path))
    batch: list[Item] = []
    raw, text = open_text(path)
    with raw, text:
        for entry in read_entries(plan, text, str(path), zone, report):
            report.read += 1
            if isinstance(entry, Item):
                duplicate = seen.check(entry)
                entry = [duplicate] if duplicate else entry
            if isinstance(entry, list):
                report.errors.extend(entry)
                report.failed += 1
                continue
            batch.append(entry)
            if len(batch) >= settings.import_batch_size:
                _write(writer, batch, report)
                batch = []
                if progress:
                    progress(raw.tell(), size)
        _write(writer, batch, report)
    if progress:
        progress(size, size)
    report.counts = writer.counts
    report.errors.sort(key=lambda e: e.line)
    return writer


def plan_import(path: Path, format: Format | None, kind: Kind | None) -> Plan:
    """Decide how to read ``path``: the given format and kind, or the ones its content shows."""
    given = format
    format = format or guess_format(path)
    name = str(path)
    if format is Format.csv:
        delimiter = csv_delimiter(path)
        try:
            lines = io.StringIO(read_head(path).lstrip("\r\n"), newline="")
            header = next(csv.reader(lines, delimiter=delimiter), [])
        except csv.Error:
            header = []
        kind = kind or guess_kind(header, path.name)
        if kind is None:
            raise ImportFileError(
                f"{name}: cannot tell from its headers ({', '.join(header[:6])}) whether it holds "
                "candidates, jobs, applications or events; pass --kind."
            )
        return Plan(format, kind, "csv", delimiter)
    layout = json_layout(path)
    if layout != "lines":
        _check_json(path)
    first = _first_record(path, layout)
    if given is None:
        format = ats_format(first)
    if format in {Format.greenhouse, Format.lever}:
        if kind not in {None, Kind.candidates}:
            raise ImportFileError(
                f"{format.value.title()} exports hold candidates with their applications; "
                "leave out --kind (or pass --kind candidates)."
            )
        if format is Format.greenhouse and layout == "object":
            raise ImportFileError(
                f"{name} is not a Greenhouse candidates export: that is a JSON list of candidates."
            )
        return Plan(format, Kind.candidates, layout)
    if kind is None:
        keys = list(first) if isinstance(first, dict) else []
        kind = guess_kind(keys, path.name) if keys else Kind.candidates
        if kind is None:
            raise ImportFileError(
                f"{name}: cannot tell from its keys ({', '.join(keys[:6])}) whether it holds "
                "candidates, jobs, applications or events; pass --kind."
            )
    return Plan(Format.json, kind, layout)


def detect(path: str | Path) -> Plan:
    """The format, kind and layout ``import_file`` would use for ``path``."""
    path = Path(path)
    check_file(path)
    return plan_import(path, None, None)


def read_entries(
    plan: Plan, text: Any, file: str, zone: tzinfo, report: ImportReport
) -> Iterator[Entry]:
    """Yield an item, or the errors that refused it, per row or record of the file."""
    if plan.layout == "csv":
        yield from _csv_entries(plan, text, file, zone, report)
        return
    records: Iterator[tuple[int, Any] | RowError]
    records = json_lines(text, file) if plan.layout == "lines" else JsonStream(text, file).records()
    if plan.format is Format.json:
        yield from _json_entries(plan.kind, records, file, zone, report)
        return
    lever = LeverRecords(file)
    for record in records:
        if isinstance(record, RowError):
            yield [record]
            continue
        line, value = record
        item, fields = (
            greenhouse_item(value, file, line)
            if plan.format is Format.greenhouse
            else lever.item(value, line)
        )
        report.warnings.extend(fields.warnings)
        yield item if item is not None else fields.errors


def _csv_entries(
    plan: Plan, text: Any, file: str, zone: tzinfo, report: ImportReport
) -> Iterator[Entry]:
    header, rows = csv_rows(text, file, plan.delimiter)
    builder, unused = FlatRows.from_headers(plan.kind, header, file, zone, text_rows=True)
    for column in unused:
        report.warnings.append(
            RowError(file, 1, column, f"is not a column candidly reads for {plan.kind}; ignored")
        )
    build = builder.build
    for row in rows:
        if isinstance(row, RowError):
            yield [row]
        else:
            yield build(row[1], row[0])


def _json_entries(
    kind: Kind,
    records: Iterator[tuple[int, Any] | RowError],
    file: str,
    zone: tzinfo,
    report: ImportReport,
) -> Iterator[Entry]:
    builders: dict[tuple[str, ...], FlatRows] = {}
    for record in records:
        if isinstance(record, RowError):
            yield [record]
            continue
        line, value = record
        if not isinstance(value, dict):
            yield [RowError(file, line, "", "is not a JSON object with named fields")]
            continue
        keys = tuple(value)
        builder = builders.get(keys)
        if builder is None:
            # One builder per set of keys: a key a record leaves out is not touched in the
            # store, unlike a key that is present and null.
            try:
                builder, unused = FlatRows.from_headers(kind, keys, file, zone)
            except ImportFileError as exc:
                yield [RowError(file, line, "", str(exc).removeprefix(f"{file}: "))]
                continue
            builders[keys] = builder
            for key in unused:
                report.warnings.append(
                    RowError(file, line, key, f"is not a field candidly reads for {kind}; ignored")
                )
        yield builder.build(list(value.values()), line)


class _Seen:
    """Remembers each external id's first line, to refuse later rows that repeat it."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[str, dict[str, int]] = {
            "candidates": {},
            "jobs": {},
            "applications": {},
            "events": {},
        }

    def check(self, item: Item) -> RowError | None:
        candidate = item.candidate
        if candidate is not None and not (item.jobs or item.applications or item.shared_candidate):
            # The common case (a candidates file) without building lists per row.
            lines = self.lines["candidates"]
            key = candidate["external_id"]
            first = lines.get(key)
            if first is None:
                lines[key] = item.line
                return None
            return RowError(self.file, item.line, *self._repeated(item, "candidates", key, first))
        keys: list[tuple[str, str]] = []
        if item.candidate is not None and not item.shared_candidate:
            keys.append(("candidates", item.candidate["external_id"]))
        keys.extend(("jobs", j.values["external_id"]) for j in item.jobs if not j.referenced)
        keys.extend(("applications", a.values["external_id"]) for a in item.applications)
        if item.event is not None:
            keys.append(("events", item.event.values["external_id"]))
        for table, key in keys:
            first = self.lines[table].get(key)
            if first is not None:
                return RowError(self.file, item.line, *self._repeated(item, table, key, first))
        for table, key in keys:
            self.lines[table][key] = item.line
        return None

    @staticmethod
    def _repeated(item: Item, table: str, key: str, first: int) -> tuple[str, str]:
        """(field, reason) for a row that repeats an earlier row's id."""
        tail = f"line {first}; only the first is imported"
        if table == "candidates" and item.id_from == "email":
            field = item.labels.get("email", "email")
            return (
                field,
                f"is the email of the candidate on {tail} (rows without an id are matched by email)",
            )
        if table == "candidates" and item.id_from == "name+phone":
            return "", f"names the same person (name and phone, no id or email) as {tail}"
        field = item.labels.get("external_id", "id")
        return field, f"repeats the id {key!r} of {tail}"


def _write(writer: Writer, batch: list[Item], report: ImportReport) -> None:
    if not batch:
        return
    errors = writer.write(batch)
    report.errors.extend(errors)
    report.failed += len({e.line for e in errors})


def _first_record(path: Path, layout: str) -> Any:
    raw, text = open_text(path)
    with raw, text:
        records = (
            json_lines(text, str(path))
            if layout == "lines"
            else JsonStream(text, str(path)).records()
        )
        for record in records:
            if not isinstance(record, RowError):
                return record[1]
    return None


def _check_json(path: Path) -> None:
    """Read a JSON document through once, so a broken one fails before anything is written."""
    raw, text = open_text(path)
    with raw, text:
        for _ in JsonStream(text, str(path)).records():
            pass


def _enum(enum: Any, value: Any, what: str) -> Any:
    if value is None or isinstance(value, enum):
        return value
    try:
        return enum(str(value).lower())
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ImportFileError(f"{value!r} is not a {what}: use one of {choices}.") from None


def _source(source: str | None, format: Format) -> str:
    value = (source or format.value).strip()
    if not value or len(value) > 64:
        raise ImportFileError(
            f"--source {source!r} must be 1 to 64 characters, e.g. greenhouse-eu."
        )
    return value


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportFileError(
            f"CANDIDLY_DEFAULT_TIMEZONE={name!r} is not an IANA time zone, e.g. Europe/Berlin."
        ) from None
